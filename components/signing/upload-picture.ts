import { uploadFile } from "@/components/documents/upload-file";
import { fieldErrorsOf, messageOf } from "@/components/ui/server-errors";
import type { SigningImageKind } from "@/lib/schemas/signing";

/**
 * Uploads a picture for a signature or a seal (POST /api/signing/images) and answers its hash,
 * which the tRPC call choosing it then names. A refusal rejects with an UploadError carrying
 * the server's message in the user's language.
 */
export async function uploadPicture(file: File, kind: SigningImageKind): Promise<string> {
  const uploaded = await uploadFile(
    file,
    () => undefined,
    undefined,
    `/api/signing/images?for=${kind}`,
  );
  return uploaded.sha256;
}

/** A PNG made in the browser (a drawn signature) as a file to upload. */
export const pngFile = (blob: Blob, name: string) => new File([blob], name, { type: "image/png" });

/** A PNG held as base64 (as the server previews it), for an <img>. */
export const pngSource = (base64: string) => `data:image/png;base64,${base64}`;

/**
 * What to tell the user about a refused picture: the server's word on the file (not a PNG, too
 * large, unreadable) rather than the general "check the marked fields", as there is no field.
 */
export function pictureRefusal(error: unknown, fallback: string): string {
  const onField = Object.values(fieldErrorsOf(error))[0];
  return onField ?? messageOf(error, fallback);
}
