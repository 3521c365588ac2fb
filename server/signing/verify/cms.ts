// CMS SignedData (RFC 5652) as PDF signatures and RFC 3161 timestamp tokens carry it, and the
// check of one SignerInfo: digest attribute, content type, signature, ESS signing certificate.
import { createHash } from "node:crypto";
import { type Certificate } from "./certificate";
import {
  children,
  content,
  decodeOid,
  type Der,
  DerError,
  expect,
  integerBytes,
  raw,
  readDer,
  Tag,
} from "./der";
import { type DigestName, digestByOid, Oid } from "./oids";
import { type ReasonCode } from "./reasons";
import { checkSignature } from "./signature-check";

export type SignerId =
  { kind: "issuer-serial"; issuer: Buffer; serial: Buffer } | { kind: "key-id"; keyId: Buffer };

export type SignerInfo = {
  sid: SignerId;
  digestOid: string;
  digest: DigestName | null;
  /** The signed attributes re-tagged as a DER SET OF, the bytes the signature covers. */
  signedAttributes: Buffer | null;
  attributes: Map<string, Der[][]>;
  signatureAlgorithmOid: string;
  signatureAlgorithmParams: Der | null;
  signature: Buffer;
  unsignedAttributes: Map<string, Der[][]>;
};

export type SignedData = {
  certificates: Buffer[];
  crls: Buffer[];
  contentType: string;
  content: Buffer | null;
  signers: SignerInfo[];
};

function readAttributes(set: Der): Map<string, Der[][]> {
  const out = new Map<string, Der[][]>();
  for (const attribute of children(set)) {
    const [type, values] = children(attribute);
    if (!type || !values) throw new DerError("malformed attribute");
    const oid = decodeOid(type);
    out.set(oid, [...(out.get(oid) ?? []), children(values)]);
  }
  return out;
}

function readSignerInfo(node: Der): SignerInfo {
  const fields = children(expect(node, Tag.sequence, "SignerInfo"));
  let i = 1; // version
  const sidNode = fields[i++]!;
  let sid: SignerId;
  if (sidNode.tag === Tag.sequence) {
    const [issuer, serial] = children(sidNode);
    sid = {
      kind: "issuer-serial",
      issuer: Buffer.from(raw(issuer!)),
      serial: Buffer.from(integerBytes(serial!)),
    };
  } else if (sidNode.tag === 0x80) {
    sid = { kind: "key-id", keyId: Buffer.from(content(sidNode)) };
  } else throw new DerError("unknown signer identifier");
  const digestOid = decodeOid(children(fields[i++]!)[0]!);
  let signedAttributes: Buffer | null = null;
  let attributes = new Map<string, Der[][]>();
  if (fields[i]?.tag === 0xa0) {
    const node = fields[i++]!;
    attributes = readAttributes(node);
    signedAttributes = Buffer.concat([Buffer.from([Tag.set]), raw(node).subarray(1)]);
  }
  const algorithm = children(fields[i++]!);
  const signature = expect(fields[i++], Tag.octetString, "signature value");
  const unsigned =
    fields[i]?.tag === 0xa1 ? readAttributes(fields[i]!) : new Map<string, Der[][]>();
  return {
    sid,
    digestOid,
    digest: digestByOid[digestOid] ?? null,
    signedAttributes,
    attributes,
    signatureAlgorithmOid: decodeOid(algorithm[0]!),
    signatureAlgorithmParams: algorithm[1] ?? null,
    signature: Buffer.from(content(signature)),
    unsignedAttributes: unsigned,
  };
}

/** Reads a ContentInfo holding SignedData. Trailing zero padding (as in /Contents) is ignored. */
export function parseSignedData(der: Buffer): SignedData {
  const root = readDer(der);
  const [type, wrapped] = children(expect(root, Tag.sequence, "ContentInfo"));
  if (!type || decodeOid(type) !== Oid.signedData || !wrapped)
    throw new DerError("not CMS SignedData");
  const fields = children(children(wrapped)[0]!);
  const encap = children(fields[2]!);
  const contentType = decodeOid(encap[0]!);
  let eContent: Buffer | null = null;
  if (encap[1]) {
    const inner = children(encap[1])[0]!;
    // A constructed OCTET STRING (BER) is the concatenation of its pieces.
    eContent = inner.constructed
      ? Buffer.concat(children(inner).map((piece) => content(piece)))
      : Buffer.from(content(inner));
  }
  const certificates: Buffer[] = [];
  const crls: Buffer[] = [];
  let i = 3;
  if (fields[i]?.tag === 0xa0) {
    for (const c of children(fields[i++]!))
      if (c.tag === Tag.sequence) certificates.push(Buffer.from(raw(c)));
  }
  if (fields[i]?.tag === 0xa1) {
    for (const c of children(fields[i++]!))
      if (c.tag === Tag.sequence) crls.push(Buffer.from(raw(c)));
  }
  const signerSet = expect(fields[i], Tag.set, "SignerInfos");
  return {
    certificates,
    crls,
    contentType,
    content: eContent,
    signers: children(signerSet).map(readSignerInfo),
  };
}

export function findSignerCertificate(sid: SignerId, pool: Certificate[]): Certificate | null {
  for (const cert of pool) {
    if (
      sid.kind === "issuer-serial" &&
      cert.issuer.equals(sid.issuer) &&
      cert.serial.equals(sid.serial)
    )
      return cert;
    if (sid.kind === "key-id" && cert.subjectKeyId?.equals(sid.keyId)) return cert;
  }
  return null;
}

function singleValue(signer: SignerInfo, oid: string): Der | null {
  const occurrences = signer.attributes.get(oid);
  if (!occurrences || occurrences.length !== 1 || occurrences[0]!.length !== 1) return null;
  return occurrences[0]![0]!;
}

type SigningCertificateCheck = "match" | "mismatch" | "absent";

/** ESS signing-certificate(-v2): the first ESSCertID must name the signer's certificate. */
function checkSigningCertificate(signer: SignerInfo, cert: Certificate): SigningCertificateCheck {
  for (const [oid, v2] of [
    [Oid.signingCertificateV2, true],
    [Oid.signingCertificate, false],
  ] as const) {
    const value = singleValue(signer, oid);
    if (!value) {
      if (signer.attributes.has(oid)) return "mismatch";
      continue;
    }
    const first = children(children(value)[0]!)[0];
    if (!first) return "mismatch";
    const parts = children(first);
    let digest: DigestName | undefined = "sha1";
    let p = 0;
    if (v2) {
      digest = "sha256";
      if (parts[0]?.tag === Tag.sequence)
        digest = digestByOid[decodeOid(children(parts[p++]!)[0]!)];
    }
    const hash = parts[p++];
    if (!digest || !hash || hash.tag !== Tag.octetString) return "mismatch";
    if (!createHash(digest).update(cert.der).digest().equals(content(hash))) return "mismatch";
    const issuerSerial = parts[p];
    if (issuerSerial) {
      const serial = children(issuerSerial)[1];
      if (!serial || !integerBytes(serial).equals(cert.serial)) return "mismatch";
    }
    return "match";
  }
  return "absent";
}

export type SignerCheck = {
  certificate: Certificate | null;
  signingCertificate: SigningCertificateCheck;
  problems: ReasonCode[];
};

/**
 * Checks one SignerInfo against content whose digest `digestOf` computes (hashing in place).
 * `unsignedContent` is the content itself, for the rare signer without signed attributes.
 */
export function checkSigner(input: {
  signer: SignerInfo;
  pool: Certificate[];
  expectedContentType: string;
  digestOf: (digest: DigestName) => Buffer;
  unsignedContent: () => Buffer[];
}): SignerCheck {
  const { signer } = input;
  const problems: ReasonCode[] = [];
  if (!signer.digest)
    return {
      certificate: null,
      signingCertificate: "absent",
      problems: ["digest-algorithm-unsupported"],
    };
  if (signer.digest === "sha1") problems.push("digest-weak");
  const certificate = findSignerCertificate(signer.sid, input.pool);
  let data: Buffer[];
  if (signer.signedAttributes) {
    const digestValue = singleValue(signer, Oid.messageDigest);
    if (!digestValue || digestValue.tag !== Tag.octetString)
      problems.push("message-digest-missing");
    else if (!input.digestOf(signer.digest).equals(content(digestValue)))
      problems.push("digest-mismatch");
    const type = singleValue(signer, Oid.contentType);
    if (!type || type.tag !== Tag.oid || decodeOid(type) !== input.expectedContentType)
      problems.push("content-type-invalid");
    data = [signer.signedAttributes];
  } else {
    data = input.unsignedContent();
  }
  if (!certificate)
    return {
      certificate,
      signingCertificate: "absent",
      problems: [...problems, "signer-certificate-missing"],
    };
  const check = checkSignature({
    algorithmOid: signer.signatureAlgorithmOid,
    algorithmParams: signer.signatureAlgorithmParams,
    digest: signer.digest,
    publicKey: certificate.x509.publicKey,
    data,
    signature: signer.signature,
  });
  if (check === "unsupported") problems.push("signature-algorithm-unsupported");
  else if (check === "bad") problems.push("signature-invalid");
  return {
    certificate,
    signingCertificate: checkSigningCertificate(signer, certificate),
    problems,
  };
}

export function attributeValue(attributes: Map<string, Der[][]>, oid: string): Der | null {
  return attributes.get(oid)?.[0]?.[0] ?? null;
}
