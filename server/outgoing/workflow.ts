import type { Db } from "@/db/client";
import { vietnamToday } from "@/lib/dates";
import type { OutgoingActionInput } from "@/lib/schemas/outgoing";
import type { Actor } from "../authz/actor";
import { documentWorkflow, type DocumentActionResult } from "../workflow/documents";
import { applyAction } from "../workflow/engine";
import { outgoingEngineInput } from "./engine-input";
import type { SigningMaterial } from "./signing";
import { outgoingTransitions } from "./transitions";

/** The outgoing workflow: its transition table, run by the same engine as incoming documents. */
export const outgoingWorkflow = documentWorkflow({
  name: "outgoing",
  direction: "outgoing",
  input: outgoingEngineInput,
  transitions: outgoingTransitions,
  context: (tx, actor, doc, extra) => ({
    tx,
    actor,
    doc,
    today: vietnamToday(),
    signing: extra as SigningMaterial | undefined,
  }),
});

/** Applies one action of the outgoing workflow to a document (see `applyAction`). */
export function applyOutgoingAction(
  db: Db,
  actor: Actor,
  request: { documentId: string; version: number; input: OutgoingActionInput },
): Promise<DocumentActionResult> {
  return applyAction(db, actor, outgoingWorkflow, {
    id: request.documentId,
    version: request.version,
    input: request.input,
  });
}
