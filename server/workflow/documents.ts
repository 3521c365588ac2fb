import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { document } from "@/db/schema/documents";
import type { Actor } from "../authz/actor";
import { AppError } from "../errors";
import { recordDocumentEvent } from "../incoming/history";
import { loadVisibleDocument, type DocumentRow } from "../incoming/visibility";
import { notifyUsers, type NotificationInput } from "../notify/notify";
import type { BaseOutcome, Workflow } from "./engine";

export type DocumentStatus = DocumentRow["status"];

/** What an action on a document changes, beside its state. */
export type DocumentOutcome = BaseOutcome<DocumentStatus> & {
  documentPatch?: Partial<typeof document.$inferInsert>;
  event: { action: string; note?: string | null; data?: Record<string, unknown> };
  notifications?: Omit<NotificationInput, "organisationId" | "documentId">[];
};

export type DocumentActionResult = { id: string; status: string; version: number };

/**
 * A workflow over `document` rows of one direction: how the engine reads, locks and writes them,
 * and records each step in the document's history, the audit chain and the people's bells.
 */
export function documentWorkflow<
  Payload extends { action: string },
  Ctx,
  Outcome extends DocumentOutcome,
>(
  spec: Pick<
    Workflow<DocumentRow, DocumentStatus, Payload, Ctx, Outcome, DocumentActionResult>,
    "name" | "input" | "transitions" | "context" | "settle"
  > & {
    direction: DocumentRow["direction"];
    /** What else each step leads to once recorded (a status reported to the sender). */
    after?: (
      tx: Tx,
      actor: Actor,
      doc: DocumentRow,
      outcome: Outcome,
      to: DocumentStatus,
    ) => Promise<void>;
  },
): Workflow<DocumentRow, DocumentStatus, Payload, Ctx, Outcome, DocumentActionResult> {
  return {
    ...spec,
    load: async (tx: Tx, actor: Actor, id: string) => {
      const doc = await loadVisibleDocument(tx, actor, id, { forUpdate: true });
      if (doc.direction !== spec.direction) throw new AppError("NOT_FOUND", "errors.notFound");
      return doc;
    },
    save: async (tx, _actor, doc, outcome, to) => {
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
      return updated!;
    },
    record: async (tx, actor, doc, outcome, to) => {
      await recordDocumentEvent(tx, actor, {
        documentId: doc.id,
        area: spec.direction,
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
          params: { subject: doc.subject.slice(0, 120), ...n.params },
        });
      }
      await spec.after?.(tx, actor, doc, outcome, to);
    },
  };
}
