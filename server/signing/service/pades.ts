import { AppError } from "../../errors";
import { addDss, dssRoom } from "../pdf/dss";
import { embedSignature, prepareSignature, type SignatureOptions } from "../pdf/prepare-signature";
import { signDetached, timestampSignature, type Signer } from "../pki";
import type { Authority } from "./authority";

/** The deployment TSA's policy (a UUID-based OID, ITU-T X.667). */
export const TSA_POLICY_OID = "2.25.160931822334782322549508437041458750314";

/**
 * One PAdES signature on a prepared field, as baseline B-LT: the CMS (content-type,
 * message-digest, signing-certificate-v2, the full chain) with an RFC 3161 timestamp from the
 * deployment's TSA over its signature value (B-T), then, as the next revision, a DSS with every
 * certificate and the CRL a validator needs offline (B-LT).
 */
export async function signPdfPades(options: {
  pdf: Uint8Array;
  signer: Signer;
  authority: Authority;
  crls: Buffer[];
  signature: SignatureOptions;
}): Promise<Uint8Array> {
  const { authority } = options;
  const dss = {
    certificates: [
      options.signer.certificate,
      ...options.signer.chain,
      authority.tsa.certificate,
    ].map((c) => Buffer.from(c.raw)),
    crls: options.crls,
  };
  // The DSS revision goes into room left after the prepared file: a 10 MB file is copied once.
  const prepared = await prepareSignature(options.pdf, {
    ...options.signature,
    roomAfter: dssRoom(dss),
  });
  const signed = await signDetached({
    contentDigest: prepared.digest,
    signer: options.signer,
    unsignedAttributes: async (signatureValue) => [
      timestampSignature(signatureValue, {
        certificate: authority.tsa.certificate,
        key: authority.tsa.privateKey,
        chain: [authority.issuing.certificate, authority.root.certificate],
        policyOid: TSA_POLICY_OID,
      }),
    ],
  });
  if (signed.status === "pending") {
    // A remote signer (the holder approves on their phone) answers later. Nothing keeps the
    // prepared file for that answer yet: the request is refused and nothing changes.
    throw new AppError("CONFLICT", "signing.pendingApproval", { reference: signed.reference });
  }
  return addDss(embedSignature(prepared, signed.cms), dss);
}
