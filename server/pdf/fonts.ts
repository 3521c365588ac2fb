// The one serif family every printed file uses: Liberation Serif, metric-compatible with Times
// New Roman (the font Decree 30 names) and with every Vietnamese glyph.
import { readFileSync } from "node:fs";
import path from "node:path";
import pdfmake from "pdfmake";

export const FONT_DIR = path.join(process.cwd(), "server/pdf/fonts");
/** The family's name in pdfmake document definitions. */
export const FONT = "LiberationSerif";

export type FontFace = "Regular" | "Bold" | "Italic";

const faceBytes = new Map<FontFace, Buffer>();

/** A face's TrueType file, read once per process. */
export function fontBytes(face: FontFace): Buffer {
  let bytes = faceBytes.get(face);
  if (!bytes) {
    bytes = readFileSync(path.join(FONT_DIR, `${FONT}-${face}.ttf`));
    faceBytes.set(face, bytes);
  }
  return bytes;
}

let fontFilesLoaded = false;

/**
 * Registers the fonts through pdfmake's virtual file system, so rendering reads no file and no
 * URL. pdfmake's fonts and access policies are process-wide: the family is (re)added whenever
 * it is missing, and the policies are only set when nobody set them before.
 */
export function preparePdfmakeFonts(): void {
  const faces: Record<string, FontFace> = {
    normal: "Regular",
    bold: "Bold",
    italics: "Italic",
    bolditalics: "Bold",
  };
  const names = Object.fromEntries(
    Object.entries(faces).map(([style, face]) => [style, `lien-thong/${FONT}-${face}.ttf`]),
  );
  if (!fontFilesLoaded) {
    const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(n: string, b: Buffer): void } })
      .virtualfs;
    for (const face of new Set(Object.values(faces))) {
      vfs.writeFileSync(`lien-thong/${FONT}-${face}.ttf`, fontBytes(face));
    }
    fontFilesLoaded = true;
  }
  if (!pdfmake.fonts?.[FONT]) pdfmake.addFonts({ [FONT]: names });
  const policies = pdfmake as unknown as { urlAccessPolicy?: unknown; localAccessPolicy?: unknown };
  if (policies.urlAccessPolicy === undefined) pdfmake.setUrlAccessPolicy(() => false);
  if (policies.localAccessPolicy === undefined) {
    pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(FONT_DIR + path.sep));
  }
}
