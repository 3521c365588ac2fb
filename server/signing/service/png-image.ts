// A picture for a signature or a seal, as it will be kept: a PNG (by its first bytes and by
// decoding it whole), scaled down to fit its box, with a transparent background. A scan or a
// photo of the signature on white paper has no transparency of its own: the paper is made
// transparent, the ink kept.
import sharp from "sharp";
import { AppError, fieldError } from "../../errors";

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Larger than any signature scan; refuses decompression bombs before their pixels are made. */
const MAX_INPUT_PIXELS = 6000 * 6000;
/** Lighter than this is paper; darker than INK is fully ink; in between, partly transparent. */
const PAPER = 235;
const INK = 90;

const refuse = (key: string) => fieldError({ file: `signing.${key}` });

export const isPng = (bytes: Uint8Array) =>
  bytes.length >= PNG_MAGIC.length && PNG_MAGIC.equals(bytes.subarray(0, PNG_MAGIC.length));

export async function normalisePng(
  bytes: Buffer,
  box: { width: number; height: number },
): Promise<Buffer> {
  if (!isPng(bytes)) throw refuse("imageNotPng");
  try {
    const source = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "warning" });
    const meta = await source.metadata();
    if (meta.format !== "png") throw refuse("imageNotPng");
    const resized = source.resize({
      width: box.width,
      height: box.height,
      fit: "inside",
      withoutEnlargement: true,
    });
    const { data, info } = await resized.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    if (!meta.hasAlpha) paperToTransparent(data);
    if (!hasInk(data)) throw refuse("imageEmpty");
    return await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
      .png({ compressionLevel: 9 })
      .toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // libvips' own words (truncated file, bad CRC, too many pixels) mean nothing to the user.
    throw refuse("imageUnreadable");
  }
}

/** RGBA in place: light pixels lose their opacity in proportion to their lightness. */
function paperToTransparent(rgba: Buffer): void {
  for (let i = 0; i < rgba.length; i += 4) {
    const light = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
    const opacity = Math.min(1, Math.max(0, (PAPER - light) / (PAPER - INK)));
    rgba[i + 3] = Math.round(rgba[i + 3]! * opacity);
  }
}

/** Whether anything at all is visible: an empty drawing or a blank page is no signature. */
function hasInk(rgba: Buffer): boolean {
  let visible = 0;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i]! > 32) visible++;
  return visible >= 20;
}
