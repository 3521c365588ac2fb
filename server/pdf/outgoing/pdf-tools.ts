// Reading rendered PDFs back in tests with the tools a reader uses: poppler's pdftotext and
// pdftoppm, qpdf, and pdf.js for the font each run of text is drawn in.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export const OUT_DIR = path.join(tmpdir(), "lien-thong-outgoing-render");

export const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

export function saveTo(name: string, bytes: Uint8Array): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, name);
  writeFileSync(file, bytes);
  return file;
}

/** A page's text (all pages without `page`), whitespace runs made single spaces. */
export const flatText = (file: string, page?: number) =>
  run("pdftotext", [...(page ? ["-f", `${page}`, "-l", `${page}`] : []), file, "-"])
    .replace(/\s+/g, " ")
    .trim();

export type Box = { xMin: number; yMin: number; xMax: number; yMax: number };
export type TextLine = Box & { text: string; words: (Box & { text: string })[] };

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

const box = (attrs: string): Box => {
  const n = (k: string) => Number(new RegExp(`${k}="([\\d.-]+)"`).exec(attrs)![1]);
  return { xMin: n("xMin"), yMin: n("yMin"), xMax: n("xMax"), yMax: n("yMax") };
};

/** The lines poppler finds on a page, in points from the page's top-left corner. */
export function pageLines(file: string, page: number): TextLine[] {
  const html = run("pdftotext", ["-bbox-layout", "-f", `${page}`, "-l", `${page}`, file, "-"]);
  return [...html.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, attrs, inner]) => {
    const words = [...inner!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map(([, a, t]) => ({
      ...box(a!),
      text: unescape(t!),
    }));
    return { ...box(attrs!), words, text: words.map((w) => w.text).join(" ") };
  });
}

/** The first line whose text starts with `start`. */
export function lineStarting(lines: TextLine[], start: string): TextLine {
  const line = lines.find((l) => l.text.startsWith(start));
  if (!line)
    throw new Error(`No line starting "${start}" in:\n${lines.map((l) => l.text).join("\n")}`);
  return line;
}

/** The font (PostScript name, subset tag removed) of each run of text on a page, by pdf.js. */
export async function runFonts(bytes: Uint8Array, page: number): Promise<Map<string, string>> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, disableFontFace: true })
    .promise;
  try {
    const p = await doc.getPage(page);
    const content = await p.getTextContent();
    await p.getOperatorList();
    const fonts = new Map<string, string>();
    for (const item of content.items) {
      if (!("str" in item) || !item.str.trim()) continue;
      const font = p.commonObjs.get(item.fontName) as { name: string };
      fonts.set(item.str.trim(), font.name.replace(/^[A-Z]{6}\+/, ""));
    }
    return fonts;
  } finally {
    await doc.destroy();
  }
}
