// A leader's signature through a remote signing service, inside the workflow engine: the request
// waits in signature_request (the prepared file, the signed attributes, the service's reference)
// while the holder approves on their phone; the answer, once collected (remote-requests.ts),
// comes back to the signature step and finishes the signature prepared then.
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { signatureRequest } from "@/db/schema/signing";
import { AppError } from "../errors";
import { readStoredFile, storeGeneratedFile } from "../files/generated";
import type { ByteRange } from "../signing/pdf/byte-range";
import { finishPdfPades, type PadesResult } from "../signing/service/pades";
import type { OutgoingContext, OutgoingOutcome } from "./actions";

type RequestRow = typeof signatureRequest.$inferSelect;
type RequestStatus = RequestRow["status"];

const refuse = (key: string) => new AppError("CONFLICT", key);

/**
 * The signature step waits: the prepared file is kept, the request recorded with the service's
 * reference, and the history says a signature was asked for. The document keeps its state.
 */
export async function awaitApproval(
  ctx: OutgoingContext,
  pending: Extract<PadesResult, { status: "pending" }>,
  p: { stepId: string; version: number; field: string; pageCount: number },
): Promise<OutgoingOutcome> {
  const { tx, actor, doc, signing } = ctx;
  if (!signing?.remote) throw new Error("Only a remote signer answers later");
  // The document is locked: of two requests at once, the second finds the first.
  const [already] = await tx
    .select({ id: signatureRequest.id })
    .from(signatureRequest)
    .where(
      and(
        eq(signatureRequest.documentId, doc.id),
        eq(signatureRequest.kind, "leader"),
        eq(signatureRequest.status, "pending"),
      ),
    );
  if (already) throw refuse("signing.alreadyRequested");
  const preparedSha256 = await storeGeneratedFile(tx, pending.prepared.pdf, {
    mimeType: "application/pdf",
    pageCount: p.pageCount,
  });
  await tx.insert(signatureRequest).values({
    documentId: doc.id,
    organisationId: doc.organisationId,
    kind: "leader",
    certificateId: signing.certificateId,
    requestedById: actor.userId,
    draftVersion: p.version,
    stepId: p.stepId,
    field: p.field,
    pageCount: p.pageCount,
    preparedSha256,
    byteRange: pending.prepared.byteRange,
    signedAttributes: pending.signedAttributesDer,
    signerName: signing.signerName,
    provider: signing.remote.provider,
    reference: pending.reference,
    requestedAt: signing.now,
    expiresAt: new Date(signing.now.getTime() + signing.remote.approvalSeconds * 1000),
  });
  return {
    event: {
      action: "signatureRequested",
      data: { version: p.version, provider: signing.remote.provider },
    },
  };
}

/**
 * The answer to a waiting request, inside the engine's transaction: the request must still be
 * waiting, be this leader's, for this step and for the version now current; the signature value
 * must verify over the attributes with the certificate's key. The request is settled as done.
 */
export async function finishAnswered(
  ctx: OutgoingContext,
  now: { stepId: string; version: number },
): Promise<{ pdf: Uint8Array; field: string; pageCount: number }> {
  const { tx, actor, doc, signing } = ctx;
  const answer = signing?.answer;
  if (!signing || !answer) throw new Error("No answer to finish");
  const [request] = await tx
    .select()
    .from(signatureRequest)
    .where(eq(signatureRequest.id, answer.requestId))
    .for("update");
  if (
    !request ||
    request.status !== "pending" ||
    !request.preparedSha256 ||
    request.documentId !== doc.id ||
    request.requestedById !== actor.userId
  ) {
    throw refuse("signing.requestSettled");
  }
  if (request.stepId !== now.stepId || request.draftVersion !== now.version) {
    throw refuse("signing.requestStale");
  }
  const pdf = await readStoredFile(request.preparedSha256);
  let signed: Uint8Array;
  try {
    signed = await finishPdfPades({
      authority: signing.authority,
      crls: signing.crls,
      prepared: { pdf, byteRange: request.byteRange as ByteRange, digest: Buffer.alloc(0) },
      signedAttributesDer: request.signedAttributes,
      signatureValue: answer.signatureValue,
      signer: signing.signer,
    });
  } catch {
    throw refuse("signing.remoteBadAnswer");
  }
  await settle(tx, request.id, "completed", null, signing.now);
  return { pdf: signed, field: request.field, pageCount: request.pageCount };
}

export async function settle(
  db: Db | Tx,
  id: string,
  status: Exclude<RequestStatus, "pending">,
  reason: string | null,
  at: Date,
) {
  // The prepared file is let go with the request: nothing else refers to it.
  await db
    .update(signatureRequest)
    .set({ status, reason, settledAt: at, preparedSha256: null })
    .where(and(eq(signatureRequest.id, id), eq(signatureRequest.status, "pending")));
}
