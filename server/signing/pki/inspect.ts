// What a certificate says about itself, for people and for the checks made before a key from an
// outside CA is accepted: its names, what its key may be used for, whether it is a CA.
import type { X509Certificate } from "node:crypto";
import {
  ASN1_TYPE,
  childrenOf,
  isUniversal,
  parseExactDer,
  readBitString,
  readBoolean,
} from "./der";
import { OID } from "./oids";
import { certificateParts, formatName, readNameAttributes, type KeyUsage } from "./x509";

export type CertificateFacts = {
  /** The subject's CN (a person's full name, or an organisation's), if it has one. */
  commonName: string | null;
  /** The subject's title (chức danh), if it has one. */
  title: string | null;
  /** The subject and the issuer as text ("CN=…, O=…, C=VN"), most specific first. */
  subject: string;
  issuer: string;
  issuerCommonName: string | null;
  /** The key usages the certificate grants; null when it has no keyUsage extension. */
  keyUsages: KeyUsage[] | null;
  /** basicConstraints says CA. */
  isCa: boolean;
  /** SHA-256 of the DER, uppercase hex in colon-separated pairs (as browsers show it). */
  fingerprint: string;
};

const KEY_USAGE_NAMES: KeyUsage[] = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
];

const attribute = (name: ReturnType<typeof certificateParts>["subject"], type: string) =>
  readNameAttributes(name).find((a) => a.type === type)?.value ?? null;

export function certificateFacts(certificate: X509Certificate): CertificateFacts {
  const parts = certificateParts(certificate);
  const keyUsage = parts.extensions.get(OID.keyUsage);
  let keyUsages: KeyUsage[] | null = null;
  if (keyUsage) {
    const bits = readBitString(parseExactDer(keyUsage.value));
    keyUsages = KEY_USAGE_NAMES.filter(
      (_, bit) => ((bits[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0,
    );
  }
  const constraints = parts.extensions.get(OID.basicConstraints);
  const first = constraints ? childrenOf(parseExactDer(constraints.value))[0] : undefined;
  const isCa = isUniversal(first, ASN1_TYPE.BOOLEAN) && readBoolean(first);
  return {
    commonName: attribute(parts.subject, OID.commonName),
    title: attribute(parts.subject, OID.title),
    subject: formatName(parts.subject),
    issuer: formatName(parts.issuer),
    issuerCommonName: attribute(parts.issuer, OID.commonName),
    keyUsages,
    isCa,
    fingerprint: certificate.fingerprint256,
  };
}

/** Whether a signature made with the certificate's key may be relied on for documents. */
export const signsDocuments = (facts: CertificateFacts) =>
  !facts.isCa &&
  (facts.keyUsages?.includes("digitalSignature") || facts.keyUsages?.includes("nonRepudiation")) ===
    true;
