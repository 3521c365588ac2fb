// Building and reading X.509 certificates: node-forge's asn1 lays out the structures, node:crypto
// makes the keys and the signatures. Certificates travel as node's X509Certificate.
import { createHash, randomBytes, sign, X509Certificate } from "node:crypto";
import type { KeyObject } from "node:crypto";
import {
  algorithm,
  bitString,
  boolean,
  childAt,
  childrenOf,
  explicit,
  ia5String,
  integer,
  integerFromMagnitude,
  isContext,
  octetString,
  oid,
  parseExactDer,
  printableString,
  readBitString,
  readBoolean,
  readIntegerMagnitude,
  readOctets,
  readOid,
  readString,
  readTime,
  sequence,
  setOf,
  time,
  toDer,
  utf8String,
} from "./der";
import type { Asn1 } from "./der";
import { OID } from "./oids";

// ---- names ----

export type NameAttribute = { type: string; value: string };

/** A Name with one attribute per RDN, in the order given; country codes as PrintableString. */
export function buildName(attributes: NameAttribute[]): Asn1 {
  return sequence(
    ...attributes.map(({ type, value }) =>
      setOf([
        sequence(oid(type), type === OID.countryName ? printableString(value) : utf8String(value)),
      ]),
    ),
  );
}

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: "CN",
  [OID.countryName]: "C",
  [OID.localityName]: "L",
  [OID.stateOrProvinceName]: "ST",
  [OID.organizationName]: "O",
  [OID.organizationalUnitName]: "OU",
  [OID.title]: "title",
  [OID.serialNumber]: "serialNumber",
  [OID.organizationIdentifier]: "organizationIdentifier",
  [OID.userId]: "UID",
  [OID.emailAddress]: "emailAddress",
};

export function readNameAttributes(name: Asn1): NameAttribute[] {
  return childrenOf(name, "Name").flatMap((rdn) =>
    childrenOf(rdn, "RDN").map((pair) => ({
      type: readOid(childAt(pair, 0)),
      value: readString(childAt(pair, 1)),
    })),
  );
}

/** A Name as text, most specific first ("CN=…, O=…, C=VN"), for people to read; never for comparing. */
export function formatName(name: Asn1): string {
  return readNameAttributes(name)
    .reverse()
    .map(
      ({ type, value }) => `${SHORT_NAMES[type] ?? type}=${value.replace(/([,+"\\<>;])/g, "\\$1")}`,
    )
    .join(", ");
}

// ---- extensions ----

export type Extension = { oid: string; critical: boolean; value: Asn1 };

export const basicConstraints = (ca: boolean, pathLength?: number): Extension => ({
  oid: OID.basicConstraints,
  critical: ca,
  value: ca
    ? sequence(boolean(true), ...(pathLength === undefined ? [] : [integer(pathLength)]))
    : sequence(),
});

const KEY_USAGE_BITS = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
} as const;

export type KeyUsage = keyof typeof KEY_USAGE_BITS;

/** keyUsage as a DER named-bit list: trailing zero bits dropped, unused bits counted. */
export function keyUsage(usages: KeyUsage[]): Extension {
  const highest = Math.max(...usages.map((u) => KEY_USAGE_BITS[u]));
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const usage of usages) {
    const bit = KEY_USAGE_BITS[usage];
    bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  }
  return {
    oid: OID.keyUsage,
    critical: true,
    value: bitString(bytes, 7 - (highest % 8)),
  };
}

export const extendedKeyUsage = (purposes: string[], critical: boolean): Extension => ({
  oid: OID.extKeyUsage,
  critical,
  value: sequence(...purposes.map((p) => oid(p))),
});

export const subjectKeyIdentifier = (keyId: Buffer): Extension => ({
  oid: OID.subjectKeyIdentifier,
  critical: false,
  value: octetString(keyId),
});

export const authorityKeyIdentifier = (keyId: Buffer): Extension => ({
  oid: OID.authorityKeyIdentifier,
  critical: false,
  value: sequence(contextPrimitive(0, keyId)),
});

/** One distribution point whose full name is the URL. */
export const crlDistributionPoint = (url: string): Extension => ({
  oid: OID.cRLDistributionPoints,
  critical: false,
  value: sequence(sequence(explicit(0, explicit(0, uniformResourceIdentifier(url))))),
});

function uniformResourceIdentifier(url: string): Asn1 {
  const uri = ia5String(new URL(url).href);
  uri.tagClass = 0x80;
  uri.type = 6;
  return uri;
}

function contextPrimitive(tag: number, bytes: Buffer): Asn1 {
  const element = octetString(bytes);
  element.tagClass = 0x80;
  element.type = tag;
  return element;
}

export const extensionsField = (extensions: Extension[]): Asn1 =>
  sequence(
    ...extensions.map((e) =>
      sequence(oid(e.oid), ...(e.critical ? [boolean(true)] : []), octetString(toDer(e.value))),
    ),
  );

// ---- keys ----

/** RFC 5280 key identifier, method 1: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(publicKey: KeyObject): Buffer {
  const spki = parseExactDer(publicKey.export({ type: "spki", format: "der" }));
  return createHash("sha1")
    .update(readBitString(childAt(spki, 1, "SubjectPublicKeyInfo")))
    .digest();
}

/** A positive 16-byte serial: 126 random bits, the top byte kept in 0x40–0x7f so it never shrinks. */
export function randomSerial(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

// ---- building ----

export type CertificateContent = {
  serial: Buffer;
  issuer: Asn1;
  subject: Asn1;
  notBefore: Date;
  notAfter: Date;
  publicKey: KeyObject;
  extensions: Extension[];
};

/** Sign a certificate with an RSA issuer key: sha256WithRSAEncryption, PKCS#1 v1.5. */
export function signCertificate(
  content: CertificateContent,
  issuerKey: KeyObject,
): X509Certificate {
  assertRsa(issuerKey);
  const signatureAlgorithm = algorithm(OID.sha256WithRSAEncryption, true);
  const tbs = sequence(
    explicit(0, integer(2)),
    integerFromMagnitude(content.serial),
    signatureAlgorithm,
    content.issuer,
    sequence(time(content.notBefore), time(content.notAfter)),
    content.subject,
    parseExactDer(content.publicKey.export({ type: "spki", format: "der" })),
    explicit(3, extensionsField(content.extensions)),
  );
  const tbsDer = toDer(tbs);
  const signature = sign("sha256", tbsDer, issuerKey);
  const der = toDer(sequence(parseExactDer(tbsDer), signatureAlgorithm, bitString(signature)));
  return new X509Certificate(der);
}

export function assertRsa(key: KeyObject): void {
  if (key.asymmetricKeyType !== "rsa") {
    throw new Error(`Only RSA keys are supported here, not ${key.asymmetricKeyType ?? key.type}`);
  }
}

// ---- reading ----

export type CertificateParts = {
  serial: Buffer;
  issuer: Asn1;
  subject: Asn1;
  notBefore: Date;
  notAfter: Date;
  extensions: Map<string, { critical: boolean; value: Buffer }>;
};

/** The fields later code needs from a certificate, read from its DER. */
export function certificateParts(certificate: X509Certificate): CertificateParts {
  const tbs = childAt(parseExactDer(certificate.raw), 0, "Certificate");
  const fields = childrenOf(tbs, "TBSCertificate");
  const offset = isContext(fields[0], 0) ? 1 : 0;
  const field = (i: number) => childAt(tbs, offset + i, "TBSCertificate");
  const validity = field(3);
  const extensions = new Map<string, { critical: boolean; value: Buffer }>();
  const extensionsWrapper = fields.find((f) => isContext(f, 3));
  if (extensionsWrapper) {
    for (const extension of childrenOf(childAt(extensionsWrapper, 0), "Extensions")) {
      const parts = childrenOf(extension, "Extension");
      const critical = parts.length === 3 && readBoolean(parts[1]);
      extensions.set(readOid(parts[0]), { critical, value: readOctets(parts[parts.length - 1]) });
    }
  }
  return {
    serial: readIntegerMagnitude(field(0)),
    issuer: field(2),
    subject: field(4),
    notBefore: readTime(childAt(validity, 0)),
    notAfter: readTime(childAt(validity, 1)),
    extensions,
  };
}

/** The certificate's subject key identifier, or the RFC 5280 method-1 value when it has none. */
export function certificateKeyIdentifier(certificate: X509Certificate): Buffer {
  const extension = certificateParts(certificate).extensions.get(OID.subjectKeyIdentifier);
  if (extension) return readOctets(parseExactDer(extension.value));
  return keyIdentifier(certificate.publicKey);
}

/** The certificate's extended key usages (empty when it has none). */
export function extendedKeyUsages(certificate: X509Certificate): string[] {
  const extension = certificateParts(certificate).extensions.get(OID.extKeyUsage);
  if (!extension) return [];
  return childrenOf(parseExactDer(extension.value), "ExtKeyUsageSyntax").map((p) => readOid(p));
}

/** A serial number as uppercase hex without leading zero bytes, the form used throughout. */
export function normalizeSerial(serial: string | Buffer): string {
  const hex = typeof serial === "string" ? serial.replace(/[:\s]/g, "") : serial.toString("hex");
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Error(`Not a hexadecimal serial number: ${serial}`);
  const even = hex.length % 2 ? `0${hex}` : hex;
  return even.replace(/^(00)+(?=..)/, "").toUpperCase();
}
