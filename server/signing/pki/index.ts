// The PKI building blocks: no database, no HTTP. Callers store what these return (DER, PEM, PKCS#12)
// and hand it back. Keys are node:crypto KeyObjects; certificates are node's X509Certificate.

// Certificate authority. Every certificate: X.509 v3, sha256WithRSAEncryption, a random positive
// 16-byte serial, SKI and AKI (the issuer's SKI), names in UTF8String (C in PrintableString), never
// valid beyond its issuer. Keys are new RSA keys (3072 bits for CAs, 2048 for end entities unless
// asked otherwise).
export {
  /** Self-signed root: CA critical, keyCertSign+cRLSign critical, 20 years. */
  createRootCa,
  /** Issuing CA under the root: pathLen 0, 10 years. */
  createIssuingCa,
  /** A person's signing certificate: C, O, UID (organisation code), title, CN; digitalSignature+
   * nonRepudiation critical; EKU emailProtection, documentSigning (RFC 9336 and Microsoft); CRL DP. */
  issuePersonCertificate,
  /** An organisation's seal: as a person's, with CN = the organisation's name. */
  issueSealCertificate,
  /** The TSA's certificate: EKU timeStamping only, critical. */
  issueTimestampingCertificate,
  /** A new key and certificate for exactly the same subject and profile. */
  renewCertificate,
} from "./ca";
export type { CertifiedKey, RsaKeyBits } from "./ca";

// Revocation lists.
export {
  /** DER X.509 v2 CRL signed by the issuer: CRL number, AKI, reason codes (none for "unspecified"). */
  buildCrl,
  /** Reads any DER CRL: issuer, dates, number, AKI, entries. Checks nothing. */
  parseCrl,
  /** True when the certificate's subject, key id and key match the CRL's issuer and signature. */
  verifyCrl,
  /** The CRL's entry for a certificate's serial, if any (the caller matches the issuer). */
  findRevocation,
} from "./crl";
export type { ParsedCrl, RevocationReason, RevokedCertificate } from "./crl";

// PKCS#12 key files.
export {
  /** PIN-protected PKCS#12: PBES2 AES-256-CBC + PBKDF2-SHA-256, HMAC-SHA-256 MAC; OpenSSL 3 reads it
   * without -legacy. Refuses an empty PIN. */
  wrapPkcs12,
  /** Native key, its certificate and ordered chain; every failure is a Pkcs12Error with a code:
   * WRONG_PIN, NOT_PKCS12, NO_PRIVATE_KEY, NO_CERTIFICATE, NO_PIN (key readable without a PIN),
   * UNSUPPORTED. Reads OpenSSL's current and legacy (3DES, RC2) files. */
  unlockPkcs12,
  /** unlockPkcs12 for an outside CA's file, plus the root to approve (null if absent) and the file
   * re-written as wrapPkcs12 writes it. */
  importPkcs12,
  Pkcs12Error,
} from "./pkcs12";
export type { ImportedPkcs12, Pkcs12ErrorCode, UnlockedPkcs12 } from "./pkcs12";

// Detached CMS for PAdES (B-B; B-T with a signature timestamp).
export {
  /** Signed attributes exactly content-type (id-data), message-digest, signing-certificate-v2,
   * DER-sorted, no signing-time; and the SHA-256 to sign. */
  prepareSignedAttributes,
  /** ContentInfo(SignedData), detached, signer + chain in certificates; throws unless the
   * signature verifies over the attributes with the signer's key and the attributes name it. */
  assembleCms,
  /** Both phases through a Signer; returns the pending reference when the signer answers later. */
  signDetached,
} from "./cms";
export type { DetachedSignature, PreparedSignature } from "./cms";

export {
  /** A Signer over an unlocked PKCS#12 key. */
  createLocalSigner,
  /** RSASSA-PKCS1-v1_5 over a precomputed SHA-256 digest (equal to crypto.sign over the data). */
  signSha256Digest,
} from "./signer";
export type { SignResult, Signer } from "./signer";

// The deployment's RFC 3161 time-stamping authority.
export {
  /** DER TimeStampToken: SignedData over TSTInfo (SHA-256 imprint, policy, random serial, time
   * with milliseconds, optional nonce, TSA name), carrying the TSA certificate and chain. */
  createTimestampToken,
  /** TimeStampResp, status granted. */
  timestampResponse,
  /** TimeStampResp, status rejection with one failure reason. */
  timestampRejection,
  /** Reads a DER TimeStampReq. */
  parseTimestampRequest,
  /** id-aa-signatureTimeStampToken attribute holding a token, for assembleCms. */
  signatureTimestampAttribute,
  /** That attribute for a signature value, stamped by our TSA (imprint = SHA-256 of the value). */
  timestampSignature,
} from "./tsa";
export type { TimestampAuthority, TimestampFailure, TimestampRequest } from "./tsa";

// Reading certificates.
export {
  /** Serial number as uppercase hex without leading zero bytes (X509Certificate's own form). */
  normalizeSerial,
  /** The subject key identifier, or the RFC 5280 method-1 value when there is none. */
  certificateKeyIdentifier,
  /** The extended key usage OIDs. */
  extendedKeyUsages,
} from "./x509";
export { OID } from "./oids";

export {
  /** Names, key usages, CA flag and SHA-256 fingerprint, read from the DER. */
  certificateFacts,
  /** A certificate for signing documents: not a CA, digitalSignature or nonRepudiation. */
  signsDocuments,
} from "./inspect";
export type { CertificateFacts } from "./inspect";
