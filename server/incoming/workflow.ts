import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignment, extensionRequest } from "@/db/schema/handling";
import { incomingActionInput, type IncomingActionRequest } from "@/lib/schemas/incoming-actions";
import { vietnamToday } from "@/lib/dates";
import type { Actor } from "../authz/actor";
import { applyAction } from "../workflow/engine";
import { documentWorkflow, type DocumentActionResult } from "../workflow/documents";
import { reportToSender } from "../delivery/report";
import { incomingTransitions } from "./transitions";

/** The incoming workflow: its transition table, run by the shared engine on incoming documents. */
export const incomingWorkflow = documentWorkflow({
  name: "incoming",
  direction: "incoming",
  input: incomingActionInput,
  transitions: incomingTransitions,
  context: (tx, actor, doc) => ({ tx, actor, doc, today: vietnamToday() }),
  // A document delivered by another organisation tells its sender how far it has gone.
  after: reportToSender,
  // A request to extend a part that is no longer open has nothing left to decide.
  settle: async (tx, doc) => {
    await tx.execute(sql`update ${extensionRequest} er set status = 'lapsed'
      from ${assignment} a
      where er.document_id = ${doc.id} and er.status = 'pending' and a.id = er.assignment_id
        and a.status not in ('pending', 'in_progress')`);
  },
});

/** Applies one action of the incoming workflow to a document (see `applyAction`). */
export function applyIncomingAction(
  db: Db,
  actor: Actor,
  request: { documentId: string; version: number; input: IncomingActionRequest },
): Promise<DocumentActionResult> {
  return applyAction(db, actor, incomingWorkflow, {
    id: request.documentId,
    version: request.version,
    input: request.input,
  });
}
