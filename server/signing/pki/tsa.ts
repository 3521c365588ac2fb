// The deployment's own RFC 3161 time-stamping authority: tokens, responses, and the signature
// timestamp attribute that turns a PAdES B-B signature into B-T.
import { createHash, randomBytes, sign } from "node:crypto";
import type { KeyObject, X509Certificate } from "node:crypto";
import {
  algorithm,
  bitString,
  childAt,
  childrenOf,
  explicit,
  generalizedTime,
  integer,
  integerFromMagnitude,
  isUniversal,
  octetString,
  oid,
  parseExactDer,
  readBoolean,
  readInteger,
  readOctets,
  readOid,
  sequence,
  setOf,
  toDer,
  ASN1_TYPE,
} from "./der";
import { OID } from "./oids";
import { buildSignedAttributes, buildSignedData } from "./signed-data";
import { assertRsa, certificateParts } from "./x509";

export type TimestampAuthority = {
  certificate: X509Certificate;
  key: KeyObject;
  /** The certificates above the TSA's, nearest first; carried in every token. */
  chain: X509Certificate[];
  /** The TSA policy under which tokens are issued (TSTInfo.policy). */
  policyOid: string;
};

/**
 * A DER TimeStampToken (a SignedData over a TSTInfo) for a SHA-256 message imprint, signed by the
 * TSA with content-type, message-digest and signing-certificate-v2 signed attributes, carrying the
 * TSA certificate and chain. Serial numbers are random 16 bytes unless given; the time is now,
 * with milliseconds, unless given.
 */
export function createTimestampToken(options: {
  messageImprint: Buffer;
  tsaCertificate: X509Certificate;
  tsaKey: KeyObject;
  chain: X509Certificate[];
  policyOid: string;
  serial?: bigint;
  time?: Date;
  nonce?: bigint;
}): Buffer {
  assertRsa(options.tsaKey);
  if (options.messageImprint.length !== 32)
    throw new Error("Expected a SHA-256 imprint (32 bytes)");
  const tstInfo = toDer(
    sequence(
      integer(1),
      oid(options.policyOid),
      sequence(algorithm(OID.sha256), octetString(options.messageImprint)),
      options.serial === undefined
        ? integerFromMagnitude(randomSerialBytes())
        : integer(options.serial),
      generalizedTime(options.time ?? new Date(), true),
      ...(options.nonce === undefined ? [] : [integer(options.nonce)]),
      explicit(0, explicit(4, certificateParts(options.tsaCertificate).subject)),
    ),
  );
  const signedAttributesDer = buildSignedAttributes({
    contentType: OID.tstInfo,
    contentDigest: createHash("sha256").update(tstInfo).digest(),
    signerCertificate: options.tsaCertificate,
  });
  return buildSignedData({
    contentType: OID.tstInfo,
    content: tstInfo,
    signedAttributesDer,
    signatureValue: sign("sha256", signedAttributesDer, options.tsaKey),
    signerCertificate: options.tsaCertificate,
    chain: options.chain,
  });
}

function randomSerialBytes(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

/** A TimeStampResp granting `token` (PKIStatus granted). */
export function timestampResponse(token: Buffer): Buffer {
  return toDer(sequence(sequence(integer(0)), parseExactDer(token)));
}

/** PKIFailureInfo bits a TSA uses (RFC 3161 §2.4.2). */
export type TimestampFailure = "badAlg" | "badRequest" | "badDataFormat" | "systemFailure";
const FAILURE_BITS: Record<TimestampFailure, number> = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  systemFailure: 25,
};

/** A TimeStampResp refusing a request (PKIStatus rejection) with one failure reason. */
export function timestampRejection(failure: TimestampFailure): Buffer {
  const bit = FAILURE_BITS[failure];
  const bytes = Buffer.alloc((bit >> 3) + 1);
  bytes[bit >> 3] = 0x80 >> (bit & 7);
  return toDer(sequence(sequence(integer(2), bitString(bytes, 7 - (bit & 7)))));
}

export type TimestampRequest = {
  hashAlgorithm: string;
  messageImprint: Buffer;
  policyOid: string | null;
  nonce: bigint | null;
  certReq: boolean;
};

/** Read a DER TimeStampReq (for the HTTP endpoint in front of the TSA). Throws if malformed. */
export function parseTimestampRequest(der: Buffer): TimestampRequest {
  const request = parseExactDer(der);
  const [version, imprint, ...rest] = childrenOf(request, "TimeStampReq");
  if (readInteger(version) !== 1n) throw new Error("Unsupported TimeStampReq version");
  const result: TimestampRequest = {
    hashAlgorithm: readOid(childAt(childAt(imprint, 0), 0)),
    messageImprint: readOctets(childAt(imprint, 1)),
    policyOid: null,
    nonce: null,
    certReq: false,
  };
  for (const field of rest) {
    if (isUniversal(field, ASN1_TYPE.OID)) result.policyOid = readOid(field);
    else if (isUniversal(field, ASN1_TYPE.INTEGER)) result.nonce = readInteger(field);
    else if (isUniversal(field, ASN1_TYPE.BOOLEAN)) result.certReq = readBoolean(field);
  }
  return result;
}

/** The unsigned attribute id-aa-signatureTimeStampToken holding `token`, as a DER Attribute. */
export function signatureTimestampAttribute(token: Buffer): Buffer {
  return toDer(sequence(oid(OID.signatureTimeStampToken), setOf([parseExactDer(token)])));
}

/** Timestamp a signature value with our TSA: the imprint is SHA-256 of the signature value. */
export function timestampSignature(signatureValue: Buffer, authority: TimestampAuthority): Buffer {
  const token = createTimestampToken({
    messageImprint: createHash("sha256").update(signatureValue).digest(),
    tsaCertificate: authority.certificate,
    tsaKey: authority.key,
    chain: authority.chain,
    policyOid: authority.policyOid,
  });
  return signatureTimestampAttribute(token);
}
