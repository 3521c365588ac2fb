// The deployment's own certificate authority: a root, an issuing CA under it, and the end-entity
// certificates the issuing CA gives people, organisations' seals and the time-stamping authority.
import { generateKeyPair } from "node:crypto";
import type { KeyObject, X509Certificate } from "node:crypto";
import { promisify } from "node:util";
import { OID } from "./oids";
import {
  authorityKeyIdentifier,
  basicConstraints,
  buildName,
  certificateKeyIdentifier,
  certificateParts,
  crlDistributionPoint,
  extendedKeyUsage,
  extendedKeyUsages,
  keyIdentifier,
  keyUsage,
  randomSerial,
  signCertificate,
  subjectKeyIdentifier,
} from "./x509";
import type { Extension, NameAttribute } from "./x509";
import type { Asn1 } from "./der";

/** A certificate with the private key of its public key. */
export type CertifiedKey = { certificate: X509Certificate; privateKey: KeyObject };

export type RsaKeyBits = 2048 | 3072 | 4096;

const generateRsaKeyPair = promisify(generateKeyPair);

async function newRsaKey(
  bits: RsaKeyBits,
): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return generateRsaKeyPair("rsa", { modulusLength: bits, publicExponent: 0x10001 });
}

/** Whole seconds: certificate times have no fractions. */
const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

function addYears(date: Date, years: number): Date {
  const end = new Date(date);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}

/** The end of a certificate's validity: never after its issuer's. */
function validity(issuer: X509Certificate | null, now: Date, years: number) {
  const notBefore = wholeSeconds(now);
  let notAfter = addYears(notBefore, years);
  if (issuer) {
    const issuerEnd = certificateParts(issuer).notAfter;
    if (issuerEnd < notAfter) notAfter = issuerEnd;
  }
  return { notBefore, notAfter };
}

type CaOptions = {
  commonName: string;
  organizationName: string;
  keyBits?: RsaKeyBits;
  validityYears?: number;
  now?: Date;
};

const caName = ({ commonName, organizationName }: CaOptions): NameAttribute[] => [
  { type: OID.countryName, value: "VN" },
  { type: OID.organizationName, value: organizationName },
  { type: OID.commonName, value: commonName },
];

/** A self-signed root: RSA 3072 by default, 20 years, CA and key usages critical. */
export async function createRootCa(options: CaOptions): Promise<CertifiedKey> {
  const { publicKey, privateKey } = await newRsaKey(options.keyBits ?? 3072);
  const name = buildName(caName(options));
  const keyId = keyIdentifier(publicKey);
  const certificate = signCertificate(
    {
      serial: randomSerial(),
      issuer: name,
      subject: name,
      ...validity(null, options.now ?? new Date(), options.validityYears ?? 20),
      publicKey,
      extensions: [
        basicConstraints(true),
        keyUsage(["keyCertSign", "cRLSign"]),
        subjectKeyIdentifier(keyId),
        authorityKeyIdentifier(keyId),
      ],
    },
    privateKey,
  );
  return { certificate, privateKey };
}

/** The CA that issues end-entity certificates: signed by the root, pathLen 0, 10 years. */
export async function createIssuingCa(
  options: CaOptions & { root: CertifiedKey; crlDistributionPointUrl?: string },
): Promise<CertifiedKey> {
  const { publicKey, privateKey } = await newRsaKey(options.keyBits ?? 3072);
  const certificate = issue(
    options.root,
    buildName(caName(options)),
    publicKey,
    validity(options.root.certificate, options.now ?? new Date(), options.validityYears ?? 10),
    [
      basicConstraints(true, 0),
      keyUsage(["keyCertSign", "cRLSign"]),
      ...(options.crlDistributionPointUrl
        ? [crlDistributionPoint(options.crlDistributionPointUrl)]
        : []),
    ],
  );
  return { certificate, privateKey };
}

function issue(
  issuer: CertifiedKey,
  subject: Asn1,
  publicKey: KeyObject,
  dates: { notBefore: Date; notAfter: Date },
  extensions: Extension[],
): X509Certificate {
  return signCertificate(
    {
      serial: randomSerial(),
      issuer: certificateParts(issuer.certificate).subject,
      subject,
      ...dates,
      publicKey,
      extensions: [
        ...extensions,
        subjectKeyIdentifier(keyIdentifier(publicKey)),
        authorityKeyIdentifier(certificateKeyIdentifier(issuer.certificate)),
      ],
    },
    issuer.privateKey,
  );
}

type EndEntityOptions = {
  issuer: CertifiedKey;
  /** Where relying parties fetch the issuing CA's CRL, e.g. `https://host/api/ca/crl`. */
  crlDistributionPointUrl: string;
  keyBits?: RsaKeyBits;
  validityYears?: number;
  now?: Date;
};

/**
 * Signing certificates (people and seals) are accepted by `openssl cms -verify` (S/MIME purpose:
 * emailProtection), by Adobe and by pdfsig (documentSigning, in both the RFC 9336 and the Microsoft
 * form).
 */
const SIGNING_PROFILE: Extension[] = [
  basicConstraints(false),
  keyUsage(["digitalSignature", "nonRepudiation"]),
  extendedKeyUsage([OID.emailProtection, OID.documentSigning, OID.microsoftDocumentSigning], false),
];

/** RFC 3161 §2.3: a TSA certificate has exactly one extended key usage, timeStamping, critical. */
const TIMESTAMPING_PROFILE: Extension[] = [
  basicConstraints(false),
  keyUsage(["digitalSignature", "nonRepudiation"]),
  extendedKeyUsage([OID.timeStamping], true),
];

async function issueEndEntity(
  options: EndEntityOptions,
  subject: Asn1,
  profile: Extension[],
  defaultYears: number,
): Promise<CertifiedKey> {
  const { publicKey, privateKey } = await newRsaKey(options.keyBits ?? 2048);
  const dates = validity(
    options.issuer.certificate,
    options.now ?? new Date(),
    options.validityYears ?? defaultYears,
  );
  const certificate = issue(options.issuer, subject, publicKey, dates, [
    ...profile,
    crlDistributionPoint(options.crlDistributionPointUrl),
  ]);
  return { certificate, privateKey };
}

/**
 * The organisation's code (mã định danh) goes in UID (0.9.2342.19200300.100.1.1), as Vietnamese
 * CAs do with their "MST:…" and "MNS:…" values, verbatim as given.
 */
const organisationAttributes = (organizationName: string, organizationCode: string) => [
  { type: OID.countryName, value: "VN" },
  { type: OID.organizationName, value: organizationName },
  { type: OID.userId, value: organizationCode },
];

/** A person's signing certificate: C=VN, O, UID (organisation code), title, CN (full name). */
export async function issuePersonCertificate(
  options: EndEntityOptions & {
    fullName: string;
    title?: string;
    organizationName: string;
    organizationCode: string;
  },
): Promise<CertifiedKey> {
  const subject = buildName([
    ...organisationAttributes(options.organizationName, options.organizationCode),
    ...(options.title ? [{ type: OID.title, value: options.title }] : []),
    { type: OID.commonName, value: options.fullName },
  ]);
  return issueEndEntity(options, subject, SIGNING_PROFILE, 3);
}

/** An organisation's seal certificate: C=VN, O, UID (organisation code), CN = organisation name. */
export async function issueSealCertificate(
  options: EndEntityOptions & { organizationName: string; organizationCode: string },
): Promise<CertifiedKey> {
  const subject = buildName([
    ...organisationAttributes(options.organizationName, options.organizationCode),
    { type: OID.commonName, value: options.organizationName },
  ]);
  return issueEndEntity(options, subject, SIGNING_PROFILE, 3);
}

/** The deployment's time-stamping authority certificate (timeStamping only, critical). */
export async function issueTimestampingCertificate(
  options: EndEntityOptions & { commonName: string; organizationName: string },
): Promise<CertifiedKey> {
  const subject = buildName([
    { type: OID.countryName, value: "VN" },
    { type: OID.organizationName, value: options.organizationName },
    { type: OID.commonName, value: options.commonName },
  ]);
  return issueEndEntity(options, subject, TIMESTAMPING_PROFILE, 5);
}

/**
 * Renewal: a new key and a new certificate for exactly the same subject (the same DER), with the
 * profile of the previous one (time-stamping or signing). The previous certificate stays valid until
 * it expires or is revoked.
 */
export async function renewCertificate(
  options: EndEntityOptions & { previous: X509Certificate },
): Promise<CertifiedKey> {
  const { subject } = certificateParts(options.previous);
  const isTimestamping = extendedKeyUsages(options.previous).includes(OID.timeStamping);
  return issueEndEntity(
    options,
    subject,
    isTimestamping ? TIMESTAMPING_PROFILE : SIGNING_PROFILE,
    isTimestamping ? 5 : 3,
  );
}
