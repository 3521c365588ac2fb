// The visible face of a signature field: PNG images (the leader's blue signature, the red seal)
// drawn into rects of the widget. Each PNG becomes an RGB image XObject with its alpha channel as
// a soft mask, so the transparent background lets the page and the other signature show through.
import { deflateSync } from "node:zlib";
import type { PDFRef } from "pdf-lib";
import { PDFName, type PDFContext, type PDFDict } from "pdf-lib";
import sharp from "sharp";
import type { IncrementalUpdate } from "./incremental-update";
import { PdfSigningError } from "./pdf-signing-error";
import { pdfNumber } from "./pdf-syntax";

export type AppearanceImage = {
  png: Uint8Array;
  /** [x, y, width, height] in points from the widget's lower-left corner. */
  rect: [number, number, number, number];
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type DecodedImage = { width: number; height: number; rgb: Buffer; alpha: Buffer | undefined };

async function decodePng(png: Uint8Array): Promise<DecodedImage> {
  const invalid = () =>
    new PdfSigningError("INVALID_OPTIONS", "An appearance image is not a readable PNG");
  if (PNG_SIGNATURE.compare(png.subarray(0, 8)) !== 0) throw invalid();
  const { data, info } = await sharp(png)
    .ensureAlpha()
    .toColourspace("srgb")
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw invalid();
    });
  if (info.channels !== 4) throw invalid();
  const pixels = info.width * info.height;
  const rgb = Buffer.allocUnsafe(pixels * 3);
  const alpha = Buffer.allocUnsafe(pixels);
  let opaque = true;
  for (let p = 0; p < pixels; p++) {
    rgb[p * 3] = data[p * 4]!;
    rgb[p * 3 + 1] = data[p * 4 + 1]!;
    rgb[p * 3 + 2] = data[p * 4 + 2]!;
    const a = data[p * 4 + 3]!;
    alpha[p] = a;
    if (a !== 255) opaque = false;
  }
  return { width: info.width, height: info.height, rgb, alpha: opaque ? undefined : alpha };
}

async function writeImage(
  update: IncrementalUpdate,
  context: PDFContext,
  png: Uint8Array,
): Promise<{ ref: PDFRef; width: number; height: number }> {
  const image = await decodePng(png);
  const common = {
    Type: "XObject",
    Subtype: "Image",
    Width: image.width,
    Height: image.height,
    BitsPerComponent: 8,
    Filter: "FlateDecode",
  };
  let smask: PDFRef | undefined;
  if (image.alpha) {
    smask = update.newRef();
    update.setStream(
      smask,
      context.obj({ ...common, ColorSpace: "DeviceGray" }),
      deflateSync(image.alpha),
    );
  }
  const ref = update.newRef();
  update.setStream(
    ref,
    context.obj({ ...common, ColorSpace: "DeviceRGB", ...(smask ? { SMask: smask } : {}) }),
    deflateSync(image.rgb),
  );
  return { ref, width: image.width, height: image.height };
}

function checkRect(rect: number[]): void {
  if (
    rect.length !== 4 ||
    rect.some((n) => !Number.isFinite(n)) ||
    rect[2]! <= 0 ||
    rect[3]! <= 0
  ) {
    throw new PdfSigningError(
      "INVALID_OPTIONS",
      "An appearance image rect must be [x, y, width, height] with a positive size",
    );
  }
}

/**
 * Writes the widget's normal appearance, a form XObject the size of the widget, with each image
 * scaled to fit its rect (keeping its proportions, centred) and drawn in the order given.
 */
export async function writeSignatureAppearance(
  update: IncrementalUpdate,
  context: PDFContext,
  widgetSize: { width: number; height: number },
  images: AppearanceImage[],
): Promise<PDFRef> {
  let content = "";
  const xobjects: Record<string, PDFRef> = {};
  for (const [index, { png, rect }] of images.entries()) {
    checkRect(rect);
    const image = await writeImage(update, context, png);
    const [x, y, w, h] = rect;
    const scale = Math.min(w / image.width, h / image.height);
    const [dw, dh] = [image.width * scale, image.height * scale];
    const [dx, dy] = [x + (w - dw) / 2, y + (h - dh) / 2];
    const name = `Im${index}`;
    xobjects[name] = image.ref;
    content += `q ${[dw, 0, 0, dh, dx, dy].map(pdfNumber).join(" ")} cm /${name} Do Q\n`;
  }
  const form: PDFDict = context.obj({
    Type: "XObject",
    Subtype: "Form",
    BBox: [0, 0, widgetSize.width, widgetSize.height],
    Resources: { XObject: xobjects },
  });
  if (images.length === 0) form.delete(PDFName.of("Resources"));
  const ref = update.newRef();
  update.setStream(ref, form, Buffer.from(content, "latin1"));
  return ref;
}
