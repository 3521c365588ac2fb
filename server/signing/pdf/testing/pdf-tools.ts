// The independent tools the signing tests check against: poppler's pdfsig, pdftotext and
// pdftoppm, qpdf, openssl. Each gets the file through a temporary path.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

type Run = { status: number | null; stdout: string; stderr: string };

function withFiles<T>(
  files: Record<string, Uint8Array>,
  withPaths: (at: (name: string) => string) => T,
): T {
  const dir = mkdtempSync(path.join(tmpdir(), "pades-tool-"));
  const at = (name: string) => path.join(dir, name);
  try {
    for (const [name, bytes] of Object.entries(files)) writeFileSync(at(name), bytes);
    return withPaths(at);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], env?: Record<string, string>): Run {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** pdfsig's report, times shown in Vietnam time. */
export function pdfsig(pdf: Uint8Array): Run {
  return withFiles({ "in.pdf": pdf }, (at) =>
    run("pdfsig", [at("in.pdf")], { TZ: "Asia/Ho_Chi_Minh" }),
  );
}

export function qpdfCheck(pdf: Uint8Array): Run {
  return withFiles({ "in.pdf": pdf }, (at) => run("qpdf", ["--check", at("in.pdf")]));
}

/** qpdf's JSON view of the objects, stream data decoded and inlined (base64). */
export function qpdfJson(pdf: Uint8Array): {
  qpdf: [unknown, Record<string, { value?: unknown; stream?: { dict: unknown; data?: string } }>];
} {
  return withFiles({ "in.pdf": pdf }, (at) => {
    const result = run("qpdf", ["--json=2", "--json-stream-data=inline", at("in.pdf")]);
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout);
  });
}

export function pdftotext(pdf: Uint8Array): string {
  return withFiles({ "in.pdf": pdf }, (at) => run("pdftotext", [at("in.pdf"), "-"]).stdout);
}

/** Page 1 as PNG at `dpi`. */
export function renderFirstPage(pdf: Uint8Array, dpi: number): Buffer {
  return withFiles({ "in.pdf": pdf }, (at) => {
    const args = ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile"];
    const result = run("pdftoppm", [...args, at("in.pdf"), at("page")]);
    if (result.status !== 0) throw new Error(result.stderr);
    return readFileSync(at("page.png"));
  });
}

/** `openssl cms -verify` of a detached signature over `content`, trusting `caPath`. */
export function opensslCmsVerify(cms: Uint8Array, content: Uint8Array, caPath: string): Run {
  return withFiles({ "sig.der": cms, "content.bin": content }, (at) =>
    run("openssl", [
      "cms",
      "-verify",
      "-binary",
      "-inform",
      "DER",
      "-in",
      at("sig.der"),
      "-content",
      at("content.bin"),
      "-CAfile",
      caPath,
      "-purpose",
      "any",
      "-out",
      "/dev/null",
    ]),
  );
}
