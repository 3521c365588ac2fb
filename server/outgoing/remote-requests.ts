// Collecting the answers of a remote signing service: asked by a job every minute and while the
// leader watches the page; an approval completes the signature step through the workflow engine
// (server/outgoing/remote-signing.ts finishes the signature inside it), once, however many ask.
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { appUser } from "@/db/schema/users";
import { signatureRequest, signingCertificate } from "@/db/schema/signing";
import { loadActor, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { loadVisibleDocument } from "../incoming/visibility";
import { ensureAuthority } from "../signing/service/authority";
import { currentCrl } from "../signing/service/certificates";
import { certificateAndChain, remoteProvider } from "../signing/service/remote";
import type { DocumentActionResult } from "../workflow/documents";
import { applyAction } from "../workflow/engine";
import type { SigningMaterial } from "./signing";
import { outgoingWorkflow } from "./workflow";
import { settle } from "./remote-signing";

type RequestRow = typeof signatureRequest.$inferSelect;
export type RequestStatus = RequestRow["status"];

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
      const current = await reread(db, request.id);
      if (current !== "pending") return current;
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
