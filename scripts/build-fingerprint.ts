// Whether `.next` holds a production build of the current sources. `npm start` and `npm test`
// both consult it, so a build made by one is reused by the other and a 2-minute `next build`
// runs only when something that goes into the bundle changed.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const SOURCES = [
  "app",
  "components",
  "server",
  "lib",
  "messages",
  "db",
  "public",
  "next.config.ts",
  "tsconfig.json",
  "package-lock.json",
  "postcss.config.cjs",
];

// Tests never reach the bundle; editing one should not force a rebuild.
const isTestFile = (name: string) => /\.(test|spec)\.tsx?$/.test(name);

// Copied from node_modules at start (scripts/pdfjs-assets.ts): package-lock.json already stands for them.
const isGenerated = (relative: string) => relative.split(path.sep).join("/") === "public/pdfjs";

const fingerprintFile = (root: string) => path.join(root, ".next", "lien-thong-build.sha256");

function listFiles(root: string, relative: string, out: string[]): void {
  const full = path.join(root, relative);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    out.push(relative);
    return;
  }
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) {
      if (!isGenerated(child)) listFiles(root, child, out);
    } else if (entry.isFile() && !isTestFile(entry.name)) out.push(child);
  }
}

/** sha256 over the path and content of every source file that goes into `next build`. */
export function computeBuildFingerprint(root = repoRoot): string {
  const files: string[] = [];
  for (const source of SOURCES) listFiles(root, source, files);
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    const name = file.split(path.sep).join("/");
    hash.update(`${name}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** True when `.next` holds a complete build made from sources with this fingerprint. */
export function isBuildCurrent(fingerprint: string, root = repoRoot): boolean {
  const file = fingerprintFile(root);
  if (!existsSync(file) || !existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  return readFileSync(file, "utf8").trim() === fingerprint;
}

/** Records the fingerprint computed before a successful build (edits made during it still count). */
export function writeBuildFingerprint(fingerprint: string, root = repoRoot): void {
  writeFileSync(fingerprintFile(root), fingerprint + "\n");
}
