// The four faces of Liberation Serif the outgoing document needs (the "Nơi nhận:" heading is
// bold italic), registered with pdfmake under a family of its own, and measured with fontkit
// so the layout can place the form fields where pdfmake draws the text around them.
import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit, { type Font } from "@pdf-lib/fontkit";
import pdfmake from "pdfmake";
import { FONT_DIR, preparePdfmakeFonts } from "../fonts";

export type Face = "Regular" | "Bold" | "Italic" | "BoldItalic";

/** The family's name in the outgoing document's pdfmake definitions. */
export const OUTGOING_FONT = "LiberationSerifOutgoing";

const bytesByFace = new Map<Face, Buffer>();

/** A face's TrueType file, read once per process. */
export function faceBytes(face: Face): Buffer {
  let bytes = bytesByFace.get(face);
  if (!bytes) {
    bytes = readFileSync(path.join(FONT_DIR, `LiberationSerif-${face}.ttf`));
    bytesByFace.set(face, bytes);
  }
  return bytes;
}

let registered = false;

/** Adds the family to pdfmake's process-wide fonts, through its virtual file system. */
export function prepareOutgoingFonts(): void {
  // Sets pdfmake's access policies the way every other printed file expects them.
  preparePdfmakeFonts();
  if (!registered) {
    const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(n: string, b: Buffer): void } })
      .virtualfs;
    for (const face of ["Regular", "Bold", "Italic", "BoldItalic"] as const) {
      vfs.writeFileSync(`lien-thong/outgoing/${face}.ttf`, faceBytes(face));
    }
    registered = true;
  }
  if (!pdfmake.fonts?.[OUTGOING_FONT]) {
    pdfmake.addFonts({
      [OUTGOING_FONT]: {
        normal: "lien-thong/outgoing/Regular.ttf",
        bold: "lien-thong/outgoing/Bold.ttf",
        italics: "lien-thong/outgoing/Italic.ttf",
        bolditalics: "lien-thong/outgoing/BoldItalic.ttf",
      },
    });
  }
}

const fontkitFaces = new Map<Face, Font>();

function fontkitFace(face: Face): Font {
  let font = fontkitFaces.get(face);
  if (!font) {
    font = fontkit.create(faceBytes(face));
    fontkitFaces.set(face, font);
  }
  return font;
}

/** Width of a single line of text in points, shaped as pdfkit shapes it (kerning included). */
export function textWidth(text: string, face: Face, size: number): number {
  const font = fontkitFace(face);
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
}

/** Ascent, descent (negative) and the line height pdfmake gives a line at `size`, in points. */
export function lineMetrics(size: number, face: Face = "Regular", lineHeight = 1) {
  const font = fontkitFace(face);
  const scale = size / font.unitsPerEm;
  return {
    ascent: font.ascent * scale,
    descent: font.descent * scale,
    height: (font.ascent - font.descent + font.lineGap) * scale * lineHeight,
  };
}

/**
 * The words of `text` in the fewest lines no wider than `maxWidth`, two or three lines balanced
 * ("ỦY BAN NHÂN DÂN" / "PHƯỜNG ĐỊNH CÔNG", not a long line and a short one), as offices set
 * the names in the header.
 */
export function wrapBalanced(text: string, face: Face, size: number, maxWidth: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const width = (ws: string[]) => textWidth(ws.join(" "), face, size);
  const greedy: string[][] = [];
  for (const word of words) {
    const line = greedy.at(-1);
    if (line && width([...line, word]) <= maxWidth) line.push(word);
    else greedy.push([word]);
  }
  if (greedy.length < 2 || greedy.length > 3) return greedy.map((l) => l.join(" "));
  let best = greedy;
  let bestWidth = Math.max(...greedy.map(width));
  const n = words.length;
  for (let a = 1; a < n; a++) {
    const cuts =
      greedy.length === 2 ? [[a]] : Array.from({ length: n - a - 1 }, (_, i) => [a, a + 1 + i]);
    for (const cut of cuts) {
      const lines = [0, ...cut].map((from, i) => words.slice(from, [...cut, n][i]));
      const widest = Math.max(...lines.map(width));
      if (widest <= maxWidth && widest < bestWidth) {
        best = lines;
        bestWidth = widest;
      }
    }
  }
  return best.map((l) => l.join(" "));
}

/** A name in at most two lines, at the first of `sizes` that allows it (else the last size). */
export function fitName(text: string, face: Face, sizes: number[], maxWidth: number) {
  for (const size of sizes) {
    const lines = wrapBalanced(text, face, size, maxWidth);
    if (lines.length <= 2 || size === sizes.at(-1)) return { lines, size };
  }
  throw new Error("no size given");
}
