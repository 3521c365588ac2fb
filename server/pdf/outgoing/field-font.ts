// The fonts the number and date fields are filled in. They are subsets of Liberation Serif
// embedded as Identity-H (two bytes a glyph), holding every character a number, a notation or a
// date can need; whoever fills a field later writes its text with `encodeForFieldFont`, which
// reads the glyph codes back from the font's ToUnicode map in the file itself.
import fontkit from "@pdf-lib/fontkit";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from "pdf-lib";
import { faceBytes } from "./fonts";

const VIETNAMESE_LOWER =
  "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ" +
  "fjwz";

/**
 * Printable ASCII, every Vietnamese letter in both cases, the ellipsis of the empty blanks and
 * the en dash: a notation ("15/QĐ-UBND", "36-HD/VPTW") or a date ("ngày 05 tháng 01 năm 2026")
 * never needs anything else.
 */
export const FIELD_CHARSET: string = (() => {
  const chars = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  for (const ch of VIETNAMESE_LOWER) {
    chars.add(ch);
    chars.add(ch.toLocaleUpperCase("vi"));
  }
  chars.add("…");
  chars.add("–");
  return [...chars].join("");
})();

export type FieldFace = "Regular" | "Italic";

/** The fonts' resource names in the AcroForm /DR, and their fixed subset names. */
export const FIELD_FONTS: Record<FieldFace, { resource: string; baseFont: string }> = {
  Regular: { resource: "LTSerif", baseFont: "LTFLDR+LiberationSerif" },
  Italic: { resource: "LTSerifIt", baseFont: "LTFLDI+LiberationSerif-Italic" },
};

type FieldFontTemplate = {
  pdf: PDFDocument;
  fonts: Record<FieldFace, { ref: PDFRef; codes: Map<string, number> }>;
};

let template: Promise<FieldFontTemplate> | null = null;

/**
 * The two subsets, embedded once per process in a document of their own: every outgoing file
 * gets a copy of the same objects, without subsetting and compressing the fonts again.
 */
function fieldFontTemplate(): Promise<FieldFontTemplate> {
  template ??= (async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    const embed = async (face: FieldFace) => {
      const font = await pdf.embedFont(faceBytes(face), {
        subset: true,
        customName: FIELD_FONTS[face].baseFont,
      });
      // A subset holds only the glyphs encoded before it is embedded: every one a fill may
      // need, one character at a time so no ligature stands for two.
      const codes = new Map<string, number>();
      for (const ch of FIELD_CHARSET) {
        codes.set(ch, parseInt(font.encodeText(ch).toString().slice(1, -1), 16));
      }
      await font.embed();
      return { ref: font.ref, codes };
    };
    return { pdf, fonts: { Regular: await embed("Regular"), Italic: await embed("Italic") } };
  })();
  return template;
}

/** Copies the field fonts into `pdf`: their references and a Unicode → glyph code map each. */
export async function copyFieldFonts(
  pdf: PDFDocument,
): Promise<Record<FieldFace, { ref: PDFRef; codes: Map<string, number> }>> {
  const source = await fieldFontTemplate();
  const copier = PDFObjectCopier.for(source.pdf.context, pdf.context);
  const copy = (face: FieldFace) => {
    const dict = source.pdf.context.lookup(source.fonts[face].ref, PDFDict);
    return { ref: pdf.context.register(copier.copy(dict)), codes: source.fonts[face].codes };
  };
  return { Regular: copy("Regular"), Italic: copy("Italic") };
}

/** Unicode text → glyph code, from a ToUnicode CMap (bfchar and both forms of bfrange). */
export function parseToUnicode(cmap: string): Map<string, number> {
  const map = new Map<string, number>();
  const hexText = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  const add = (code: number, hex: string) => {
    const text = hexText(hex.replace(/\s+/g, ""));
    if (!map.has(text)) map.set(text, code);
  };
  for (const [, section] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of section!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      add(parseInt(src!, 16), dst!);
    }
  }
  for (const [, section] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const entry = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F\s]+)>|\[([^\]]*)\])/g;
    for (const [, lo, hi, dst, list] of section!.matchAll(entry)) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      if (list !== undefined) {
        [...list.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach(([, hex], i) => {
          if (from + i <= to) add(from + i, hex!);
        });
      } else {
        const base = dst!.replace(/\s+/g, "");
        const last = parseInt(base.slice(-4), 16);
        for (let code = from; code <= to; code++) {
          add(code, base.slice(0, -4) + (last + code - from).toString(16).padStart(4, "0"));
        }
      }
    }
  }
  return map;
}

/** Glyph codes of `text`, one per character, from a Unicode → code map. */
export function encodeWith(map: Map<string, number>, text: string): string {
  const missing = new Set<string>();
  let hex = "";
  for (const ch of text.normalize("NFC")) {
    const code = map.get(ch);
    if (code === undefined) missing.add(ch);
    else hex += code.toString(16).toUpperCase().padStart(4, "0");
  }
  if (missing.size > 0) {
    throw new Error(`The field font has no glyph for: ${[...missing].join(" ")}`);
  }
  return hex;
}

function lookupDict(pdf: PDFDocument, value: unknown): PDFDict | undefined {
  const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : undefined;
}

/** The name and dictionary of the font in a field's /DA, looked up in the AcroForm's /DR. */
export function fieldFont(pdf: PDFDocument, fieldName: string) {
  const acroForm = lookupDict(pdf, pdf.catalog.get(PDFName.of("AcroForm")));
  const fields = acroForm?.lookup(PDFName.of("Fields"), PDFArray);
  const field = fields
    ?.asArray()
    .map((ref) => lookupDict(pdf, ref))
    .find((dict) => {
      const t = dict?.get(PDFName.of("T"));
      return (t instanceof PDFString || t instanceof PDFHexString) && t.decodeText() === fieldName;
    });
  const da = field?.get(PDFName.of("DA"));
  const resource =
    da instanceof PDFString ? /\/([^\s/]+)\s+[\d.]+\s+Tf/.exec(da.decodeText())?.[1] : undefined;
  if (!resource) throw new Error(`No text field ${fieldName} with a font in its /DA`);
  const fonts = lookupDict(
    pdf,
    lookupDict(pdf, acroForm?.get(PDFName.of("DR")))?.get(PDFName.of("Font")),
  );
  const ref = fonts?.get(PDFName.of(resource));
  const font = lookupDict(pdf, ref);
  if (!font || !(ref instanceof PDFRef))
    throw new Error(`No font /${resource} in the AcroForm /DR`);
  return { resource, ref, font };
}

/** The Unicode → glyph code map of a font dictionary, from its ToUnicode stream. */
export function toUnicodeMap(pdf: PDFDocument, font: PDFDict): Map<string, number> {
  const stream = pdf.context.lookup(font.get(PDFName.of("ToUnicode")));
  if (!(stream instanceof PDFStream)) throw new Error("The field font has no ToUnicode map");
  const bytes =
    stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return parseToUnicode(new TextDecoder("latin1").decode(bytes));
}

/**
 * The hex string (without the angle brackets) that shows `text` in the font of the text field
 * `fieldName` of an outgoing PDF: write `<…> Tj` after `/<fontResource> <size> Tf`. Throws when
 * the font lacks a character.
 */
export async function encodeForFieldFont(
  pdfBytes: Uint8Array,
  text: string,
  fieldName = "SoKyHieu",
): Promise<string> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  return encodeWith(toUnicodeMap(pdf, fieldFont(pdf, fieldName).font), text);
}
