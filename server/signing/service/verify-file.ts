import type { DbOrTx } from "@/db/client";
import { eq } from "drizzle-orm";
import { trustAnchor } from "@/db/schema/signing";
import { verifyPdf } from "../verify/verify-pdf";
import type { SignatureCheck } from "@/lib/signature-check";
import { ensureAuthority } from "./authority";
import { currentCrl } from "./certificates";

/** Whether the bytes look like they carry a signature at all (a quick look before a full check). */
export const mayBeSigned = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("/ByteRange");

/**
 * Our verifier on a PDF, trusting the deployment's own CA and the outside CAs the deployment admin
 * approved, with our CA's current revocation list. Null when the file has no signature.
 */
export async function checkSignatures(
  db: DbOrTx,
  bytes: Uint8Array,
): Promise<SignatureCheck | null> {
  if (!mayBeSigned(bytes)) return null;
  const authority = await ensureAuthority(db);
  const approved = await db
    .select({ certificate: trustAnchor.certificate })
    .from(trustAnchor)
    .where(eq(trustAnchor.status, "approved"));
  const report = verifyPdf(bytes, {
    trustAnchors: [authority.root.certificate.raw, ...approved.map((a) => a.certificate)],
    crls: [await currentCrl(db)],
  });
  if (report.signatures.length === 0 && report.problems.length === 0) return null;
  return {
    signatures: report.signatures.map((s) => ({
      field: s.field,
      signer: s.signer,
      signingTime: s.signingTime,
      timestamped: s.timestamped,
      verdict: s.verdict,
      reasons: s.reasons,
    })),
    problems: report.problems,
  };
}
