// Detached CMS signatures for PAdES baseline (ETSI EN 319 142-1 B-B, and B-T with a timestamp),
// made in two phases so the RSA step can happen elsewhere and later.
import { createHash } from "node:crypto";
import type { X509Certificate } from "node:crypto";
import { OID } from "./oids";
import { buildSignedAttributes, buildSignedData, checkSignature } from "./signed-data";
import type { Signer } from "./signer";

export type PreparedSignature = {
  /** DER of the SET OF signed attributes; keep it until the signature comes back. */
  signedAttributesDer: Buffer;
  /** SHA-256 of `signedAttributesDer`: what the signer signs. */
  digestToSign: Buffer;
};

/** Phase one: the signed attributes over the content's SHA-256 digest (the caller hashes the content). */
export function prepareSignedAttributes(options: {
  contentDigest: Buffer;
  signerCertificate: X509Certificate;
}): PreparedSignature {
  const signedAttributesDer = buildSignedAttributes({
    contentType: OID.data,
    contentDigest: options.contentDigest,
    signerCertificate: options.signerCertificate,
  });
  return {
    signedAttributesDer,
    digestToSign: createHash("sha256").update(signedAttributesDer).digest(),
  };
}

/**
 * Phase two: the DER ContentInfo of a detached SignedData carrying the signer's certificate and
 * chain. Throws unless `signatureValue` verifies over the attributes with the signer's key.
 */
export function assembleCms(options: {
  signedAttributesDer: Buffer;
  signatureValue: Buffer;
  signerCertificate: X509Certificate;
  chain: X509Certificate[];
  /** DER Attributes, such as `signatureTimestampAttribute`'s. */
  unsignedAttributes?: Buffer[];
}): Buffer {
  checkSignature(options.signedAttributesDer, options.signatureValue, options.signerCertificate);
  return buildSignedData({ contentType: OID.data, ...options });
}

export type DetachedSignature =
  | { status: "signed"; cms: Buffer; signatureValue: Buffer }
  /** Call `assembleCms` with these attributes when the signer's answer for `reference` arrives. */
  | { status: "pending"; reference: string; signedAttributesDer: Buffer };

/**
 * Both phases with a `Signer`. `unsignedAttributes` runs once the signature value is known, for a
 * signature timestamp (`timestampSignature`).
 */
export async function signDetached(options: {
  contentDigest: Buffer;
  signer: Signer;
  unsignedAttributes?: (signatureValue: Buffer) => Promise<Buffer[]>;
}): Promise<DetachedSignature> {
  const { signer } = options;
  const prepared = prepareSignedAttributes({
    contentDigest: options.contentDigest,
    signerCertificate: signer.certificate,
  });
  const result = await signer.sign(prepared.digestToSign);
  if (result.status === "pending") {
    return {
      status: "pending",
      reference: result.reference,
      signedAttributesDer: prepared.signedAttributesDer,
    };
  }
  // Checked before anything is timestamped; assembleCms checks again.
  checkSignature(prepared.signedAttributesDer, result.signature, signer.certificate);
  const cms = assembleCms({
    signedAttributesDer: prepared.signedAttributesDer,
    signatureValue: result.signature,
    signerCertificate: signer.certificate,
    chain: signer.chain,
    unsignedAttributes: await options.unsignedAttributes?.(result.signature),
  });
  return { status: "signed", cms, signatureValue: result.signature };
}
