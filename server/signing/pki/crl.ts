// X.509 v2 certificate revocation lists (RFC 5280 §5): built and signed by our issuing CA, read and
// checked for anyone's CA by the verifier.
import { sign, verify } from "node:crypto";
import type { X509Certificate } from "node:crypto";
import type { CertifiedKey } from "./ca";
import {
  algorithm,
  bitString,
  childAt,
  childrenOf,
  enumerated,
  explicit,
  fromBinary,
  integer,
  integerFromMagnitude,
  isContext,
  isUniversal,
  parseDer,
  parseExactDer,
  readBitString,
  readInteger,
  readIntegerMagnitude,
  readOctets,
  readOid,
  readTime,
  sequence,
  time,
  toDer,
  ASN1_TYPE,
} from "./der";
import type { Asn1 } from "./der";
import { OID } from "./oids";
import {
  assertRsa,
  authorityKeyIdentifier,
  certificateKeyIdentifier,
  certificateParts,
  extensionsField,
  formatName,
  normalizeSerial,
} from "./x509";
import type { Extension } from "./x509";

export const REVOCATION_REASONS = [
  "unspecified",
  "keyCompromise",
  "cACompromise",
  "affiliationChanged",
  "superseded",
  "cessationOfOperation",
  "certificateHold",
  undefined, // 7 is not used
  "removeFromCRL",
  "privilegeWithdrawn",
  "aACompromise",
] as const;

export type RevocationReason = Exclude<(typeof REVOCATION_REASONS)[number], undefined>;

export type RevokedCertificate = {
  /** Serial number in hex, as `X509Certificate.serialNumber` gives it. */
  serial: string;
  revokedAt: Date;
  reason?: RevocationReason;
};

/**
 * A DER CRL signed by `issuer` (sha256WithRSAEncryption) listing `revoked`, with the CRL number and
 * the issuer's key identifier. "unspecified" is written as no reason code, as RFC 5280 asks.
 */
export function buildCrl(options: {
  issuer: CertifiedKey;
  revoked: RevokedCertificate[];
  crlNumber: bigint | number;
  thisUpdate?: Date;
  nextUpdate: Date;
}): Buffer {
  assertRsa(options.issuer.privateKey);
  const signatureAlgorithm = algorithm(OID.sha256WithRSAEncryption, true);
  const thisUpdate = options.thisUpdate ?? new Date();
  if (options.nextUpdate <= thisUpdate) throw new Error("nextUpdate must come after thisUpdate");
  const entries = options.revoked.map(({ serial, revokedAt, reason }) =>
    sequence(
      integerFromMagnitude(Buffer.from(normalizeSerial(serial), "hex")),
      time(revokedAt),
      ...(reason && reason !== "unspecified"
        ? [extensionsField([{ oid: OID.reasonCode, critical: false, value: reasonCode(reason) }])]
        : []),
    ),
  );
  const extensions: Extension[] = [
    authorityKeyIdentifier(certificateKeyIdentifier(options.issuer.certificate)),
    { oid: OID.cRLNumber, critical: false, value: integer(options.crlNumber) },
  ];
  const tbs = sequence(
    integer(1),
    signatureAlgorithm,
    certificateParts(options.issuer.certificate).subject,
    time(thisUpdate),
    time(options.nextUpdate),
    ...(entries.length ? [sequence(...entries)] : []),
    explicit(0, extensionsField(extensions)),
  );
  const tbsDer = toDer(tbs);
  const signature = sign("sha256", tbsDer, options.issuer.privateKey);
  return toDer(sequence(parseExactDer(tbsDer), signatureAlgorithm, bitString(signature)));
}

function reasonCode(reason: RevocationReason): Asn1 {
  return enumerated(REVOCATION_REASONS.indexOf(reason));
}

export type ParsedCrl = {
  /** The issuer as text, for people; compare `issuerDer` instead. */
  issuer: string;
  issuerDer: Buffer;
  thisUpdate: Date;
  nextUpdate: Date | null;
  crlNumber: bigint | null;
  authorityKeyIdentifier: Buffer | null;
  revoked: RevokedCertificate[];
  signatureAlgorithm: string;
  tbsDer: Buffer;
  signature: Buffer;
};

/** Read a DER CRL. Throws on anything that is not one. Checks nothing: see `verifyCrl`. */
export function parseCrl(der: Buffer): ParsedCrl {
  const crl = parseExactDer(der);
  const tbs = childAt(crl, 0, "CRL");
  const fields = [...childrenOf(tbs, "TBSCertList")];
  if (isUniversal(fields[0], ASN1_TYPE.INTEGER)) fields.shift(); // version
  const [, issuer, thisUpdate, ...rest] = fields;
  if (!issuer || !thisUpdate) throw new Error("Malformed CRL");
  let nextUpdate: Date | null = null;
  if (rest[0] && !isUniversal(rest[0], ASN1_TYPE.SEQUENCE) && !isContext(rest[0], 0)) {
    nextUpdate = readTime(rest.shift());
  }
  const revoked = isUniversal(rest[0], ASN1_TYPE.SEQUENCE)
    ? childrenOf(rest.shift(), "revokedCertificates").map(readEntry)
    : [];
  const extensions = isContext(rest[0], 0) ? readExtensions(childAt(rest[0], 0)) : new Map();
  const number = extensions.get(OID.cRLNumber);
  const aki = extensions.get(OID.authorityKeyIdentifier);
  const keyId =
    aki && childrenOf(parseDer(aki), "AuthorityKeyIdentifier").find((e) => isContext(e, 0));
  return {
    issuer: formatName(issuer),
    issuerDer: toDer(issuer),
    thisUpdate: readTime(thisUpdate),
    nextUpdate,
    crlNumber: number ? readInteger(parseDer(number)) : null,
    authorityKeyIdentifier: keyId ? readOctets(keyId) : null,
    revoked,
    signatureAlgorithm: readOid(childAt(childAt(crl, 1), 0)),
    tbsDer: toDer(tbs),
    signature: readBitString(childAt(crl, 2)),
  };
}

function readExtensions(extensions: Asn1): Map<string, Buffer> {
  return new Map(
    childrenOf(extensions, "Extensions").map((extension) => {
      const parts = childrenOf(extension, "Extension");
      return [readOid(parts[0]), readOctets(parts[parts.length - 1])];
    }),
  );
}

function readEntry(entry: Asn1): RevokedCertificate {
  const [serial, revokedAt, extensions] = childrenOf(entry, "revoked certificate");
  const result: RevokedCertificate = {
    serial: normalizeSerial(readIntegerMagnitude(serial)),
    revokedAt: readTime(revokedAt),
  };
  const code = extensions && readExtensions(extensions).get(OID.reasonCode);
  if (code) {
    const value = parseDer(code).value;
    const reason = REVOCATION_REASONS[typeof value === "string" ? (fromBinary(value)[0] ?? 0) : 0];
    if (reason) result.reason = reason;
  }
  return result;
}

const SIGNATURE_HASHES: Record<string, string> = {
  [OID.sha256WithRSAEncryption]: "sha256",
  [OID.sha384WithRSAEncryption]: "sha384",
  [OID.sha512WithRSAEncryption]: "sha512",
  [OID.sha1WithRSAEncryption]: "sha1",
  [OID.ecdsaWithSHA256]: "sha256",
  [OID.ecdsaWithSHA384]: "sha384",
  [OID.ecdsaWithSHA512]: "sha512",
};

/**
 * True when `issuerCertificate` issued this CRL: the issuer name is its subject (byte for byte), the
 * key identifier (when present) is its own, and the signature verifies with its key. Dates are the
 * caller's to judge.
 */
export function verifyCrl(crl: Buffer | ParsedCrl, issuerCertificate: X509Certificate): boolean {
  const parsed = Buffer.isBuffer(crl) ? parseCrl(crl) : crl;
  const subject = toDer(certificateParts(issuerCertificate).subject);
  if (!parsed.issuerDer.equals(subject)) return false;
  if (
    parsed.authorityKeyIdentifier &&
    !parsed.authorityKeyIdentifier.equals(certificateKeyIdentifier(issuerCertificate))
  ) {
    return false;
  }
  const hash = SIGNATURE_HASHES[parsed.signatureAlgorithm];
  if (!hash) return false;
  return verify(hash, parsed.tbsDer, issuerCertificate.publicKey, parsed.signature);
}

/** The entry for a certificate in a parsed CRL, if it is listed. */
export function findRevocation(
  crl: ParsedCrl,
  certificate: X509Certificate,
): RevokedCertificate | undefined {
  const serial = normalizeSerial(certificate.serialNumber);
  return crl.revoked.find((entry) => entry.serial === serial);
}
