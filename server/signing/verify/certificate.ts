// What the verifier needs to know about one X.509 certificate. node:crypto does the key and
// issuer checks; the fields it does not expose (key usage bits, the raw names for matching
// CRLs and CMS signer identifiers) are read from the DER.
import { createHash, X509Certificate } from "node:crypto";
import {
  child,
  children,
  content,
  decodeOid,
  decodeString,
  decodeTime,
  type Der,
  DerError,
  integerBytes,
  raw,
  readDer,
  Tag,
} from "./der";
import { Oid } from "./oids";

export type Certificate = {
  der: Buffer;
  x509: X509Certificate;
  /** SHA-256 of the DER, hex, to tell certificates apart. */
  id: string;
  subject: Buffer;
  issuer: Buffer;
  serial: Buffer;
  commonName: string | null;
  subjectKeyId: Buffer | null;
  /** Key usage bits, bit 0 (digitalSignature) as 1 << 0; null when the extension is absent. */
  keyUsage: number | null;
  extKeyUsage: string[] | null;
  isCa: boolean;
  notBefore: Date;
  notAfter: Date;
};

export const KeyUsage = {
  digitalSignature: 1,
  nonRepudiation: 2,
  keyCertSign: 32,
  cRLSign: 64,
} as const;

function readKeyUsage(value: Der): number {
  const bits = content(value);
  let usage = 0;
  for (let bit = 0; bit < 9; bit++) {
    const byte = bits[1 + (bit >> 3)];
    if (byte !== undefined && byte & (0x80 >> (bit & 7))) usage |= 1 << bit;
  }
  return usage;
}

/** The first common name in a Name, decoded from whichever string type it uses. */
export function commonNameOf(name: Der): string | null {
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (type && value && decodeOid(type) === Oid.commonName) return decodeString(value);
    }
  }
  return null;
}

export function parseCertificate(der: Buffer): Certificate {
  const root = readDer(der);
  if (root.tag !== Tag.sequence || root.end !== der.length) throw new DerError("not a certificate");
  const tbs = child(root, 0, Tag.sequence, "TBSCertificate");
  const fields = children(tbs);
  let i = fields[0]?.tag === 0xa0 ? 1 : 0;
  const serial = integerBytes(fields[i++]!);
  i++; // signature algorithm
  const issuer = fields[i++]!;
  const validity = fields[i++]!;
  const subject = fields[i++]!;
  if ([issuer, validity, subject].some((f) => f.tag !== Tag.sequence))
    throw new DerError("malformed TBSCertificate");
  const [notBefore, notAfter] = children(validity).map(decodeTime);
  let keyUsage: number | null = null;
  let extKeyUsage: string[] | null = null;
  let subjectKeyId: Buffer | null = null;
  let isCa = false;
  const extensions = fields.find((f) => f.tag === 0xa3);
  if (extensions) {
    for (const ext of children(children(extensions)[0]!)) {
      const parts = children(ext);
      const oid = decodeOid(parts[0]!);
      const value = readDer(content(parts[parts.length - 1]!));
      if (oid === Oid.keyUsage) keyUsage = readKeyUsage(value);
      else if (oid === Oid.extKeyUsage) extKeyUsage = children(value).map(decodeOid);
      else if (oid === Oid.subjectKeyIdentifier) subjectKeyId = Buffer.from(content(value));
      else if (oid === Oid.basicConstraints) {
        const first = children(value)[0];
        isCa = first?.tag === 0x01 && content(first)[0] !== 0;
      }
    }
  }
  return {
    der,
    x509: new X509Certificate(der),
    id: createHash("sha256").update(der).digest("hex"),
    subject: Buffer.from(raw(subject)),
    issuer: Buffer.from(raw(issuer)),
    serial: Buffer.from(serial),
    commonName: commonNameOf(subject),
    subjectKeyId,
    keyUsage,
    extKeyUsage,
    isCa,
    notBefore: notBefore!,
    notAfter: notAfter!,
  };
}

/** Parses what it can; a certificate that does not parse is left out, never thrown. */
export function parseCertificates(ders: Buffer[]): Certificate[] {
  const out: Certificate[] = [];
  for (const der of ders) {
    try {
      out.push(parseCertificate(der));
    } catch {
      // an unreadable extra certificate cannot help build a path; ignore it
    }
  }
  return out;
}

/** Accepts PEM text (one or more certificates) or DER. */
export function certificatesFromInput(input: string | Buffer): Buffer[] {
  const text =
    typeof input === "string"
      ? input
      : input.subarray(0, 64).toString("latin1").includes("-----BEGIN")
        ? input.toString("latin1")
        : null;
  if (text === null) return [Buffer.from(input as Buffer)];
  const out: Buffer[] = [];
  for (const m of text.matchAll(
    /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g,
  )) {
    out.push(Buffer.from(m[1]!.replace(/\s+/g, ""), "base64"));
  }
  return out;
}

export function validAt(cert: Certificate, when: Date): "valid" | "expired" | "not-yet-valid" {
  if (when.getTime() < cert.notBefore.getTime()) return "not-yet-valid";
  if (when.getTime() > cert.notAfter.getTime()) return "expired";
  return "valid";
}
