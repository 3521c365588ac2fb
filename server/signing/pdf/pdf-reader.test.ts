import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { findField, readAcroForm } from "./form-fields";
import { PdfReader } from "./pdf-reader";
import { prepareSignature } from "./prepare-signature";
import { buildFormPdf } from "./testing/form-pdf";

/** A form whose field names need UTF-16 and PDFDocEncoding, one of them nested. */
async function namedFieldsPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const ctx = doc.context;
  const widget = (fields: Record<string, unknown>, parent?: ReturnType<typeof ctx.nextRef>) =>
    ctx.register(
      ctx.obj({
        Type: "Annot",
        Subtype: "Widget",
        Rect: [10, 10, 100, 40],
        P: page.ref,
        ...(parent ? { Parent: parent } : {}),
        ...(fields as Record<string, PDFString>),
      }),
    );
  const vietnamese = widget({ FT: "Sig", T: PDFHexString.fromText("Chữ ký lãnh đạo") });
  // "Ký" in PDFDocEncoding: 0xDD is Ý.
  const latin = widget({ FT: "Sig", T: PDFString.of("K\\335") });
  const parent = ctx.nextRef();
  const child = widget({ T: PDFString.of("con") }, parent);
  ctx.assign(parent, ctx.obj({ FT: "Sig", T: PDFString.of("cha"), Kids: [child] }));
  page.node.set(PDFName.of("Annots"), ctx.obj([vietnamese, latin, child]));
  doc.catalog.set(
    PDFName.of("AcroForm"),
    ctx.register(ctx.obj({ Fields: [vietnamese, latin, parent] })),
  );
  return doc.save({ useObjectStreams: false });
}

describe("reading a PDF for an incremental update", () => {
  it("finds fields by UTF-16, PDFDocEncoding and dotted names, with their widget and page", async () => {
    const reader = new PdfReader(await namedFieldsPdf());
    const form = readAcroForm(reader)!;
    expect(findField(reader, form, "Chữ ký lãnh đạo").widgetRef).toBeDefined();
    expect(findField(reader, form, "KÝ").ref).toBeDefined();
    const nested = findField(reader, form, "cha.con");
    expect(nested.widgetRef).toBe(nested.ref);
    expect(nested.inherited("FT")).toBe(PDFName.of("Sig"));
    expect(nested.pageRef).toBe(
      reader
        .dict(reader.catalog().get(PDFName.of("Pages")))!
        .lookup(PDFName.of("Kids"), PDFArray)
        .get(0),
    );
    expect(() => findField(reader, form, "con")).toThrow(/cha\.con/);
  });

  it("follows the xref chain through an update: newer objects win, /Size and startxref move on", async () => {
    const { bytes } = await buildFormPdf({ texts: [] });
    const before = new PdfReader(bytes);
    const prepared = await prepareSignature(bytes, {
      fieldName: "LanhDaoKy",
      signerName: "A",
      reason: "B",
      location: "C",
      signingTime: new Date(),
    });
    const after = new PdfReader(prepared.pdf);
    expect(after.size).toBeGreaterThan(before.size);
    expect(after.startXref).toBeGreaterThan(bytes.length);
    expect(after.rootRef).toBe(before.rootRef);
    expect(after.infoRef).toBe(before.infoRef);
    const field = findField(after, readAcroForm(after)!, "LanhDaoKy");
    const signature = after.dict(field.dict.get(PDFName.of("V")))!;
    expect(signature.get(PDFName.of("SubFilter"))).toBe(PDFName.of("ETSI.CAdES.detached"));
    const beforeField = findField(before, readAcroForm(before)!, "LanhDaoKy");
    expect(beforeField.dict.has(PDFName.of("V"))).toBe(false);
  });

  it("gives the file an /ID when it had none and keeps its first element in later updates", async () => {
    const { bytes } = await buildFormPdf({ texts: [] });
    const sign = (pdf: Uint8Array, fieldName: string) =>
      prepareSignature(pdf, {
        fieldName,
        signerName: "A",
        reason: "B",
        location: "C",
        signingTime: new Date(),
      });
    expect(new PdfReader(bytes).firstId).toBeUndefined();
    const first = await sign(bytes, "LanhDaoKy");
    const second = await sign(first.pdf, "DauCoQuan");
    const id = (pdf: Uint8Array) =>
      /\/ID \[<([0-9A-F]+)> <([0-9A-F]+)>\]/.exec(
        Buffer.from(pdf).toString("latin1", pdf.length - 300),
      )!;
    const [, permanent1, changing1] = id(first.pdf);
    const [, permanent2, changing2] = id(second.pdf);
    expect(permanent1).toHaveLength(32);
    expect(permanent2).toBe(permanent1);
    expect(changing2).not.toBe(changing1);
    expect(Buffer.from(new PdfReader(second.pdf).firstId!).toString("hex").toUpperCase()).toBe(
      permanent1,
    );
  });
});
