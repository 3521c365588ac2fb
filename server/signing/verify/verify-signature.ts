// Verifies one signature field: byte range, digest, CMS signature, signing certificate, timestamp,
// chain and revocation at the signing time, then what later revisions changed.
import { createHash } from "node:crypto";
import { checkByteRange, hashRanges } from "./byte-range";
import { type Certificate, KeyUsage, parseCertificates } from "./certificate";
import { buildChain, checkChainAt } from "./chain";
import { attributeValue, checkSigner, parseSignedData } from "./cms";
import { type Crl, revocationDate } from "./crl";
import { decodeTime, raw } from "./der";
import { Oid } from "./oids";
import { type PdfFile, type Revision } from "./pdf-file";
import { type SignatureField } from "./pdf-structure";
import { parsePdfDate, type PdfObject } from "./pdf-syntax";
import { reason, type Reason, type ReasonCode, verdictOf } from "./reasons";
import { checkTimestampToken } from "./timestamp";

export type SignatureReport = {
  field: string;
  /** The signer certificate's common name (for a document timestamp, the authority's). */
  signer: string | null;
  /** ISO 8601: the timestamp's time when there is a valid one, else the signature's /M. */
  signingTime: string | null;
  timestamped: boolean;
  verdict: "valid" | "valid-untrusted" | "invalid";
  reasons: Reason[];
};

export type SignatureContext = {
  file: PdfFile;
  anchors: Certificate[];
  /** Certificates the file offers outside the CMS (the /DSS). */
  extraCertificates: Certificate[];
  crls: Crl[];
  now: Date;
};

export type SignatureOutcome = { report: SignatureReport; revision: Revision | null };

const supported = ["adbe.pkcs7.detached", "ETSI.CAdES.detached", "adbe.pkcs7.sha1", "ETSI.RFC3161"];

/** The signature dictionary as written in the file, so that its /Contents offsets are real. */
function locateSignature(
  ctx: SignatureContext,
  field: SignatureField,
): { sig: PdfObject; offset: number | null } {
  const { file } = ctx;
  const last = file.last!;
  const v = field.dict.get("V")!;
  const holder = v.t === "ref" ? v.num : field.num;
  const found = holder === null ? null : file.object(last, holder);
  if (!found) return { sig: file.resolve(last, v), offset: null };
  return { sig: v.t === "ref" ? found.value : file.resolve(last, v), offset: found.offset };
}

export function verifySignature(ctx: SignatureContext, field: SignatureField): SignatureOutcome {
  const { file } = ctx;
  const problems: Reason[] = [];
  const add = (code: ReasonCode, detail?: { vi: string; en: string }) => {
    if (!problems.some((p) => p.code === code && !detail)) problems.push(reason(code, detail));
  };
  const report = (
    extra: Partial<SignatureReport>,
    revision: Revision | null,
  ): SignatureOutcome => ({
    report: {
      field: field.name,
      signer: null,
      signingTime: null,
      timestamped: false,
      ...extra,
      verdict: verdictOf(problems),
      reasons: problems,
    },
    revision,
  });

  const { sig, offset } = locateSignature(ctx, field);
  const dict = sig.t === "dict" ? sig.v : null;
  if (!dict) {
    add("signature-dictionary-unreadable");
    return report({}, null);
  }
  if (offset === null) add("signature-in-object-stream");
  const nameOf = (key: string) => {
    const v = file.resolve(file.last!, dict.get(key));
    return v.t === "name" ? v.v : null;
  };
  const claimedTime = (() => {
    const m = file.resolve(file.last!, dict.get("M"));
    return m.t === "str" ? parsePdfDate(m.v.toString("latin1")) : null;
  })();

  const contents = dict.get("Contents");
  const token = contents?.t === "str" && contents.hex ? contents.v : null;
  if (!token || token.length === 0 || token.every((b) => b === 0)) add("contents-missing");

  const range = checkByteRange(file, dict, offset === null ? undefined : contents);
  for (const p of range.problems) add(p);
  const revision = range.revision ?? (offset !== null ? file.revisionAt(offset) : null);
  if (
    range.revision &&
    offset !== null &&
    (offset < range.revision.start || offset >= range.revision.end)
  ) {
    add("byte-range-not-revision-end");
  }
  const subFilter = nameOf("SubFilter");
  const docTimestamp = subFilter === "ETSI.RFC3161" || nameOf("Type") === "DocTimeStamp";
  if (!subFilter || !supported.includes(subFilter)) {
    add("subfilter-unsupported", { vi: subFilter ?? "(không có)", en: subFilter ?? "(none)" });
    return report({ signingTime: claimedTime?.toISOString() ?? null }, revision);
  }
  if (!token || !range.range)
    return report({ signingTime: claimedTime?.toISOString() ?? null }, revision);
  const byteRange = range.range;
  const rangeDigests = new Map<string, Buffer>();
  const digestOfRanges = (digest: Parameters<typeof hashRanges>[2]) => {
    if (!rangeDigests.has(digest))
      rangeDigests.set(digest, hashRanges(file.buf, byteRange, digest));
    return rangeDigests.get(digest)!;
  };

  if (docTimestamp) {
    const ts = checkTimestampToken({
      token,
      digestOf: digestOfRanges,
      pool: ctx.extraCertificates,
      anchors: ctx.anchors,
    });
    for (const p of ts.problems) add(p, ts.detail ? { vi: ts.detail, en: ts.detail } : undefined);
    return report(
      {
        signer: ts.authority?.commonName ?? null,
        signingTime: (ts.genTime ?? claimedTime)?.toISOString() ?? null,
        timestamped: ts.genTime !== null,
      },
      revision,
    );
  }

  let cms;
  try {
    cms = parseSignedData(token);
  } catch {
    add("cms-unreadable");
    return report({ signingTime: claimedTime?.toISOString() ?? null }, revision);
  }
  if (cms.signers.length !== 1) {
    add("cms-signer-count");
    return report({ signingTime: claimedTime?.toISOString() ?? null }, revision);
  }
  const signer = cms.signers[0]!;
  const pool = [...parseCertificates(cms.certificates), ...ctx.extraCertificates];
  // adbe.pkcs7.sha1 signs the SHA-1 digest of the ranges, carried as the encapsulated content.
  const legacySha1 = subFilter === "adbe.pkcs7.sha1";
  if (legacySha1) {
    if (!cms.content || !cms.content.equals(digestOfRanges("sha1"))) add("digest-mismatch");
  } else if (cms.content)
    add("cms-unreadable", { vi: "chữ ký không tách rời", en: "the CMS is not detached" });
  const signedContent = legacySha1 && cms.content ? cms.content : null;
  const check = checkSigner({
    signer,
    pool,
    expectedContentType: Oid.data,
    digestOf: (d) =>
      signedContent ? createHash(d).update(signedContent).digest() : digestOfRanges(d),
    unsignedContent: () =>
      signedContent
        ? [signedContent]
        : [
            file.buf.subarray(0, byteRange.a),
            file.buf.subarray(byteRange.b, byteRange.b + byteRange.c),
          ],
  });
  for (const p of check.problems) add(p);
  const pades = subFilter === "ETSI.CAdES.detached";
  if (check.certificate) {
    if (check.signingCertificate === "mismatch") add("signing-certificate-mismatch");
    if (check.signingCertificate === "absent")
      add(pades ? "signing-certificate-attribute-missing" : "signing-certificate-attribute-absent");
  }
  const cmsTimeNode = attributeValue(signer.attributes, Oid.signingTime);
  if (pades && cmsTimeNode) add("signing-time-attribute-present");

  let timestampTime: Date | null = null;
  const tst = attributeValue(signer.unsignedAttributes, Oid.timeStampToken);
  if (tst) {
    const ts = checkTimestampToken({
      token: Buffer.from(raw(tst)),
      digestOf: (d) => createHash(d).update(signer.signature).digest(),
      pool,
      anchors: ctx.anchors,
    });
    for (const p of ts.problems) add(p, ts.detail ? { vi: ts.detail, en: ts.detail } : undefined);
    if (!ts.problems.includes("timestamp-invalid")) timestampTime = ts.genTime;
  }
  let cmsTime: Date | null = null;
  try {
    cmsTime = cmsTimeNode ? decodeTime(cmsTimeNode) : null;
  } catch {
    cmsTime = null;
  }
  const when = timestampTime ?? claimedTime ?? cmsTime;
  if (!when) add("signing-time-unknown");
  const at = when ?? ctx.now;

  const cert = check.certificate;
  if (cert) {
    if (
      cert.keyUsage !== null &&
      !(cert.keyUsage & (KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
    ) {
      add("key-usage-not-signing");
    }
    const chain = buildChain(cert, pool, ctx.anchors);
    for (const p of checkChainAt(chain, ctx.anchors, at)) add(p);
    if (!chain.trusted) add("chain-untrusted");
    const anchorIds = new Set(ctx.anchors.map((a) => a.id));
    chain.path.forEach((c, i) => {
      if (anchorIds.has(c.id)) return;
      const issuer = chain.path[i + 1] ?? pool.find((p) => p.subject.equals(c.issuer)) ?? null;
      const revoked = revocationDate(c, issuer, ctx.crls);
      if (i === 0 && !revoked.covered) add("revocation-not-checked");
      if (!revoked.date) return;
      const detail = {
        vi: `${c.commonName ?? "?"}, ngày ${revoked.date.toISOString()}`,
        en: `${c.commonName ?? "?"} on ${revoked.date.toISOString()}`,
      };
      add(
        revoked.date.getTime() <= at.getTime() ? "revoked-before-signing" : "revoked-after-signing",
        detail,
      );
    });
  }
  return report(
    {
      signer: cert?.commonName ?? null,
      signingTime: when?.toISOString() ?? null,
      timestamped: timestampTime !== null,
    },
    revision,
  );
}
