import { readFile } from "node:fs/promises";
import path from "node:path";

const PDFJS_DIR = path.join(process.cwd(), "node_modules", "pdfjs-dist");

/**
 * Files of pdfjs-dist the document viewer asks for, by folder: the worker of the build it imports
 * (legacy, for older phones), the image decoders and colour profiles, and the fonts and CMaps a PDF
 * may name without embedding them. Nothing else of node_modules is reachable.
 */
const FOLDERS: Record<string, RegExp> = {
  wasm: /^[\w-]+\.(wasm|js)$/,
  cmaps: /^[\w-]+\.bcmap$/,
  standard_fonts: /^[\w-]+\.(pfb|ttf)$/,
};

const CONTENT_TYPES: Record<string, string> = {
  ".mjs": "text/javascript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
};

let installedVersion: Promise<string> | undefined;

function pdfjsVersion(): Promise<string> {
  installedVersion ??= readFile(path.join(PDFJS_DIR, "package.json"), "utf8").then(
    (text) => (JSON.parse(text) as { version: string }).version,
  );
  return installedVersion;
}

/** `<version>/pdf.worker.min.mjs` or `<version>/<folder>/<file>` to a file on disk, else null. */
async function resolveAsset(segments: string[]): Promise<string | null> {
  const [version, ...rest] = segments;
  // The version is in the URL so that a file cached as immutable is never the wrong one.
  if (version !== (await pdfjsVersion())) return null;
  if (rest.length === 1 && rest[0] === "pdf.worker.min.mjs") {
    return path.join(PDFJS_DIR, "legacy", "build", "pdf.worker.min.mjs");
  }
  const [folder, name] = rest;
  if (rest.length !== 2 || !folder || !name || !Object.hasOwn(FOLDERS, folder)) return null;
  return FOLDERS[folder]?.test(name) ? path.join(PDFJS_DIR, folder, name) : null;
}

/** The pdf.js worker and its data files, public like any script of the app. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ asset: string[] }> },
): Promise<Response> {
  const file = await resolveAsset((await params).asset);
  // Read from node_modules at run time, as the server runs from the project folder: nothing for
  // the bundler to trace.
  const body = file ? await readFile(/* turbopackIgnore: true */ file).catch(() => null) : null;
  if (!file || !body) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
