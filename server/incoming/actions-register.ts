// The clerk registers a document that arrived electronically: it came with its number, date,
// issuer, type, subject, signer and signed file, so registering only gives it the arrival number
// and date of the chosen book (and, if the clerk sets one, an internal deadline).
import { isSecret } from "@/lib/documents";
import type { RegistryKind } from "@/lib/schemas/registry";
import { fieldError } from "../errors";
import { defaultRegistry, nextRegistryNumber } from "../registry/numbering";
import { upsertParticipant } from "./participants";
import { resolveChosenRegistry } from "./receive";
import type { ActionOutcome } from "./transitions";
import type { ActionContext } from "./workflow-support";

export async function registerArrived(
  ctx: ActionContext,
  p: { registryId?: string | null; deadline?: string | null; notes?: string | null },
): Promise<ActionOutcome> {
  const { tx, actor, doc, today } = ctx;
  const kind: RegistryKind = isSecret(doc.confidentiality) ? "secret" : "incoming";
  const errors: Record<string, string> = {};
  const chosen = await resolveChosenRegistry(tx, actor, p.registryId ?? null, kind, errors);
  if (p.deadline && p.deadline < today) errors.deadline = "reception.deadlinePast";
  if (Object.keys(errors).length > 0) throw fieldError(errors);
  const now = new Date();
  const registryId = chosen ?? (await defaultRegistry(tx, actor.organisationId, kind)).id;
  const { period, number } = await nextRegistryNumber(tx, { registryId, on: now });
  await upsertParticipant(tx, {
    documentId: doc.id,
    userId: actor.userId,
    kind: "registrar",
    organisationId: actor.organisationId,
    box: "none",
    urgency: doc.urgency,
    deadline: p.deadline ?? null,
  });
  return {
    to: "registered",
    documentPatch: {
      registryId,
      registryPeriod: period,
      registryNumber: number,
      registeredAt: now,
      arrivalDate: today,
      deadline: p.deadline ?? doc.deadline,
      notes: p.notes ?? doc.notes,
    },
    event: { action: "registered", data: { registryId, registryNumber: number, period } },
  };
}
