import { z } from "zod";
import { idField, secretText, sha256Field } from "./fields";

/** A PKCS#12 key file holds a key and a few certificates: a few kilobytes. */
export const P12_MAX_KB = 100;
export const P12_MAX_BYTES = P12_MAX_KB * 1024;

/** A picture of a signature or a seal, as uploaded (before it is scaled down). */
export const IMAGE_MAX_KB = 1024;
export const IMAGE_MAX_BYTES = IMAGE_MAX_KB * 1024;

/** The largest signature picture kept, in pixels (a wide, low box, as on the signed page). */
export const SIGNATURE_BOX = { width: 600, height: 240 } as const;
/** The largest seal picture kept, in pixels. */
export const SEAL_BOX = { width: 400, height: 400 } as const;

export const signingImageKinds = ["signature", "seal"] as const;
export type SigningImageKind = (typeof signingImageKinds)[number];

/** The PIN rule of the signing service: 6 to 32 digits or unaccented letters. */
export const PIN_RULE = /^[0-9A-Za-z]{6,32}$/;

/**
 * The bytes of a PKCS#12 file sent inline, base64: the key file never goes through the file
 * store, where uploads wait as plain blobs; it is kept only re-wrapped under the holder's PIN
 * and sealed. Bounded here so a huge string is refused before it is decoded.
 */
export const pkcs12Field = z
  .base64({ message: "signing.importNotKeyFile" })
  .refine((v) => v.length > 0, { message: "signing.importNotKeyFile" })
  .refine((v) => v.length <= Math.ceil(P12_MAX_BYTES / 3) * 4, {
    message: "signing.importTooLarge",
  });

export const importCertificateInput = z.object({
  file: pkcs12Field,
  /** The password the outside CA's file was exported with, exactly as typed. */
  password: secretText(256),
  /** The new PIN that will lock the key from now on. */
  pin: secretText(64),
});

export const organisationInput = z.object({ organisationId: idField });

export const uploadedImageInput = z.object({ sha256: sha256Field });
export const uploadedSealInput = z.object({ organisationId: idField, sha256: sha256Field });

export const trustAnchorDecisionInput = z.object({
  id: idField,
  decision: z.enum(["approve", "refuse"]),
});
