// The requests behind the leader's signature and the clerk's issue: they open the key with the
// holder's PIN before anything is locked (a wrong PIN is counted even though nothing else
// happens), then let the workflow engine run the step (server/outgoing/signing.ts).
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documentSignature } from "@/db/schema/signing";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, stale } from "../errors";
import { loadVisibleDocument } from "../incoming/visibility";
import { createLocalSigner } from "../signing/pki";
import { ensureAuthority } from "../signing/service/authority";
import { currentCrl, myCertificate, unlockForSigning } from "../signing/service/certificates";
import { imageFor } from "../signing/service/images";
import type { DocumentActionResult } from "../workflow/documents";
import { applyAction } from "../workflow/engine";
import type { SigningMaterial } from "./signing";
import { outgoingWorkflow } from "./workflow";

const refuse = (key: string, params: Record<string, string | number> = {}) =>
  new AppError("CONFLICT", key, params);

/** An outgoing document the actor sees (checked again, locked, by the engine). */
async function outgoingDocument(db: Db, actor: Actor, documentId: string) {
  const doc = await loadVisibleDocument(db, actor, documentId);
  if (doc.direction !== "outgoing") throw new AppError("NOT_FOUND", "errors.notFound");
  return doc;
}

/**
 * The leader signs the draft with their PIN. Idempotent: a repeated request after the signature
 * (a double tap, a retry after a dropped connection) answers with the signed document and signs
 * nothing again.
 */
export async function signDraft(
  db: Db,
  actor: Actor,
  input: { documentId: string; version: number; pin: string },
): Promise<DocumentActionResult> {
  assertCan(actor, "outgoing.approve");
  const doc = await outgoingDocument(db, actor, input.documentId);
  const [already] = await db
    .select({ signedById: documentSignature.signedById })
    .from(documentSignature)
    .where(and(eq(documentSignature.documentId, doc.id), eq(documentSignature.kind, "leader")));
  if (already?.signedById === actor.userId) {
    return { id: doc.id, status: doc.status, version: doc.version };
  }
  if (doc.status !== "on_route") throw refuse("outgoing.notAllowedNow", { status: doc.status });
  if (doc.version !== input.version) throw stale();
  const certificate = await myCertificate(db, actor, "person");
  if (!certificate) throw refuse("signing.noCertificate");
  const { unlocked } = await unlockForSigning(db, actor, {
    certificateId: certificate.id,
    pin: input.pin,
  });
  const material: SigningMaterial = {
    certificateId: certificate.id,
    signer: createLocalSigner(unlocked),
    authority: await ensureAuthority(db),
    crls: [await currentCrl(db)],
    image: await imageFor(db, {
      organisationId: actor.organisationId,
      userId: actor.userId,
      name: actor.fullName,
    }),
    signerName: actor.fullName,
    now: new Date(),
  };
  return applyAction(
    db,
    actor,
    outgoingWorkflow,
    { id: doc.id, version: input.version, input: { action: "sign" } },
    material,
  );
}

/** The clerk numbers, seals and issues a signed document with the seal's PIN. Idempotent too. */
export async function issueSigned(
  db: Db,
  actor: Actor,
  input: { documentId: string; version: number; pin: string; registryId?: string | null },
): Promise<DocumentActionResult> {
  assertCan(actor, "outgoing.issue");
  const doc = await outgoingDocument(db, actor, input.documentId);
  if (doc.status === "issued") return { id: doc.id, status: doc.status, version: doc.version };
  if (doc.status !== "signed") throw refuse("outgoing.notAllowedNow", { status: doc.status });
  if (doc.version !== input.version) throw stale();
  const certificate = await myCertificate(db, actor, "seal");
  if (!certificate) throw refuse("signing.noSealCertificate");
  const { unlocked } = await unlockForSigning(db, actor, {
    certificateId: certificate.id,
    pin: input.pin,
  });
  const material: SigningMaterial = {
    certificateId: certificate.id,
    signer: createLocalSigner(unlocked),
    authority: await ensureAuthority(db),
    crls: [await currentCrl(db)],
    image: await imageFor(db, {
      organisationId: actor.organisationId,
      userId: null,
      name: actor.organisationName,
    }),
    signerName: actor.organisationName,
    now: new Date(),
  };
  return applyAction(
    db,
    actor,
    outgoingWorkflow,
    {
      id: doc.id,
      version: input.version,
      input: { action: "issue", registryId: input.registryId ?? null },
    },
    material,
  );
}
