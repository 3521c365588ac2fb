// `npm run pdf:verify -- <file>... [--anchor cert.pem ...] [--crl file.crl ...] [--lang en|vi|both]`
// Verifies the signatures in PDF files with our own verifier (server/signing/verify) and prints
// one JSON line per file: {"file", "revisions", "lastRevisionSigned", "signatures": [{"field",
// "signer", "signingTime", "timestamped", "verdict", "reasons"}], "problems"}.
//
// Trust anchors: none by default. Without --anchor nothing is trusted, so a signature that is
// otherwise sound is "valid-untrusted"; give the root(s) to trust with --anchor (PEM or DER, a PEM
// file may hold several certificates). CRLs (DER or PEM) given with --crl are used besides those
// in the file's /DSS.
//
// Reasons are printed as {"code", "en"} by default, for logs and scripts; --lang vi prints the
// Vietnamese texts clerks read ({"code", "vi"}), --lang both prints both.
//
// Exit code: 0 when every file has at least one signature, every signature is "valid" and no
// file-level problem is fatal; 1 otherwise; 2 on usage errors (no file, an unknown option, an
// --anchor or --crl file that cannot be read).
import { readFileSync } from "node:fs";
import { type Reason, severityOf } from "@/server/signing/verify/reasons";
import { verifyPdf } from "@/server/signing/verify/verify-pdf";

type Lang = "en" | "vi" | "both";

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run pdf:verify -- <file.pdf>... [--anchor cert.pem ...] [--crl file.crl ...] [--lang en|vi|both]`,
  );
  process.exit(2);
}

function readOrUsage(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return usage(`Cannot read ${what} ${file}`);
  }
}

function parseArgs(argv: string[]): {
  files: string[];
  anchors: Buffer[];
  crls: Buffer[];
  lang: Lang;
} {
  const files: string[] = [];
  const anchors: Buffer[] = [];
  const crls: Buffer[] = [];
  let lang: Lang = "en";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? usage(`${arg} needs a value`);
    if (arg === "--anchor") anchors.push(readOrUsage(value(), "trust anchor"));
    else if (arg === "--crl") crls.push(readOrUsage(value(), "CRL"));
    else if (arg === "--lang") {
      const v = value();
      if (v !== "en" && v !== "vi" && v !== "both")
        usage(`--lang must be en, vi or both, not ${v}`);
      lang = v;
    } else if (arg === "--help" || arg === "-h") usage("Verifies the signatures of PDF files.");
    else if (arg.startsWith("--")) usage(`Unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) usage("No PDF file given.");
  return { files, anchors, crls, lang };
}

function show(reasons: Reason[], lang: Lang) {
  return reasons.map((r) =>
    lang === "both" ? r : lang === "vi" ? { code: r.code, vi: r.vi } : { code: r.code, en: r.en },
  );
}

function main(): number {
  const { files, anchors, crls, lang } = parseArgs(process.argv.slice(2));
  let allValid = true;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      allValid = false;
      console.log(
        JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) }),
      );
      continue;
    }
    const result = verifyPdf(bytes, { trustAnchors: anchors, crls });
    const fileValid =
      result.signatures.length > 0 &&
      result.signatures.every((s) => s.verdict === "valid") &&
      result.problems.every((p) => severityOf(p.code) !== "fatal");
    allValid &&= fileValid;
    console.log(
      JSON.stringify({
        file,
        revisions: result.revisions,
        lastRevisionSigned: result.lastRevisionSigned,
        signatures: result.signatures.map((s) => ({ ...s, reasons: show(s.reasons, lang) })),
        problems: show(result.problems, lang),
      }),
    );
  }
  return allValid ? 0 : 1;
}

process.exitCode = main();
