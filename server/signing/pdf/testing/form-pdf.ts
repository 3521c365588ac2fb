// Test PDFs shaped like the outgoing-document renderer's: pdf-lib, no object streams, a classic
// xref table, an AcroForm with two empty signature fields and two read-only text fields whose /DA
// names a Vietnamese-capable font in /DR. Field shapes vary on purpose: merged field-widgets and
// fields with a separate widget kid, literal and UTF-16 names. The seal's field is merged unless
// asked: poppler 22 takes a widget kid with /Parent for a field of its own and reads /V there.
import { randomBytes } from "node:crypto";
import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  rgb,
  type PDFObject,
  type PDFRef,
} from "pdf-lib";
import { fontBytes } from "@/server/pdf/fonts";

export type Box = [number, number, number, number];

export const FIELD_BOXES = {
  SoKyHieu: [60, 740, 220, 22],
  NgayBanHanh: [300, 740, 260, 22],
  LanhDaoKy: [330, 200, 200, 90],
  // The seal covers about a third of the leader's signature, on its left.
  DauCoQuan: [300, 190, 110, 110],
} satisfies Record<string, Box>;

export const TEXT_SIZE = 13;

export type FormPdf = {
  bytes: Uint8Array;
  /** For each text given: its hex for the embedded font and its width at TEXT_SIZE. */
  encoded: Record<string, { hex: string; width: number }>;
  pageHeight: number;
};

export async function buildFormPdf(options: {
  texts: string[];
  /** Bytes of incompressible image data to pad the file with. */
  padding?: number;
  useObjectStreams?: boolean;
  sealWidgetAsKid?: boolean;
}): Promise<FormPdf> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes("Regular"), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  page.drawText("ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG", { x: 60, y: 790, size: 12, font });
  page.drawText("QUYẾT ĐỊNH", { x: 250, y: 680, size: 14, font });
  page.drawText("Về việc ban hành quy chế làm việc", { x: 200, y: 660, size: 13, font });
  page.drawText("CHỦ TỊCH", { x: 400, y: 300, size: 13, font, color: rgb(0, 0, 0) });
  page.drawText("Nguyễn Đức Thắng", { x: 380, y: 170, size: 13, font });

  const encoded: FormPdf["encoded"] = {};
  for (const text of options.texts) {
    encoded[text] = {
      hex: font.encodeText(text).toString(),
      width: font.widthOfTextAtSize(text, TEXT_SIZE),
    };
  }

  const ctx = doc.context;
  const rect = ([x, y, w, h]: Box) => [x, y, x + w, y + h];
  const widgetBase = (box: Box) => ({
    Type: "Annot",
    Subtype: "Widget",
    Rect: rect(box),
    F: 4,
    P: page.ref,
  });
  const merged = (fields: Record<string, PDFObject | string | number>, box: Box) =>
    ctx.register(ctx.obj({ ...widgetBase(box), ...fields }));
  const withKid = (fields: Record<string, PDFObject | string | number>, box: Box) => {
    const fieldRef = ctx.nextRef();
    const widgetRef = ctx.register(ctx.obj({ ...widgetBase(box), Parent: fieldRef }));
    ctx.assign(fieldRef, ctx.obj({ ...fields, Kids: [widgetRef] }));
    return { fieldRef, widgetRef };
  };

  const da = PDFString.of(`/F1 ${TEXT_SIZE} Tf 0 g`);
  const number = merged(
    { FT: "Tx", T: PDFString.of("SoKyHieu"), Ff: 1, DA: da, Q: 0 },
    FIELD_BOXES.SoKyHieu,
  );
  const date = withKid(
    { FT: "Tx", T: PDFHexString.fromText("NgayBanHanh"), Ff: 1, DA: da, Q: 1 },
    FIELD_BOXES.NgayBanHanh,
  );
  const leader = merged({ FT: "Sig", T: PDFString.of("LanhDaoKy") }, FIELD_BOXES.LanhDaoKy);
  const sealField = { FT: "Sig", T: PDFString.of("DauCoQuan") };
  const seal = options.sealWidgetAsKid
    ? withKid(sealField, FIELD_BOXES.DauCoQuan)
    : ((ref: PDFRef) => ({ fieldRef: ref, widgetRef: ref }))(
        merged(sealField, FIELD_BOXES.DauCoQuan),
      );

  const annots: PDFRef[] = [number, date.widgetRef, leader, seal.widgetRef];
  page.node.set(PDFName.of("Annots"), ctx.obj(annots));
  const acroForm = ctx.register(
    ctx.obj({
      Fields: [number, date.fieldRef, leader, seal.fieldRef],
      DR: { Font: { F1: font.ref } },
      DA: PDFString.of("/F1 12 Tf 0 g"),
    }),
  );
  doc.catalog.set(PDFName.of("AcroForm"), acroForm);

  if (options.padding) {
    const width = 1024;
    const height = Math.ceil(options.padding / (width * 3));
    const image = ctx.register(
      ctx.stream(randomBytes(width * height * 3), {
        Type: "XObject",
        Subtype: "Image",
        Width: width,
        Height: height,
        ColorSpace: "DeviceRGB",
        BitsPerComponent: 8,
      }),
    );
    page.node.setXObject(PDFName.of("Padding"), image);
  }

  const bytes = await doc.save({
    useObjectStreams: options.useObjectStreams ?? false,
    updateFieldAppearances: false,
  });
  return { bytes, encoded, pageHeight: page.getHeight() };
}
