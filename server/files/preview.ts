import { execFile } from "node:child_process";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { AppError } from "../errors";
import type { FileStore } from "./store";

const run = promisify(execFile);

/**
 * Page 1 of a PDF as a small picture, shown while the viewer loads pdf.js (a 1 MB download
 * that a slow phone waits seconds for). 800 pixels wide: sharp on a phone of 390 points at
 * twice the density, which is as long as anyone looks at it before pdf.js draws the page.
 */
export const PREVIEW_WIDTH = 800;

/** A text page makes a picture of some 10 KB as a palette PNG; a scan, some 60 KB as WebP. */
export type Preview = { bytes: Buffer; mimeType: "image/png" | "image/webp" };

const RENDER_TIMEOUT_MS = 20_000;
/** pdftoppm takes a quarter of a second of one core per page; more at once only queue. */
const MAX_RENDERS = 2;

let rendering = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (rendering >= MAX_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  rendering += 1;
  try {
    return await work();
  } finally {
    rendering -= 1;
    waiting.shift()?.();
  }
}

const noPreview = () => new AppError("NOT_FOUND", "files.noPreview");

/** Draws page 1 with poppler's pdftoppm and keeps the smaller of a palette PNG and a WebP. */
export async function renderPreview(pdfPath: string): Promise<Preview> {
  return slot(async () => {
    const base = path.join(tmpdir(), `lien-thong-preview-${process.pid}-${Math.random()}`);
    try {
      await run(
        "pdftoppm",
        [
          "-f",
          "1",
          "-l",
          "1",
          "-singlefile",
          "-scale-to-x",
          String(PREVIEW_WIDTH),
          "-scale-to-y",
          "-1",
          "-png",
          pdfPath,
          base,
        ],
        { timeout: RENDER_TIMEOUT_MS },
      );
      const drawn = await readFile(`${base}.png`);
      const [png, webp] = await Promise.all([
        sharp(drawn).png({ palette: true, colours: 32, compressionLevel: 9 }).toBuffer(),
        sharp(drawn).webp({ quality: 60 }).toBuffer(),
      ]);
      return png.length <= webp.length
        ? { bytes: png, mimeType: "image/png" }
        : { bytes: webp, mimeType: "image/webp" };
    } catch {
      // No poppler on this machine, an encrypted or broken file: the viewer goes without.
      throw noPreview();
    } finally {
      await rm(`${base}.png`, { force: true });
    }
  });
}

const inFlight = new Map<string, Promise<Preview>>();

/**
 * The preview of the stored PDF with this hash: drawn once, then read from `cacheDir`
 * (`<sha256>.png` or `.webp`). Two requests for the same file at once share one drawing.
 */
export async function previewOf(
  store: FileStore & { pathOf(sha256: string): string },
  cacheDir: string,
  sha256: string,
): Promise<Preview> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw noPreview();
  const cached = await readCached(cacheDir, sha256);
  if (cached) return cached;
  let pending = inFlight.get(sha256);
  if (!pending) {
    pending = (async () => {
      if (!(await store.has(sha256))) throw noPreview();
      const preview = await renderPreview(store.pathOf(sha256));
      await mkdir(cacheDir, { recursive: true });
      const file = path.join(cacheDir, `${sha256}.${extension(preview.mimeType)}`);
      const temp = `${file}.${process.pid}.part`;
      await writeFile(temp, preview.bytes);
      await rename(temp, file);
      return preview;
    })().finally(() => inFlight.delete(sha256));
    inFlight.set(sha256, pending);
  }
  return pending;
}

const extension = (mimeType: Preview["mimeType"]) => (mimeType === "image/png" ? "png" : "webp");

async function readCached(cacheDir: string, sha256: string): Promise<Preview | null> {
  for (const mimeType of ["image/png", "image/webp"] as const) {
    try {
      const bytes = await readFile(path.join(cacheDir, `${sha256}.${extension(mimeType)}`));
      return { bytes, mimeType };
    } catch {
      // not drawn yet, or drawn in the other format
    }
  }
  return null;
}
