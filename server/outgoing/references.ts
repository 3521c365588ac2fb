import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { unit } from "@/db/schema/org";
import type { DraftInput } from "@/lib/schemas/outgoing";
import type { Actor } from "../authz/actor";
import { fieldError } from "../errors";
import { loadAttachableBlobs } from "../files/ownership";
import { visibleTo } from "../incoming/visibility";
import { loadMembers } from "../incoming/workflow-support";
import { unsafeDescribeOrganisations } from "../org/recipient-directory";

/**
 * Checks every id a draft names against what the actor may use: organisations of the tree that
 * are open (or merged into an open one), units and people of the actor's own organisation, a signer who is one of its
 * leaders, an incoming document the actor sees, files the actor uploaded or can see. An id is
 * a claim: whatever fails is refused by field, nothing is saved.
 */
export async function checkDraftReferences(tx: Tx, actor: Actor, draft: DraftInput): Promise<void> {
  const errors: Record<string, string> = {};
  const orgIds = draft.recipients.flatMap((r) =>
    r.kind === "organisation" ? [r.organisationId] : [],
  );
  const unitIds = draft.recipients.flatMap((r) => (r.kind === "unit" ? [r.unitId] : []));
  const personIds = draft.recipients.flatMap((r) => (r.kind === "person" ? [r.userId] : []));

  if (orgIds.length > 0) {
    // A merged organisation stays a valid addressee: delivery follows the merge to its successor.
    const found = await unsafeDescribeOrganisations(tx, [...new Set(orgIds)]);
    const deliverable = found.filter((o) => o.status === "active" || o.successor);
    if (deliverable.length !== new Set(orgIds).size)
      errors.recipients = "outgoing.recipientUnknown";
  }
  if (unitIds.length > 0) {
    const found = await tx
      .select({ id: unit.id })
      .from(unit)
      .where(
        and(
          inArray(unit.id, unitIds),
          eq(unit.organisationId, actor.organisationId),
          eq(unit.active, true),
        ),
      );
    if (found.length !== new Set(unitIds).size) errors.recipients = "outgoing.recipientUnknown";
  }
  const members = await loadMembers(tx, actor.organisationId, [
    ...personIds,
    ...(draft.signerId ? [draft.signerId] : []),
  ]);
  if (personIds.some((id) => !members.has(id))) errors.recipients = "outgoing.recipientUnknown";
  if (draft.signerId && !members.get(draft.signerId)?.roles.includes("leader")) {
    errors.signerId = "outgoing.signerNotALeader";
  }
  if (draft.draftingUnitId) {
    const [found] = await tx
      .select({ id: unit.id })
      .from(unit)
      .where(and(eq(unit.id, draft.draftingUnitId), eq(unit.organisationId, actor.organisationId)));
    if (!found) errors.draftingUnitId = "outgoing.unitUnknown";
  }
  if (draft.answersDocumentId) {
    const [found] = await tx
      .select({ id: document.id })
      .from(document)
      .where(
        and(
          eq(document.id, draft.answersDocumentId),
          eq(document.direction, "incoming"),
          visibleTo(actor),
        ),
      );
    if (!found) errors.answersDocumentId = "outgoing.answersUnknown";
  }
  const hashes = draft.attachments.map((a) => a.sha256);
  if (hashes.length > 0) {
    const blobs = await loadAttachableBlobs(tx, actor, hashes);
    if (hashes.some((h) => !blobs.has(h))) errors.attachments = "outgoing.attachmentMissing";
  }
  if (Object.keys(errors).length > 0) throw fieldError(errors);
}
