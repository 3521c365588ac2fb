// Certificate revocation lists (RFC 5280 §5): read, check the issuer's signature, look up a serial.
import { type Certificate } from "./certificate";
import {
  children,
  content,
  decodeOid,
  decodeTime,
  type Der,
  DerError,
  expect,
  integerBytes,
  raw,
  readDer,
  Tag,
} from "./der";
import { checkSignature } from "./signature-check";

export type Crl = {
  der: Buffer;
  tbs: Buffer;
  issuer: Buffer;
  thisUpdate: Date;
  signatureAlgorithmOid: string;
  signatureAlgorithmParams: Der | null;
  signature: Buffer;
  /** Serial (hex, no leading zeros) → revocation date. */
  revoked: Map<string, Date>;
};

export function parseCrl(input: Buffer): Crl {
  let der = input;
  const text = input.subarray(0, 64).toString("latin1");
  if (text.includes("-----BEGIN")) {
    const m = input
      .toString("latin1")
      .match(/-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/);
    if (!m) throw new DerError("no X509 CRL in the PEM text");
    der = Buffer.from(m[1]!.replace(/\s+/g, ""), "base64");
  }
  const root = readDer(der);
  const [tbs, algorithm, signature] = children(expect(root, Tag.sequence, "CertificateList"));
  const fields = children(expect(tbs, Tag.sequence, "TBSCertList"));
  let i = fields[0]?.tag === Tag.integer ? 1 : 0;
  i++; // signature algorithm
  const issuer = expect(fields[i++], Tag.sequence, "CRL issuer");
  const thisUpdate = decodeTime(fields[i++]!);
  if (fields[i]?.tag === Tag.utcTime || fields[i]?.tag === Tag.generalizedTime) i++;
  const revoked = new Map<string, Date>();
  if (fields[i]?.tag === Tag.sequence) {
    for (const entry of children(fields[i]!)) {
      const [serial, date] = children(entry);
      revoked.set(integerBytes(serial!).toString("hex"), decodeTime(date!));
    }
  }
  const algorithmParts = children(algorithm!);
  const sig = expect(signature, Tag.bitString, "CRL signature");
  return {
    der,
    tbs: Buffer.from(raw(tbs!)),
    issuer: Buffer.from(raw(issuer)),
    thisUpdate,
    signatureAlgorithmOid: decodeOid(algorithmParts[0]!),
    signatureAlgorithmParams: algorithmParts[1] ?? null,
    signature: Buffer.from(content(sig).subarray(1)),
    revoked,
  };
}

export function crlSignedBy(crl: Crl, issuer: Certificate): boolean {
  if (!crl.issuer.equals(issuer.subject)) return false;
  return (
    checkSignature({
      algorithmOid: crl.signatureAlgorithmOid,
      algorithmParams: crl.signatureAlgorithmParams,
      digest: null,
      publicKey: issuer.x509.publicKey,
      data: [crl.tbs],
      signature: crl.signature,
    }) === "ok"
  );
}

/** When `cert` was revoked according to the CRLs its issuer signed, or null. */
export function revocationDate(
  cert: Certificate,
  issuer: Certificate | null,
  crls: Crl[],
): { covered: boolean; date: Date | null } {
  let covered = false;
  let date: Date | null = null;
  for (const crl of crls) {
    if (!issuer || !crl.issuer.equals(cert.issuer) || !crlSignedBy(crl, issuer)) continue;
    covered = true;
    const when = crl.revoked.get(cert.serial.toString("hex"));
    if (when && (!date || when < date)) date = when;
  }
  return { covered, date };
}
