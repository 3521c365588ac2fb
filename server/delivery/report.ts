// Each step at the recipient reports back to the sender, as the edXML status messages do: 03
// registered, 04 assigned (the leader's direction), 05 in progress (the first handling), 06
// completed, 02 refused. Each code is recorded once per delivery; a later report never moves the
// delivery back, and a refusal tells the sender's clerks and the drafter why.
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { delivery, deliveryEvent } from "@/db/schema/delivery";
import { document } from "@/db/schema/documents";
import { statusCodes, statusRank, type DeliveryStatus } from "@/lib/delivery";
import type { Actor } from "../authz/actor";
import type { DocumentRow } from "../incoming/visibility";
import { clerksOf } from "../incoming/workflow-support";
import { enqueueStatus } from "../exchange/outbox";
import { notifyUsers } from "../notify/notify";
import type { DocumentOutcome, DocumentStatus } from "../workflow/documents";

/** The steps that show the document is being handled, once a leader has directed it. */
const HANDLING = new Set([
  "assignedToSpecialist",
  "noted",
  "extensionRequested",
  "resultSubmitted",
  "resultAccepted",
  "forwarded",
]);

function reportedStatus(action: string, to: DocumentStatus): DeliveryStatus | null {
  if (action === "registered") return "registered";
  if (action === "directed" || action === "redirected") return "assigned";
  if (action === "returnedToSender") return "refused";
  if (to === "completed") return "completed";
  if (to === "in_progress" && HANDLING.has(action)) return "in_progress";
  return null;
}

export async function reportToSender(
  tx: Tx,
  actor: Actor,
  doc: DocumentRow,
  outcome: DocumentOutcome,
  to: DocumentStatus,
): Promise<void> {
  if (doc.receivedVia !== "exchange") return;
  const status = reportedStatus(outcome.event.action, to);
  if (!status || status === "pending") return;
  const [row] = await tx
    .select()
    .from(delivery)
    .where(eq(delivery.incomingDocumentId, doc.id))
    .for("update");
  const description = status === "refused" ? (outcome.event.note ?? null) : null;
  if (!row) {
    // A copy a peer deployment delivered: the status goes back to it as a message.
    await enqueueStatus(tx, doc.id, status, { description, staffName: actor.fullName });
    return;
  }
  await recordStatus(tx, row, status, {
    at: new Date(),
    description,
    staffName: actor.fullName,
    staffId: actor.userId,
  });
}

/**
 * A status the recipient reported, on the sender's delivery: recorded once per code and round,
 * moving the delivery forward (never back); a refusal tells the sender's clerks and the drafter.
 */
export async function recordStatus(
  tx: Tx,
  row: typeof delivery.$inferSelect,
  status: DeliveryStatus,
  info: { at: Date; description: string | null; staffName: string | null; staffId: string | null },
): Promise<boolean> {
  if (status === "pending" || status === "recalled") return false;
  const { at, description } = info;
  const [recorded] = await tx
    .insert(deliveryEvent)
    .values({
      deliveryId: row.id,
      round: row.round,
      code: statusCodes[status],
      status,
      at,
      description,
      staffName: info.staffName,
      staffId: info.staffId,
    })
    .onConflictDoNothing()
    .returning({ id: deliveryEvent.id });
  if (!recorded) return false;
  if (status !== "refused" && statusRank[status] <= statusRank[row.status]) return true;
  await tx
    .update(delivery)
    .set({ status, statusAt: at, reason: description ?? row.reason, version: row.version + 1 })
    .where(eq(delivery.id, row.id));
  if (status === "refused") {
    const [sent] = await tx
      .select({ id: document.id, subject: document.subject, createdById: document.createdById })
      .from(document)
      .where(and(eq(document.id, row.documentId)));
    if (!sent) return true;
    await notifyUsers(tx, {
      organisationId: row.organisationId,
      userIds: [...(await clerksOf(tx, row.organisationId)), sent.createdById],
      kind: "deliveryRefused",
      documentId: sent.id,
      messageKey: "deliveryRefused",
      params: { subject: sent.subject.slice(0, 120), recipient: row.recipientName },
    });
  }
  return true;
}
