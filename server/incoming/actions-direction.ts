// After a direction: the leader takes it back before anyone has acted on it, and anyone on the
// document forwards it to other units or people for their information.
import { and, eq, inArray } from "drizzle-orm";
import { documentEvent } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { documentParticipant } from "@/db/schema/participants";
import type { IncomingActionInput } from "@/lib/schemas/incoming-actions";
import { fieldError } from "../errors";
import { syncDelegateBoxes } from "./delegation";
import { moveParticipants, upsertParticipant } from "./participants";
import { directingAuthority, kindOf, resolveTargets } from "./actions-routing";
import { handles, loadAssignments, refuse, type ActionContext } from "./workflow-support";
import type { ActionOutcome } from "./transitions";

type Payload<A extends IncomingActionInput["action"]> = Extract<IncomingActionInput, { action: A }>;

/**
 * Takes a direction back: allowed while every part it created is untouched (nobody has written
 * a note, passed it on, submitted, returned or read it). The parts are withdrawn and the document
 * waits again for the leader it was presented to.
 */
export async function withdrawDirection(
  ctx: ActionContext,
  p: Payload<"withdrawDirection">,
): Promise<ActionOutcome> {
  const { tx, doc } = ctx;
  const authority = await directingAuthority(ctx);
  const parts = await loadAssignments(tx, doc.id);
  const current = parts.filter((a) => a.status !== "withdrawn");
  const touched = current.some((a) => a.status !== "pending" || a.parentId !== null);
  const finishedEarlier = parts.some((a) => a.status === "completed");
  if (touched || finishedEarlier || current.length === 0) throw refuse("incoming.directionInUse");
  const noted = await tx
    .select({ id: documentEvent.id })
    .from(documentEvent)
    .where(
      and(
        eq(documentEvent.documentId, doc.id),
        inArray(documentEvent.action, ["noted", "extensionRequested", "forwarded"]),
      ),
    )
    .limit(1);
  if (noted.length > 0) throw refuse("incoming.directionInUse");

  const ids = current.map((a) => a.id);
  const holders = await tx
    .selectDistinct({ userId: documentParticipant.userId })
    .from(documentParticipant)
    .where(
      and(
        eq(documentParticipant.documentId, doc.id),
        inArray(documentParticipant.assignmentId, ids),
      ),
    );
  await tx
    .update(assignment)
    .set({ status: "withdrawn", updatedAt: new Date() })
    .where(inArray(assignment.id, ids));
  await moveParticipants(tx, doc.id, { assignmentIds: ids }, { box: "none" });
  await moveParticipants(tx, doc.id, { kinds: ["director"] }, { box: "none" });
  if (doc.presentedToId) {
    await upsertParticipant(tx, {
      documentId: doc.id,
      userId: doc.presentedToId,
      kind: "presented",
      organisationId: doc.organisationId,
      box: "to_direct",
      urgency: doc.urgency,
      deadline: doc.issuerDeadline,
    });
  }
  await syncDelegateBoxes(tx, doc.organisationId, ctx.today);
  return {
    to: "presented",
    documentPatch: { deadline: doc.issuerDeadline },
    event: {
      action: "directionWithdrawn",
      note: p.reason ?? null,
      data: { onBehalfOf: authority.onBehalfOf, parts: ids.length },
    },
    notifications: [
      {
        userIds: holders.map((h) => h.userId),
        kind: "returned",
        messageKey: "directionWithdrawn",
      },
    ],
  };
}

/**
 * Forwards the document for information (chuyển để biết) to units or people not yet on it. Those
 * who direct or handle it may; a person who only received it for information may not pass it on.
 */
export async function forwardDocument(
  ctx: ActionContext,
  p: Payload<"forward">,
): Promise<ActionOutcome> {
  const { tx, actor, doc } = ctx;
  const parts = await loadAssignments(tx, doc.id);
  const handlesPart = parts.some(
    (a) => a.role !== "info" && handles(actor, a) && a.status !== "withdrawn",
  );
  if (!actor.roles.includes("leader") && !handlesPart) throw refuse("incoming.cannotForward");
  const targets = await resolveTargets(
    ctx,
    p.info.map((target, i) => ({ role: "info" as const, target, field: `info.${i}` })),
  );
  targets.forEach((t, i) => {
    const already = parts.some(
      (a) => a.status !== "withdrawn" && (t.unitId ? a.unitId === t.unitId : a.userId === t.userId),
    );
    if (already) throw fieldError({ [`info.${i}`]: "incoming.alreadyOnDocument" });
  });
  for (const target of targets) {
    const [row] = await tx
      .insert(assignment)
      .values({
        documentId: doc.id,
        organisationId: doc.organisationId,
        role: "info",
        unitId: target.unitId,
        userId: target.userId,
        assignedById: actor.userId,
      })
      .returning({ id: assignment.id });
    for (const userId of target.recipients) {
      await upsertParticipant(tx, {
        documentId: doc.id,
        userId,
        kind: kindOf("info", target.unitId !== null),
        organisationId: doc.organisationId,
        box: "info_unread",
        urgency: doc.urgency,
        assignmentId: row!.id,
      });
    }
  }
  return {
    event: { action: "forwarded", note: p.note ?? null, data: { to: targets.map((t) => t.name) } },
    notifications: [
      {
        userIds: targets.flatMap((t) => t.recipients),
        kind: "forInformation",
        messageKey: "forwarded",
        params: { name: actor.fullName },
      },
    ],
  };
}
