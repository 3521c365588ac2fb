// A leader's signature through a remote signing service: the request waits in signature_request
// (the prepared file, the signed attributes, the service's reference) while the holder approves
// on their phone; the answer is collected by a job or when the leader looks, and the signature
// step is then completed through the workflow engine like a local one. Collecting twice, late or
// at once finishes nothing twice; a draft changed meanwhile makes the request stale.
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { appUser } from "@/db/schema/users";
import { signatureRequest, signingCertificate } from "@/db/schema/signing";
import { loadActor, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { readStoredFile, storeGeneratedFile } from "../files/generated";
import { loadVisibleDocument } from "../incoming/visibility";
import type { ByteRange } from "../signing/pdf/byte-range";
import { ensureAuthority } from "../signing/service/authority";
import { currentCrl } from "../signing/service/certificates";
import { finishPdfPades, type PadesResult } from "../signing/service/pades";
import { certificateAndChain, remoteProvider } from "../signing/service/remote";
import type { DocumentActionResult } from "../workflow/documents";
import { applyAction } from "../workflow/engine";
import type { OutgoingContext, OutgoingOutcome } from "./actions";
import type { SigningMaterial } from "./signing";
import { outgoingWorkflow } from "./workflow";

type RequestRow = typeof signatureRequest.$inferSelect;
export type RequestStatus = RequestRow["status"];

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

async function settle(
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

/** What the engine needs to finish a request: the certificate, chain, TSA and CRL. */
async function answerMaterial(
  db: Db,
  request: RequestRow,
  signatureValue: Buffer,
): Promise<SigningMaterial> {
  const [cert] = await db
    .select()
    .from(signingCertificate)
    .where(eq(signingCertificate.id, request.certificateId));
  if (!cert) throw new Error("The request's certificate is gone");
  return {
    certificateId: cert.id,
    signer: {
      ...certificateAndChain(cert),
      sign: () => Promise.reject(new Error("The signature is already made")),
    },
    authority: await ensureAuthority(db),
    crls: [await currentCrl(db)],
    image: Buffer.alloc(0),
    signerName: request.signerName,
    now: new Date(),
    answer: { requestId: request.id, signatureValue },
  };
}

/** The requester as they are now (an account closed meanwhile cannot finish a signature). */
async function requesterOf(db: Db, request: RequestRow): Promise<Actor | null> {
  const [user] = await db
    .select({ sessionEpoch: appUser.sessionEpoch })
    .from(appUser)
    .where(eq(appUser.id, request.requestedById));
  if (!user) return null;
  return loadActor(db, { userId: request.requestedById, sessionEpoch: user.sessionEpoch });
}

/** Refusals that mean the request can never be finished: it is stale, or the answer is wrong. */
const FINAL_REFUSALS: Record<string, Exclude<RequestStatus, "pending" | "completed">> = {
  "signing.requestStale": "stale",
  "outgoing.notAllowedNow": "stale",
  "outgoing.notYourTurn": "stale",
  "outgoing.notSignStep": "stale",
  "errors.notFound": "stale",
  "signing.remoteBadAnswer": "refused",
};

/**
 * Asks the service for the answer to one request and acts on it: still waiting (or the service
 * not reachable), nothing; declined, lapsed or no longer applicable, the request settles so; a
 * signature, the step is completed through the engine. Safe to call any number of times, from
 * the job and from the leader's page at once.
 */
export async function collectSignature(
  db: Db,
  requestId: string,
  now: Date = new Date(),
): Promise<RequestStatus> {
  const [request] = await db
    .select()
    .from(signatureRequest)
    .where(eq(signatureRequest.id, requestId));
  if (!request) throw new AppError("NOT_FOUND", "errors.notFound");
  if (request.status !== "pending") return request.status;
  const provider = remoteProvider(request.provider);
  const answer = provider ? await provider.answer(request.reference).catch(() => null) : null;
  if (!answer || answer.status === "pending") {
    if (request.expiresAt > now) return "pending";
    await settle(db, request.id, "expired", null, now);
    return reread(db, request.id);
  }
  if (answer.status === "refused") {
    await settle(db, request.id, "refused", answer.reason ?? null, now);
    return reread(db, request.id);
  }
  const actor = await requesterOf(db, request);
  if (!actor) {
    await settle(db, request.id, "stale", null, now);
    return reread(db, request.id);
  }
  const material = await answerMaterial(db, request, answer.signature);
  for (let attempt = 0; attempt < 3; attempt++) {
    const [doc] = await db
      .select({ version: document.version })
      .from(document)
      .where(eq(document.id, request.documentId));
    try {
      await applyAction(
        db,
        actor,
        outgoingWorkflow,
        { id: request.documentId, version: doc!.version, input: { action: "sign" } },
        material,
      );
      return "completed";
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if ((await reread(db, request.id)) !== "pending") return reread(db, request.id);
      const final = FINAL_REFUSALS[error.messageKey];
      if (final) {
        const reason = final === "stale" ? "signing.requestStale" : error.messageKey;
        await settle(db, request.id, final, reason, now);
        return reread(db, request.id);
      }
      // Someone else changed the document at that moment: read its version again.
      if (error.code !== "CONFLICT") throw error;
    }
  }
  return "pending";
}

async function reread(db: Db, id: string): Promise<RequestStatus> {
  const [row] = await db
    .select({ status: signatureRequest.status })
    .from(signatureRequest)
    .where(eq(signatureRequest.id, id));
  return row!.status;
}

/** The job: every waiting request asked once, oldest first. Returns how many settled. */
export async function collectWaitingSignatures(db: Db, now: Date = new Date()): Promise<number> {
  const waiting = await db
    .select({ id: signatureRequest.id })
    .from(signatureRequest)
    .where(eq(signatureRequest.status, "pending"))
    .orderBy(asc(signatureRequest.requestedAt))
    .limit(200);
  let settled = 0;
  for (const { id } of waiting) {
    try {
      if ((await collectSignature(db, id, now)) !== "pending") settled++;
    } catch (error) {
      console.error("Collecting a remote signature failed", id, error);
    }
  }
  return settled;
}

/** The leader's waiting request on a document, if any. */
async function waitingRequest(db: Db, actor: Actor, documentId: string) {
  const [row] = await db
    .select()
    .from(signatureRequest)
    .where(
      and(
        eq(signatureRequest.documentId, documentId),
        eq(signatureRequest.requestedById, actor.userId),
        eq(signatureRequest.status, "pending"),
      ),
    );
  return row ?? null;
}

const MESSAGE_KEY = /^[a-z]+\.[A-Za-z]+$/;

export type SignatureRequestView = {
  status: RequestStatus;
  provider: string;
  requestedAt: Date;
  expiresAt: Date;
  reason: string | null;
};

/**
 * The leader's latest request on a document, collected first if it waits, so that looking at
 * the page is enough to see the approval arrive. Null when they asked for none (or it was
 * finished: the document then shows the signature itself).
 */
export async function signatureRequestOf(
  db: Db,
  actor: Actor,
  documentId: string,
  locale: Locale = "vi",
): Promise<SignatureRequestView | null> {
  await loadVisibleDocument(db, actor, documentId);
  const waiting = await waitingRequest(db, actor, documentId);
  if (waiting) await collectSignature(db, waiting.id);
  const [latest] = await db
    .select()
    .from(signatureRequest)
    .where(
      and(
        eq(signatureRequest.documentId, documentId),
        eq(signatureRequest.requestedById, actor.userId),
      ),
    )
    .orderBy(desc(signatureRequest.requestedAt))
    .limit(1);
  if (!latest || latest.status === "completed" || latest.status === "cancelled") return null;
  return {
    status: latest.status,
    provider: remoteProvider(latest.provider)?.label ?? latest.provider,
    requestedAt: latest.requestedAt,
    expiresAt: latest.expiresAt,
    // Our own refusals are kept as message keys; the service's reasons as it gave them.
    reason:
      latest.reason && MESSAGE_KEY.test(latest.reason)
        ? translate(locale, latest.reason)
        : latest.reason,
  };
}

/** The leader withdraws their waiting request (an approval arriving later finishes nothing). */
export async function cancelSignatureRequest(
  db: Db,
  actor: Actor,
  documentId: string,
): Promise<DocumentActionResult> {
  const doc = await loadVisibleDocument(db, actor, documentId);
  const waiting = await waitingRequest(db, actor, documentId);
  if (waiting) await settle(db, waiting.id, "cancelled", null, new Date());
  return { id: doc.id, status: doc.status, version: doc.version };
}

/** Whether the leader already waits for an approval on this document (a repeat of the request). */
export async function isAwaitingApproval(db: Db, actor: Actor, documentId: string) {
  return (await waitingRequest(db, actor, documentId)) !== null;
}
