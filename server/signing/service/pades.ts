import type { X509Certificate } from "node:crypto";
import { addDss, dssRoom, type DssContents } from "../pdf/dss";
import {
  embedSignature,
  prepareSignature,
  type PreparedSignature,
  type SignatureOptions,
} from "../pdf/prepare-signature";
import { assembleCms, prepareSignedAttributes, timestampSignature, type Signer } from "../pki";
import type { Authority } from "./authority";

/** The deployment TSA's policy (a UUID-based OID, ITU-T X.667). */
export const TSA_POLICY_OID = "2.25.160931822334782322549508437041458750314";

export type PadesContext = {
  authority: Authority;
  crls: Buffer[];
};

type PadesOptions = PadesContext & {
  pdf: Uint8Array;
  signer: Signer;
  signature: SignatureOptions;
};

export type PadesResult =
  | { status: "signed"; pdf: Uint8Array }
  /**
   * The signer answers later: keep the prepared file and the signed attributes, and call
   * `finishPdfPades` with them when the signature value for `reference` arrives.
   */
  | {
      status: "pending";
      reference: string;
      prepared: PreparedSignature;
      signedAttributesDer: Buffer;
    };

/**
 * One PAdES signature on a prepared field, as baseline B-LT: the CMS (content-type,
 * message-digest, signing-certificate-v2, the full chain) with an RFC 3161 timestamp from the
 * deployment's TSA over its signature value (B-T), then, as the next revision, a DSS with every
 * certificate and the CRL a validator needs offline (B-LT). A signer that answers later (a
 * remote signing service) leaves it pending, nothing embedded.
 */
export async function requestPdfPades(options: PadesOptions): Promise<PadesResult> {
  const { signer } = options;
  // The DSS revision goes into room left after the prepared file: a 10 MB file is copied once.
  const prepared = await prepareSignature(options.pdf, {
    ...options.signature,
    roomAfter: dssRoom(dssOf(options, signer)),
  });
  const { signedAttributesDer, digestToSign } = prepareSignedAttributes({
    contentDigest: prepared.digest,
    signerCertificate: signer.certificate,
  });
  const answer = await signer.sign(digestToSign);
  if (answer.status === "pending") {
    return { status: "pending", reference: answer.reference, prepared, signedAttributesDer };
  }
  const pdf = await finishPdfPades({
    ...options,
    prepared,
    signedAttributesDer,
    signatureValue: answer.signature,
    signer,
  });
  return { status: "signed", pdf };
}

/** `requestPdfPades` with a signer that answers at once (a local key): the signed file. */
export async function signPdfPades(options: PadesOptions): Promise<Uint8Array> {
  const result = await requestPdfPades(options);
  if (result.status === "pending") throw new Error("This signer answers later");
  return result.pdf;
}

/**
 * The second half of `signPdfPades`: checks the signature value over the signed attributes
 * with the signer's key (a wrong or foreign answer throws and nothing is written), timestamps
 * it, embeds the CMS in the prepared file's gap and appends the DSS.
 */
export async function finishPdfPades(
  options: PadesContext & {
    prepared: PreparedSignature;
    signedAttributesDer: Buffer;
    signatureValue: Buffer;
    signer: Pick<Signer, "certificate" | "chain">;
  },
): Promise<Uint8Array> {
  const { authority, signer, signatureValue } = options;
  const cms = assembleCms({
    signedAttributesDer: options.signedAttributesDer,
    signatureValue,
    signerCertificate: signer.certificate,
    chain: signer.chain,
    unsignedAttributes: [
      timestampSignature(signatureValue, {
        certificate: authority.tsa.certificate,
        key: authority.tsa.privateKey,
        chain: [authority.issuing.certificate, authority.root.certificate],
        policyOid: TSA_POLICY_OID,
      }),
    ],
  });
  return addDss(embedSignature(options.prepared, cms), dssOf(options, signer));
}

function dssOf(
  context: PadesContext,
  signer: { certificate: X509Certificate; chain: X509Certificate[] },
): DssContents {
  return {
    certificates: [signer.certificate, ...signer.chain, context.authority.tsa.certificate].map(
      (c) => Buffer.from(c.raw),
    ),
    crls: context.crls,
  };
}
