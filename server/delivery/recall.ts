// Recall, update and replace (edXML BussinessDocType 1-3): the sender asks each recipient that
// holds the document to give it back (code 13); each recipient's clerk accepts, and the document
// leaves their inboxes marked recalled with its history kept (15), or refuses with a reason (16).
// Both sides run through their workflow engine: the sender's request is an action on the issued
// document, the answer an action on the recipient's copy.
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { delivery, deliveryEvent } from "@/db/schema/delivery";
import { document } from "@/db/schema/documents";
import { documentParticipant } from "@/db/schema/participants";
import { heldStatuses, recallCodes, type RecallKind } from "@/lib/delivery";
import { AppError } from "../errors";
import type { ActionOutcome } from "../incoming/transitions";
import type { ActionContext } from "../incoming/workflow-support";
import { clerksOf } from "../incoming/workflow-support";
import { notifyUsers } from "../notify/notify";
import type { OutgoingContext, OutgoingOutcome } from "../outgoing/actions";
import { linkReplacement } from "./replace";

/** The sender's request, on every delivery whose copy arrived and is not refused or recalled. */
export async function requestRecall(
  ctx: OutgoingContext,
  p: { kind: RecallKind; reason: string; replacementId?: string | null },
): Promise<OutgoingOutcome> {
  const { tx, actor, doc } = ctx;
  const now = new Date();
  const replacement =
    p.kind === "replace" ? await linkReplacement(tx, actor, doc, p.replacementId) : null;
  const open = await tx
    .select()
    .from(delivery)
    .where(
      and(
        eq(delivery.documentId, doc.id),
        sql`${delivery.incomingDocumentId} is not null`,
        inArray(delivery.status, heldStatuses),
        or(isNull(delivery.recallState), ne(delivery.recallState, "requested")),
      ),
    )
    .for("update");
  if (open.length === 0) throw new AppError("CONFLICT", "delivery.nothingToRecall");
  for (const row of open) {
    await tx
      .update(delivery)
      .set({
        recallKind: p.kind,
        recallState: "requested",
        recallReason: p.reason,
        recallAt: now,
        version: row.version + 1,
      })
      .where(eq(delivery.id, row.id));
    await tx
      .insert(deliveryEvent)
      .values({
        deliveryId: row.id,
        round: row.round,
        code: recallCodes.requested,
        status: row.status,
        at: now,
        description: p.reason,
        staffName: actor.fullName,
        staffId: actor.userId,
      })
      .onConflictDoUpdate({
        target: [deliveryEvent.deliveryId, deliveryEvent.round, deliveryEvent.code],
        set: { at: now, description: p.reason, staffName: actor.fullName },
      });
    await notifyUsers(tx, {
      organisationId: row.recipientOrganisationId!,
      userIds: await clerksOf(tx, row.recipientOrganisationId!),
      kind: "recallRequested",
      documentId: row.incomingDocumentId,
      messageKey: "recallRequested",
      params: { subject: doc.subject.slice(0, 120), issuer: actor.organisationName },
    });
  }
  return {
    event: {
      action: "recallRequested",
      note: p.reason,
      data: {
        kind: p.kind,
        recipients: open.map((r) => r.recipientName),
        ...(replacement ? { replacement: replacement.numberNotation } : {}),
      },
    },
  };
}

/** The pending request on a recipient's copy, if its sender asked for one. */
export async function recallOf(tx: DbOrTx, documentId: string) {
  const [row] = await tx.select().from(delivery).where(eq(delivery.incomingDocumentId, documentId));
  return row?.recallState ? row : null;
}

/**
 * The recipient's answer. Accepted: the copy is recalled (it leaves every inbox, its history
 * stays) and the delivery says so (15). Refused: the copy stays as it is (16), with the reason.
 */
export async function answerRecall(
  ctx: ActionContext,
  p: { accept: boolean; note?: string | null },
): Promise<ActionOutcome> {
  const { tx, actor, doc } = ctx;
  const [row] = await tx
    .select()
    .from(delivery)
    .where(and(eq(delivery.incomingDocumentId, doc.id), eq(delivery.recallState, "requested")))
    .for("update");
  if (!row) throw new AppError("CONFLICT", "delivery.noRecall");
  const now = new Date();
  const state = p.accept ? "accepted" : "refused";
  await tx
    .update(delivery)
    .set({
      recallState: state,
      ...(p.accept ? { status: "recalled" as const, statusAt: now } : {}),
      version: row.version + 1,
    })
    .where(eq(delivery.id, row.id));
  await tx
    .insert(deliveryEvent)
    .values({
      deliveryId: row.id,
      round: row.round,
      code: recallCodes[state],
      status: p.accept ? "recalled" : row.status,
      at: now,
      description: p.note ?? null,
      staffName: actor.fullName,
      staffId: actor.userId,
    })
    .onConflictDoNothing();
  if (p.accept) {
    await tx
      .update(documentParticipant)
      .set({ box: "none", updatedAt: now })
      .where(eq(documentParticipant.documentId, doc.id));
  }
  const [sent] = await tx
    .select({ createdById: document.createdById })
    .from(document)
    .where(eq(document.id, row.documentId));
  await notifyUsers(tx, {
    organisationId: row.organisationId,
    userIds: [...(await clerksOf(tx, row.organisationId)), ...(sent ? [sent.createdById] : [])],
    kind: p.accept ? "recallAccepted" : "recallRefused",
    documentId: row.documentId,
    messageKey: p.accept ? "recallAccepted" : "recallRefused",
    params: { subject: doc.subject.slice(0, 120), recipient: actor.organisationName },
  });
  return {
    to: p.accept ? "recalled" : undefined,
    event: {
      action: p.accept ? "recallAccepted" : "recallRefused",
      note: p.note ?? null,
      data: { kind: row.recallKind, issuer: doc.issuerName },
    },
  };
}
