// Our own verifier of PDF signatures, stricter than poppler's pdfsig: besides the digest and the
// CMS signature it checks that each ByteRange is exactly [0 a b c] around /Contents and ends at
// its revision's %%EOF, builds the chain to the given trust anchors at the signing time, reads
// revocation from CRLs, and compares every later revision with the signed one (change-rules.ts).
// A broken file yields a report with reasons, never an exception.
import { type Certificate, certificatesFromInput, parseCertificates } from "./certificate";
import { type Change, changesBetween } from "./changes";
import { type Crl, parseCrl } from "./crl";
import { PdfFile, type Revision } from "./pdf-file";
import { describeStructure, type Structure } from "./pdf-structure";
import { type PdfObject } from "./pdf-syntax";
import { docMdpLevel, fieldLocks, judgeLaterChanges } from "./permissions";
import { reason, type Reason, verdictOf } from "./reasons";
import { type SignatureContext, type SignatureReport, verifySignature } from "./verify-signature";

export type { Reason } from "./reasons";
export type { SignatureReport } from "./verify-signature";

export type VerifyOptions = {
  /** Roots (or intermediates) to trust, PEM text or DER. None given: nothing is trusted. */
  trustAnchors: (string | Buffer)[];
  /** CRLs, DER or PEM, besides those the file carries in its /DSS. */
  crls?: Buffer[];
  /** Used when a signature says nothing of when it was made. */
  now?: Date;
};

export type VerifyResult = {
  signatures: SignatureReport[];
  revisions: number;
  /** Whether the last revision is covered by a signature (else it holds later, unsigned changes). */
  lastRevisionSigned: boolean;
  problems: Reason[];
};

const maxReasonsPerSignature = 8;

function streamsOf(file: PdfFile, rev: Revision, value: PdfObject | undefined): Buffer[] {
  const list = file.resolve(rev, value);
  if (list.t !== "array") return [];
  const out: Buffer[] = [];
  for (const item of list.v) {
    const stream = file.resolve(rev, item);
    if (stream.t !== "stream") continue;
    try {
      out.push(Buffer.from(file.decode(stream)));
    } catch {
      // an undecodable entry of the DSS is simply not used
    }
  }
  return out;
}

function trailingBytes(buf: Buffer, from: number): boolean {
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c && c !== 0x00)
      return true;
  }
  return false;
}

function verifyFile(bytes: Uint8Array, options: VerifyOptions): VerifyResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problems: Reason[] = [];
  const anchors: Certificate[] = [];
  for (const input of options.trustAnchors) {
    const ders = certificatesFromInput(input);
    const parsed = parseCertificates(ders);
    if (parsed.length === 0 || parsed.length < ders.length)
      problems.push(reason("input-anchor-unreadable"));
    anchors.push(...parsed);
  }
  const file = new PdfFile(buf);
  const last = file.last;
  if (!last) {
    return {
      signatures: [],
      revisions: 0,
      lastRevisionSigned: false,
      problems: [...problems, reason("file-unreadable")],
    };
  }
  // Bytes after the last readable revision: a damaged update if they hold another %%EOF.
  const appended = trailingBytes(buf, last.end)
    ? buf.indexOf("%%EOF", last.end, "latin1") >= 0
      ? reason("file-revision-unreadable")
      : reason("file-bytes-after-end")
    : null;
  if (appended) problems.push(appended);
  if (last.trailer.has("Encrypt")) problems.push(reason("file-encrypted"));

  const structures = new Map<number, Structure>();
  const structureOf = (rev: Revision): Structure => {
    if (!structures.has(rev.index)) structures.set(rev.index, describeStructure(file, rev));
    return structures.get(rev.index)!;
  };
  const changes: Change[][] = file.revisions.map((rev, i) =>
    i === 0
      ? []
      : changesBetween(
          file,
          file.revisions[i - 1]!,
          rev,
          structureOf(file.revisions[i - 1]!),
          structureOf(rev),
        ),
  );

  const catalog = file.dict(last, last.trailer.get("Root"));
  const dss = catalog ? file.dict(last, catalog.get("DSS")) : null;
  const extraCertificates = dss ? parseCertificates(streamsOf(file, last, dss.get("Certs"))) : [];
  const crlInputs = [
    ...(options.crls ?? []),
    ...(dss ? streamsOf(file, last, dss.get("CRLs")) : []),
  ];
  const crls: Crl[] = [];
  for (const input of crlInputs) {
    try {
      crls.push(parseCrl(input));
    } catch {
      problems.push(reason("input-crl-unreadable"));
    }
  }
  const ctx: SignatureContext = {
    file,
    anchors,
    extraCertificates,
    crls,
    now: options.now ?? new Date(),
  };

  const signed = structureOf(last).fields.filter((f) => file.dict(last, f.dict.get("V")) !== null);
  const outcomes = signed.map((field) => {
    try {
      return verifySignature(ctx, field);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const r = reason("signature-dictionary-unreadable", { vi: text, en: text });
      return {
        report: {
          field: field.name,
          signer: null,
          signingTime: null,
          timestamped: false,
          verdict: "invalid" as const,
          reasons: [r],
        },
        revision: null,
      };
    }
  });

  for (const { report, revision } of outcomes) {
    if (appended) report.reasons.push(appended);
    if (revision) {
      const later = changes.slice(revision.index + 1).flat();
      const structure = structureOf(revision);
      const judged = judgeLaterChanges(
        later,
        docMdpLevel(file, revision, structure),
        fieldLocks(file, revision, structure),
      );
      for (const what of judged.refused.slice(0, maxReasonsPerSignature))
        report.reasons.push(reason("changed-after-signing", what));
      if (judged.refused.length > maxReasonsPerSignature) {
        const more = judged.refused.length - maxReasonsPerSignature;
        report.reasons.push(
          reason("changed-after-signing", {
            vi: `và ${more} thay đổi khác`,
            en: `and ${more} more changes`,
          }),
        );
      }
      if (judged.refused.length === 0 && judged.allowedKinds.length > 0) {
        report.reasons.push(
          reason("later-changes-allowed", {
            vi: judged.allowedKinds.map((k) => k.vi).join(", "),
            en: judged.allowedKinds.map((k) => k.en).join(", "),
          }),
        );
      }
    }
    report.verdict = verdictOf(report.reasons);
  }

  outcomes.sort((a, b) => (a.revision?.index ?? Infinity) - (b.revision?.index ?? Infinity));
  const lastRevisionSigned = outcomes.some((o) => o.revision?.index === last.index);
  if (outcomes.length === 0) problems.push(reason("file-no-signatures"));
  else if (!lastRevisionSigned) {
    // PAdES B-LT adds certificates and revocation data (DSS) in a revision of its own after the
    // last signature: said as such, rather than as an unsigned revision of unknown content.
    const lastSigned = Math.max(...outcomes.map((o) => o.revision?.index ?? -1));
    const after = changes.slice(lastSigned + 1).flat();
    const validationDataOnly =
      lastSigned >= 0 && after.every((c) => c.allowed && c.levels.every((l) => l === "lta"));
    problems.push(
      reason(validationDataOnly ? "file-validation-data-added" : "file-last-revision-unsigned"),
    );
  }
  if (file.damaged) problems.push(reason("file-xref-damaged"));
  return {
    signatures: outcomes.map((o) => o.report),
    revisions: file.revisions.length,
    lastRevisionSigned,
    problems,
  };
}

export function verifyPdf(bytes: Uint8Array, options: VerifyOptions): VerifyResult {
  try {
    return verifyFile(bytes, options);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return {
      signatures: [],
      revisions: 0,
      lastRevisionSigned: false,
      problems: [reason("file-internal-error", { vi: text, en: text })],
    };
  }
}
