// CMS SignedData (RFC 5652) with one signer, shared by document signatures and timestamp tokens.
import { createHash, verify } from "node:crypto";
import type { X509Certificate } from "node:crypto";
import forge from "node-forge";
import {
  algorithm,
  childAt,
  childrenOf,
  explicit,
  implicit,
  integer,
  integerFromMagnitude,
  octetString,
  oid,
  parseExactDer,
  readOctets,
  readOid,
  sequence,
  setOf,
  toDer,
} from "./der";
import type { Asn1 } from "./der";
import { OID } from "./oids";
import { certificateParts } from "./x509";

/**
 * The signer's signatureAlgorithm: rsaEncryption, as `openssl cms -sign` and most PAdES signers
 * write it; the digest is named by digestAlgorithm (RFC 3370 §3.2).
 */
const SIGNATURE_ALGORITHM = OID.rsaEncryption;

const attribute = (type: string, value: Asn1) => sequence(oid(type), setOf([value]));

/** ESS IssuerSerial: the issuer as a directoryName GeneralName, and the serial number. */
function issuerSerial(certificate: X509Certificate): Asn1 {
  const { issuer, serial } = certificateParts(certificate);
  return sequence(sequence(explicit(4, issuer)), integerFromMagnitude(serial));
}

/** signing-certificate-v2 (RFC 5035): SHA-256 of the certificate, so hashAlgorithm (DEFAULT) is left out. */
function signingCertificateV2(certificate: X509Certificate): Asn1 {
  const certHash = createHash("sha256").update(certificate.raw).digest();
  return sequence(sequence(sequence(octetString(certHash), issuerSerial(certificate))));
}

/**
 * Exactly three signed attributes, DER-sorted: content-type, message-digest, signing-certificate-v2.
 * No signing-time: PAdES puts the time in the signature dictionary. Returns the DER of the SET OF,
 * which is what gets signed (RFC 5652 §5.4).
 */
export function buildSignedAttributes(options: {
  contentType: string;
  contentDigest: Buffer;
  signerCertificate: X509Certificate;
}): Buffer {
  if (options.contentDigest.length !== 32) throw new Error("Expected a SHA-256 digest (32 bytes)");
  return toDer(
    setOf([
      attribute(OID.contentType, oid(options.contentType)),
      attribute(OID.messageDigest, octetString(options.contentDigest)),
      attribute(OID.signingCertificateV2, signingCertificateV2(options.signerCertificate)),
    ]),
  );
}

/** The values of one attribute in a DER SET OF Attribute. */
export function attributeValues(attributesDer: Buffer, type: string): Asn1[] {
  const found = childrenOf(parseExactDer(attributesDer), "attributes").find(
    (a) => readOid(childAt(a, 0)) === type,
  );
  return found ? childrenOf(childAt(found, 1)) : [];
}

/**
 * Refuse to put a signature into a CMS unless it is the signer's over these attributes and the
 * attributes name this signer: a remote service answering for the wrong request or the wrong key
 * must not produce a CMS that looks signed.
 */
export function checkSignature(
  signedAttributesDer: Buffer,
  signatureValue: Buffer,
  signerCertificate: X509Certificate,
): void {
  const [essSigningCertificate] = attributeValues(signedAttributesDer, OID.signingCertificateV2);
  const certHash = readOctets(childAt(childAt(childAt(essSigningCertificate, 0), 0), 0));
  if (!certHash.equals(createHash("sha256").update(signerCertificate.raw).digest())) {
    throw new Error("The signed attributes name another certificate than the signer's");
  }
  if (!verify("sha256", signedAttributesDer, signerCertificate.publicKey, signatureValue)) {
    throw new Error("The signature does not verify with the signer's certificate");
  }
}

/** A ContentInfo holding SignedData with one SignerInfo (issuerAndSerialNumber, SHA-256, RSA). */
export function buildSignedData(options: {
  contentType: string;
  /** Encapsulated content; absent for a detached signature. */
  content?: Buffer;
  signedAttributesDer: Buffer;
  signatureValue: Buffer;
  signerCertificate: X509Certificate;
  /** Certificates to carry besides the signer's: its chain. */
  chain: X509Certificate[];
  /** Each a DER Attribute (SEQUENCE). */
  unsignedAttributes?: Buffer[];
}): Buffer {
  const { signerCertificate } = options;
  const { issuer, serial } = certificateParts(signerCertificate);
  const signedAttributes = parseExactDer(options.signedAttributesDer);
  const unsigned = options.unsignedAttributes ?? [];
  const signerInfo = sequence(
    integer(1),
    sequence(issuer, integerFromMagnitude(serial)),
    algorithm(OID.sha256),
    implicit(0, signedAttributes),
    algorithm(SIGNATURE_ALGORITHM, true),
    octetString(options.signatureValue),
    ...(unsigned.length ? [implicit(1, setOf(unsigned.map((a) => parseExactDer(a))))] : []),
  );
  const seen = new Set<string>();
  const certificates = [signerCertificate, ...options.chain]
    .filter((c) => !seen.has(c.fingerprint256) && seen.add(c.fingerprint256))
    .map((c) => parseExactDer(c.raw));
  const signedData = sequence(
    integer(options.contentType === OID.data ? 1 : 3),
    setOf([algorithm(OID.sha256)]),
    sequence(
      oid(options.contentType),
      ...(options.content ? [explicit(0, octetString(options.content))] : []),
    ),
    forge.asn1.create(forge.asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    setOf([signerInfo]),
  );
  return toDer(sequence(oid(OID.signedData), explicit(0, signedData)));
}
