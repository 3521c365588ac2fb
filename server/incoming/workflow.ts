import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignment, document, extensionRequest } from "@/db/schema/documents";
import { incomingActionInput, type IncomingActionRequest } from "@/lib/schemas/incoming-actions";
import { vietnamToday } from "@/lib/dates";
import { assertCan, type Actor } from "../authz/actor";
import { zodFieldErrors } from "../zod-errors";
import { AppError, stale } from "../errors";
import { notifyUsers } from "../notify/notify";
import { recordDocumentEvent } from "./history";
import { transitionFor } from "./transitions";
import { loadVisibleDocument } from "./visibility";

/**
 * The one place that changes an incoming document's state. In one transaction: lock the
 * document, refuse a stale version, check the action is allowed from this state and by this
 * person, run its guard and effect, write the new state, the history and audit event, and the
 * notifications. Of two people acting at once, the second finds a newer version and is told so.
 */
export async function applyIncomingAction(
  db: Db,
  actor: Actor,
  request: { documentId: string; version: number; input: IncomingActionRequest },
): Promise<{ id: string; status: string; version: number }> {
  // Callers other than the router (jobs, other services) get the same validation.
  const parsed = incomingActionInput.safeParse(request.input);
  if (!parsed.success)
    throw new AppError("VALIDATION", "errors.validation", {}, zodFieldErrors(parsed.error));
  const input = parsed.data;
  const transition = transitionFor(input.action);
  assertCan(actor, transition.who);
  return db.transaction(async (tx) => {
    const doc = await loadVisibleDocument(tx, actor, request.documentId, { forUpdate: true });
    if (doc.direction !== "incoming") throw new AppError("NOT_FOUND", "errors.notFound");
    if (doc.version !== request.version) throw stale();
    if (!transition.from.includes(doc.status)) {
      throw new AppError("CONFLICT", "incoming.notAllowedNow", { status: doc.status });
    }
    const outcome = await transition.run({ tx, actor, doc, today: vietnamToday() }, input);
    // A request to extend a part that is no longer open has nothing left to decide.
    await tx.execute(sql`update ${extensionRequest} er set status = 'lapsed'
      from ${assignment} a
      where er.document_id = ${doc.id} and er.status = 'pending' and a.id = er.assignment_id
        and a.status not in ('pending', 'in_progress')`);
    const to = outcome.to ?? doc.status;
    const [updated] = await tx
      .update(document)
      .set({
        ...outcome.documentPatch,
        status: to,
        version: sql`${document.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(document.id, doc.id))
      .returning({ id: document.id, status: document.status, version: document.version });
    await recordDocumentEvent(tx, actor, {
      documentId: doc.id,
      action: outcome.event.action,
      fromStatus: doc.status,
      toStatus: to,
      note: outcome.event.note,
      data: outcome.event.data,
    });
    for (const n of outcome.notifications ?? []) {
      await notifyUsers(tx, {
        ...n,
        userIds: n.userIds.filter((id) => id !== actor.userId),
        organisationId: actor.organisationId,
        documentId: doc.id,
        messageKey: n.messageKey,
        params: { subject: doc.subject.slice(0, 120), ...n.params },
      });
    }
    return updated!;
  });
}
