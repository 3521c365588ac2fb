// The form fields the numbering and the signatures fill, read back from the file, and the file's
// structure the incremental signature updates build on.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  type PDFNumber,
  type PDFString,
} from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { issueDateText, numberNotationText } from "./draft";
import { encodeForFieldFont, FIELD_CHARSET } from "./field-font";
import { OUTGOING_FIELDS, type OutgoingPdfLayout, type TextFieldLayout } from "./fields";
import { MM } from "./geometry";
import { flatText, lineStarting, pageLines, run, saveTo } from "./pdf-tools";
import { renderOutgoingPdf } from "./render";
import { decisionDraft, letterDraft, longLetter } from "./test-drafts";

const name = (dict: PDFDict, key: string) => dict.get(PDFName.of(key))?.toString();
const num = (dict: PDFDict, key: string) => (dict.get(PDFName.of(key)) as PDFNumber).asNumber();

function fieldsOf(pdf: PDFDocument) {
  const form = pdf.catalog.lookup(PDFName.of("AcroForm"), PDFDict);
  const refs = form.lookup(PDFName.of("Fields"), PDFArray).asArray() as PDFRef[];
  return {
    form,
    fields: new Map(
      refs.map((ref) => {
        const dict = pdf.context.lookup(ref, PDFDict);
        return [(dict.get(PDFName.of("T")) as PDFString).decodeText(), { ref, dict }] as const;
      }),
    ),
  };
}

const rectOf = (dict: PDFDict) => {
  const [x1, y1, x2, y2] = dict
    .lookup(PDFName.of("Rect"), PDFArray)
    .asArray()
    .map((n) => (n as PDFNumber).asNumber()) as [number, number, number, number];
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
};

/** A copy with the text fields filled the way the numbering will: value and appearance. */
async function filledCopy(
  bytes: Uint8Array,
  layout: OutgoingPdfLayout,
  values: { number: string; date: string },
) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { fields } = fieldsOf(pdf);
  for (const key of ["number", "date"] as const) {
    const field: TextFieldLayout = layout.fields[key];
    const hex = await encodeForFieldFont(bytes, values[key], field.name);
    const appearance = pdf.context.register(
      pdf.context.stream(
        `/Tx BMC q BT /${field.fontResource} ${field.fontSize} Tf 0 g 0 ${field.baseline} Td <${hex}> Tj ET Q EMC`,
        {
          Type: "XObject",
          Subtype: "Form",
          BBox: [0, 0, field.rect.width, field.rect.height],
          Resources: {
            Font: {
              [field.fontResource]: PDFRef.of(
                field.fontObject.objectNumber,
                field.fontObject.generation,
              ),
            },
          },
        },
      ),
    );
    const dict = fields.get(field.name)!.dict;
    dict.set(PDFName.of("V"), PDFHexString.fromText(values[key]));
    dict.set(PDFName.of("AP"), pdf.context.obj({ N: appearance }));
  }
  return pdf.save({ useObjectStreams: false });
}

describe("the outgoing document's form fields", () => {
  let bytes: Uint8Array;
  let layout: OutgoingPdfLayout;
  let pdf: PDFDocument;

  beforeAll(async () => {
    // Three pages, so "the last page" and "page 1" are different pages.
    ({ pdf: bytes, layout } = await renderOutgoingPdf(longLetter(2)));
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  });

  it("are the four named fields, of the right types, on the right pages", () => {
    const { fields } = fieldsOf(pdf);
    expect([...fields.keys()]).toEqual(["SoKyHieu", "NgayBanHanh", "LanhDaoKy", "DauCoQuan"]);
    const pages = pdf.getPages();
    const onPage = (field: string, index: number) => {
      const { ref, dict } = fields.get(field)!;
      expect(dict.get(PDFName.of("P"))).toBe(pages[index]!.ref);
      const annots = pages[index]!.node.Annots()!.asArray();
      expect(annots).toContain(ref);
    };
    expect(layout.pageCount).toBe(pages.length);
    expect(pages.length).toBeGreaterThan(1);
    onPage("SoKyHieu", 0);
    onPage("NgayBanHanh", 0);
    onPage("LanhDaoKy", pages.length - 1);
    onPage("DauCoQuan", pages.length - 1);
    for (const field of ["SoKyHieu", "NgayBanHanh"]) {
      const { dict } = fields.get(field)!;
      expect(name(dict, "FT")).toBe("/Tx");
      expect(num(dict, "Ff") & 1).toBe(1); // read-only
      expect(name(dict, "Subtype")).toBe("/Widget");
      expect(num(dict, "F")).toBe(4); // printed
      expect(dict.get(PDFName.of("V"))).toBeUndefined();
    }
    for (const field of ["LanhDaoKy", "DauCoQuan"]) {
      const { dict } = fields.get(field)!;
      expect(name(dict, "FT")).toBe("/Sig");
      expect(dict.get(PDFName.of("V"))).toBeUndefined();
      expect(num(dict, "F")).toBe(4);
    }
    // Nothing is signed yet.
    expect(fieldsOf(pdf).form.get(PDFName.of("SigFlags"))).toBeUndefined();
  });

  it("have the rectangles the layout reports", () => {
    const { fields } = fieldsOf(pdf);
    for (const field of Object.values(layout.fields)) {
      const rect = rectOf(fields.get(field.name)!.dict);
      expect(rect.x).toBeCloseTo(field.rect.x, 2);
      expect(rect.y).toBeCloseTo(field.rect.y, 2);
      expect(rect.width).toBeCloseTo(field.rect.width, 2);
      expect(rect.height).toBeCloseTo(field.rect.height, 2);
    }
  });

  it("size the signature at 50 × 22 mm and the seal at 36 mm, over its left third", () => {
    const sig = layout.fields.leader.rect;
    const seal = layout.fields.seal.rect;
    expect(sig.width / MM).toBeCloseTo(50, 1);
    expect(sig.height / MM).toBeCloseTo(22, 1);
    expect(seal.width / MM).toBeCloseTo(36, 1);
    expect(seal.height).toBeCloseTo(seal.width, 2);
    // The seal's right edge a third into the signature; both share a vertical centre.
    expect(seal.x + seal.width - sig.x).toBeCloseTo(sig.width / 3, 1);
    expect(seal.x).toBeLessThan(sig.x);
    expect(seal.y + seal.height / 2).toBeCloseTo(sig.y + sig.height / 2, 1);
    expect(layout.fields.seal.pageIndex).toBe(layout.fields.leader.pageIndex);
  });

  it("give the text fields a /DA whose font the AcroForm /DR holds", () => {
    const { form, fields } = fieldsOf(pdf);
    const fonts = form.lookup(PDFName.of("DR"), PDFDict).lookup(PDFName.of("Font"), PDFDict);
    for (const field of [layout.fields.number, layout.fields.date]) {
      const da = (fields.get(field.name)!.dict.get(PDFName.of("DA")) as PDFString).decodeText();
      expect(da).toBe(`/${field.fontResource} ${field.fontSize} Tf 0 g`);
      const ref = fonts.get(PDFName.of(field.fontResource)) as PDFRef;
      expect(ref.objectNumber).toBe(field.fontObject.objectNumber);
      const font = pdf.context.lookup(ref, PDFDict);
      expect(name(font, "Subtype")).toBe("/Type0");
      expect(name(font, "Encoding")).toBe("/Identity-H");
    }
    expect(layout.fields.number.fontSize).toBe(13);
    expect(layout.fields.date.fontSize).toBe(14);
  });

  it("encode every character a number or a date can need in both field fonts", async () => {
    for (const field of ["SoKyHieu", "NgayBanHanh"]) {
      const hex = await encodeForFieldFont(bytes, FIELD_CHARSET, field);
      expect(hex).toMatch(/^[0-9A-F]+$/);
      expect(hex.length).toBe(4 * [...FIELD_CHARSET].length);
    }
    await expect(encodeForFieldFont(bytes, "15/UBND-VP ✓")).rejects.toThrow(/✓/);
  });

  it("show the filled number and date where the blanks were, as text a reader extracts", async () => {
    const filled = await filledCopy(bytes, layout, {
      number: numberNotationText(15, "UBND-VP"),
      date: issueDateText({ year: 2026, month: 1, day: 5 }),
    });
    const file = saveTo("cong-van-da-cap-so.pdf", filled);
    expect(run("qpdf", ["--check", file])).toMatch(/No syntax or stream encoding errors found/);
    run("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      file,
      file.replace(/\.pdf$/, "-p1"),
    ]);
    const lines = pageLines(file, 1);
    expect(lineStarting(lines, "Số:").text).toBe("Số: 15/UBND-VP");
    expect(lineStarting(lines, "Định Công,").text).toBe("Định Công, ngày 05 tháng 01 năm 2026");
    expect(flatText(file, 1)).not.toContain("……");
  });

  it("print the blanks while empty: dots before the notation and in the date", () => {
    const file = saveTo("cong-van-chua-cap-so.pdf", bytes);
    const lines = pageLines(file, 1);
    expect(lineStarting(lines, "Số:").text).toBe("Số: ……/UBND-VP");
    expect(lineStarting(lines, "Định Công,").text).toBe("Định Công, ngày …… tháng …… năm 20…");
    expect(layout.fields.number.placeholder).toBe("……/UBND-VP");
  });
});

describe("the file's structure", () => {
  let bytes: Uint8Array;
  let file: string;

  beforeAll(async () => {
    ({ pdf: bytes } = await renderOutgoingPdf(letterDraft));
    file = saveTo("cau-truc.pdf", bytes);
  });

  it("has a classic xref table and no object streams", () => {
    const text = Buffer.from(bytes).toString("latin1");
    expect(text).not.toContain("/ObjStm");
    expect(text).not.toMatch(/\/Type\s*\/XRef/);
    const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
    expect(text).toMatch(/trailer\s*<</);
    const xref = run("qpdf", ["--show-xref", file]).trim().split("\n");
    expect(xref.length).toBeGreaterThan(10);
    expect(xref.every((line) => /uncompressed/.test(line))).toBe(true);
  });

  it("is PDF 1.7 in Vietnamese, with a file identifier and the draft's dates", async () => {
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    expect(text).toMatch(/\/ID \[ <[0-9A-Fa-f]{32}> <[0-9A-Fa-f]{32}> \]/);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.catalog.get(PDFName.of("Lang"))?.toString()).toBe("(vi-VN)");
    expect(pdf.getCreationDate()?.toISOString()).toBe("2026-01-05T02:15:30.000Z");
    expect(pdf.getModificationDate()?.toISOString()).toBe("2026-01-05T02:15:30.000Z");
  });

  it("is the same bytes for the same draft, and other bytes for another draft or time", async () => {
    const again = await renderOutgoingPdf(letterDraft);
    expect(Buffer.from(again.pdf).equals(Buffer.from(bytes))).toBe(true);
    const later = await renderOutgoingPdf({
      ...letterDraft,
      now: new Date("2026-01-06T00:00:00Z"),
    });
    expect(Buffer.from(later.pdf).equals(Buffer.from(bytes))).toBe(false);
    const other = await renderOutgoingPdf(decisionDraft);
    expect(Buffer.from(other.pdf).equals(Buffer.from(bytes))).toBe(false);
  });

  it("names the field fonts with fixed subset tags", () => {
    const fonts = run("pdffonts", [file]);
    expect(fonts).toContain("LTFLDR+LiberationSerif");
    expect(fonts).toContain("LTFLDI+LiberationSerif-Italic");
  });
});

it("names the four fields as the signing expects them", () => {
  expect(OUTGOING_FIELDS).toEqual({
    number: "SoKyHieu",
    date: "NgayBanHanh",
    leader: "LanhDaoKy",
    seal: "DauCoQuan",
  });
});
