// The pdf.js worker and its data files, copied from node_modules into public/pdfjs/<version>/ so
// that Next.js serves them as static files: compressed (the worker is 1.3 MB as it is, 0.4 MB
// gzipped) and, as the version is in the path, cached for good (next.config.ts).
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The folder of public/ that holds the copies; generated, so neither committed nor fingerprinted. */
export const PDFJS_PUBLIC_DIR = path.join("public", "pdfjs");

/** What the viewer asks for: the legacy build's worker, image decoders, CMaps and standard fonts. */
const FOLDERS: Record<string, RegExp> = {
  wasm: /^[\w-]+\.(wasm|js)$/,
  cmaps: /^[\w-]+\.bcmap$/,
  standard_fonts: /^[\w-]+\.(pfb|ttf)$/,
};

const COMPLETE = ".complete";

/**
 * Copies this installed version's files, unless a complete copy is there already, and removes the
 * copies of other versions. Returns the version.
 */
export function ensurePdfjsAssets(root: string): string {
  const source = path.join(root, "node_modules", "pdfjs-dist");
  const { version } = JSON.parse(readFileSync(path.join(source, "package.json"), "utf8")) as {
    version: string;
  };
  const publicDir = path.join(root, PDFJS_PUBLIC_DIR);
  const target = path.join(publicDir, version);
  if (existsSync(publicDir)) {
    for (const entry of readdirSync(publicDir)) {
      if (entry !== version) rmSync(path.join(publicDir, entry), { recursive: true, force: true });
    }
  }
  if (existsSync(path.join(target, COMPLETE))) return version;

  rmSync(target, { recursive: true, force: true });
  cpSync(
    path.join(source, "legacy", "build", "pdf.worker.min.mjs"),
    path.join(target, "pdf.worker.min.mjs"),
  );
  for (const [folder, pattern] of Object.entries(FOLDERS)) {
    cpSync(path.join(source, folder), path.join(target, folder), {
      recursive: true,
      filter: (file) => file === path.join(source, folder) || pattern.test(path.basename(file)),
    });
  }
  writeFileSync(path.join(target, COMPLETE), "");
  return version;
}
