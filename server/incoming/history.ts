import type { DbOrTx } from "@/db/client";
import { documentEvent } from "@/db/schema/documents";
import { appendAudit } from "../audit/append";
import type { Actor } from "../authz/actor";

type Status = (typeof documentEvent.$inferInsert)["toStatus"];

/**
 * Records one step of a document's life twice, in the caller's transaction: in the document's
 * history (what users read on the document page) and in the organisation's audit chain.
 */
export async function recordDocumentEvent(
  tx: DbOrTx,
  actor: Actor,
  event: {
    documentId: string;
    /** The workflow the step belongs to, which names it in the audit log (default incoming). */
    area?: "incoming" | "outgoing" | "internal";
    action: string;
    fromStatus?: Status | null;
    toStatus?: Status | null;
    note?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const data = event.data ?? {};
  await tx.insert(documentEvent).values({
    documentId: event.documentId,
    organisationId: actor.organisationId,
    actorId: actor.userId,
    actorName: actor.fullName,
    action: event.action,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    note: event.note ?? null,
    data,
  });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actor,
    action: `${event.area ?? "incoming"}.${event.action}`,
    entityType: "document",
    entityId: event.documentId,
    // The statuses under their own names: an event's `from` and `to` (the deadlines of an
    // extension, whom a part went back to) are what the audit log's sentence says.
    data: {
      ...data,
      ...(event.fromStatus ? { fromStatus: event.fromStatus } : {}),
      ...(event.toStatus ? { toStatus: event.toStatus } : {}),
      ...(event.note ? { note: event.note } : {}),
    },
  });
}
