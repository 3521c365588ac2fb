// Routing a document: the clerk presents it, the leader directs it to units and people, a unit
// head passes the unit's part to a specialist, the clerk returns a misaddressed one to its sender.
import { and, eq, inArray, sql } from "drizzle-orm";
import { assignment } from "@/db/schema/handling";
import { documentParticipant } from "@/db/schema/participants";
import type { AssigneeTarget, IncomingActionInput } from "@/lib/schemas/incoming-actions";
import { fieldError } from "../errors";
import { standsInFor, syncDelegateBoxes } from "./delegation";
import { moveParticipants, upsertParticipant } from "./participants";
import {
  assertDeadline,
  findAssignment,
  isOpen,
  isUnitHeadOf,
  loadAssignments,
  loadMembers,
  loadUnits,
  refuse,
  unitHeads,
  type ActionContext,
} from "./workflow-support";
import type { ActionOutcome } from "./transitions";

type Payload<A extends IncomingActionInput["action"]> = Extract<IncomingActionInput, { action: A }>;

export async function presentDocument(
  ctx: ActionContext,
  p: Payload<"present">,
): Promise<ActionOutcome> {
  const { tx, actor, doc } = ctx;
  const leader = (await loadMembers(tx, actor.organisationId, [p.leaderId])).get(p.leaderId);
  if (!leader || !leader.roles.includes("leader"))
    throw fieldError({ leaderId: "incoming.notALeader" });
  // A document presented again after a return leaves the earlier leader's box.
  await moveParticipants(tx, doc.id, { kinds: ["presented"] }, { box: "none" });
  await upsertParticipant(tx, {
    documentId: doc.id,
    userId: leader.id,
    kind: "presented",
    organisationId: actor.organisationId,
    box: "to_direct",
    urgency: doc.urgency,
    deadline: doc.deadline,
  });
  // A leader who is away has someone standing in: the document waits in their box too.
  await syncDelegateBoxes(tx, actor.organisationId, ctx.today);
  return {
    to: "presented",
    documentPatch: { presentedToId: leader.id, presentedAt: new Date() },
    event: { action: "presented", note: p.note ?? null, data: { leader: leader.fullName } },
    notifications: [
      {
        userIds: [leader.id],
        kind: "presented",
        messageKey: doc.urgency === "normal" ? "presented" : "presentedUrgent",
      },
    ],
  };
}

export type ResolvedTarget = {
  role: "lead" | "co" | "info";
  unitId: string | null;
  userId: string | null;
  deadline: string | null;
  name: string;
  /** The people who see it in their boxes: the person, or the unit's heads. */
  recipients: string[];
};

type TargetRequest = { role: ResolvedTarget["role"]; target: AssigneeTarget; field: string };

/** The units and people of a direction or forwarding, checked against the organisation. */
export async function resolveTargets(
  ctx: ActionContext,
  all: TargetRequest[],
): Promise<ResolvedTarget[]> {
  const { tx, actor, today } = ctx;
  const users = await loadMembers(
    tx,
    actor.organisationId,
    all.flatMap((a) => (a.target.userId ? [a.target.userId] : [])),
  );
  const units = await loadUnits(
    tx,
    actor.organisationId,
    all.flatMap((a) => (a.target.unitId ? [a.target.unitId] : [])),
  );
  const seen = new Set<string>();
  const resolved: ResolvedTarget[] = [];
  for (const { role, target, field } of all) {
    const key = target.unitId ?? target.userId!;
    if (seen.has(key)) throw fieldError({ [field]: "incoming.targetTwice" });
    seen.add(key);
    if (role !== "info") assertDeadline(target.deadline, today, field);
    if (target.userId) {
      const user = users.get(target.userId);
      if (!user) throw fieldError({ [field]: "incoming.targetNotFound" });
      // Directing to oneself would leave nobody to review the result.
      if (user.id === actor.userId && role !== "info")
        throw fieldError({ [field]: "incoming.targetIsYou" });
      resolved.push({
        role,
        unitId: null,
        userId: user.id,
        deadline: target.deadline ?? null,
        name: user.fullName,
        recipients: [user.id],
      });
    } else {
      const found = units.get(target.unitId!);
      if (!found) throw fieldError({ [field]: "incoming.targetNotFound" });
      const heads = await unitHeads(tx, actor.organisationId, found.id);
      if (heads.length === 0)
        throw fieldError({
          [field]: { key: "incoming.unitHasNoHead", params: { unit: found.name } },
        });
      resolved.push({
        role,
        unitId: found.id,
        userId: null,
        deadline: target.deadline ?? null,
        name: found.name,
        recipients: heads,
      });
    }
  }
  return resolved;
}

export const kindOf = (role: ResolvedTarget["role"], unit: boolean) =>
  (unit ? "unit_head" : role) as "lead" | "co" | "info" | "unit_head";

export async function directDocument(
  ctx: ActionContext,
  p: Payload<"direct">,
): Promise<ActionOutcome> {
  const { tx, actor, doc } = ctx;
  const authority = await directingAuthority(ctx);
  const targets = await resolveTargets(ctx, [
    { role: "lead", target: p.lead, field: "lead" },
    ...p.co.map((target, i) => ({ role: "co" as const, target, field: `co.${i}` })),
    ...p.info.map((target, i) => ({ role: "info" as const, target, field: `info.${i}` })),
  ]);
  const existing = await loadAssignments(tx, doc.id);
  // A new direction replaces the parts still open; finished parts stay in the record.
  const withdrawn = existing.filter(isOpen).map((a) => a.id);
  if (withdrawn.length > 0) {
    await tx
      .update(assignment)
      .set({ status: "withdrawn", updatedAt: new Date() })
      .where(inArray(assignment.id, withdrawn));
    await moveParticipants(tx, doc.id, { assignmentIds: withdrawn }, { box: "none" });
  }
  for (const target of targets) {
    const [row] = await tx
      .insert(assignment)
      .values({
        documentId: doc.id,
        organisationId: actor.organisationId,
        role: target.role,
        unitId: target.unitId,
        userId: target.userId,
        assignedById: actor.userId,
        deadline: target.role === "info" ? null : target.deadline,
      })
      .returning({ id: assignment.id });
    for (const userId of target.recipients) {
      await upsertParticipant(tx, {
        documentId: doc.id,
        userId,
        kind: kindOf(target.role, target.unitId !== null),
        organisationId: actor.organisationId,
        box: target.role === "info" ? "info_unread" : "to_handle",
        urgency: doc.urgency,
        deadline: target.role === "info" ? null : target.deadline,
        assignmentId: row!.id,
      });
    }
  }
  await moveParticipants(tx, doc.id, { kinds: ["presented", "delegate"] }, { box: "none" });
  await upsertParticipant(tx, {
    documentId: doc.id,
    userId: actor.userId,
    kind: "director",
    organisationId: actor.organisationId,
    box: "handled",
    urgency: doc.urgency,
    deadline: targets[0]!.deadline,
  });
  const lead = targets[0]!;
  return {
    to: "in_progress",
    documentPatch: { deadline: lead.deadline ?? doc.issuerDeadline },
    event: {
      action: withdrawn.length > 0 ? "redirected" : "directed",
      note: p.direction,
      data: {
        onBehalfOf: authority.onBehalfOf,
        pastIssuerDeadline: Boolean(
          doc.issuerDeadline && lead.deadline && lead.deadline > doc.issuerDeadline,
        ),
        lead: { name: lead.name, deadline: lead.deadline },
        co: targets
          .filter((t) => t.role === "co")
          .map((t) => ({ name: t.name, deadline: t.deadline })),
        info: targets.filter((t) => t.role === "info").map((t) => t.name),
      },
    },
    notifications: (["lead", "co", "info"] as const).map((role) => ({
      userIds: targets.filter((t) => t.role === role).flatMap((t) => t.recipients),
      kind: role === "info" ? "forInformation" : "assigned",
      messageKey:
        role === "lead" ? "assignedLead" : role === "co" ? "assignedCo" : "forInformation",
    })),
  };
}

/**
 * Who may direct: the leader the document was presented to, a leader who already directs it (to
 * redirect), or a leader standing in for either of them, whose direction is recorded as on their
 * behalf.
 */
export async function directingAuthority(
  ctx: ActionContext,
): Promise<{ onBehalfOf: string | null }> {
  const { tx, actor, doc } = ctx;
  const directors = await tx
    .select({ userId: documentParticipant.userId })
    .from(documentParticipant)
    .where(
      and(eq(documentParticipant.documentId, doc.id), eq(documentParticipant.kind, "director")),
    );
  const holders = [doc.presentedToId, ...directors.map((d) => d.userId)];
  if (holders.includes(actor.userId)) return { onBehalfOf: null };
  const stand = await standsInFor(tx, actor, holders, ctx.today);
  if (stand) return { onBehalfOf: stand.fullName };
  throw refuse("incoming.notPresentedToYou");
}

export async function assignToSpecialist(
  ctx: ActionContext,
  p: Payload<"assignToSpecialist">,
): Promise<ActionOutcome> {
  const { tx, actor, doc, today } = ctx;
  const parts = await loadAssignments(tx, doc.id);
  const parent = findAssignment(parts, p.assignmentId);
  if (!parent.unitId || parent.parentId || !isOpen(parent)) throw refuse("incoming.notAUnitPart");
  if (!isUnitHeadOf(actor, parent.unitId)) throw refuse("incoming.notYourUnit");
  const specialist = (await loadMembers(tx, actor.organisationId, [p.userId])).get(p.userId);
  if (!specialist || specialist.unitId !== parent.unitId)
    throw fieldError({ userId: "incoming.notInUnit" });
  if (parts.some((a) => a.parentId === parent.id && a.userId === p.userId && isOpen(a))) {
    throw fieldError({ userId: "incoming.alreadyAssigned" });
  }
  const deadline = p.deadline ?? parent.deadline;
  assertDeadline(deadline, today, "deadline");
  if (deadline && parent.deadline && deadline > parent.deadline) {
    throw fieldError({
      deadline: { key: "incoming.deadlineAfterParent", params: { deadline: parent.deadline } },
    });
  }
  const [child] = await tx
    .insert(assignment)
    .values({
      documentId: doc.id,
      organisationId: actor.organisationId,
      role: parent.role,
      userId: specialist.id,
      parentId: parent.id,
      assignedById: actor.userId,
      deadline: parent.role === "info" ? null : deadline,
    })
    .returning({ id: assignment.id });
  await tx
    .update(assignment)
    .set({ status: parent.role === "info" ? parent.status : "in_progress", updatedAt: new Date() })
    .where(eq(assignment.id, parent.id));
  await upsertParticipant(tx, {
    documentId: doc.id,
    userId: specialist.id,
    kind: parent.role,
    organisationId: actor.organisationId,
    box: parent.role === "info" ? "info_unread" : "to_handle",
    urgency: doc.urgency,
    deadline: parent.role === "info" ? null : deadline,
    assignmentId: child!.id,
  });
  // A part handed on is no longer "returned" in the unit head's box.
  await tx
    .update(documentParticipant)
    .set({ returned: 0 })
    .where(
      and(
        eq(documentParticipant.documentId, doc.id),
        eq(documentParticipant.assignmentId, parent.id),
      ),
    );
  return {
    event: {
      action: "assignedToSpecialist",
      note: p.note ?? null,
      data: { specialist: specialist.fullName, deadline, role: parent.role },
    },
    notifications: [
      {
        userIds: [specialist.id],
        kind: parent.role === "info" ? "forInformation" : "assigned",
        messageKey:
          parent.role === "info"
            ? "forInformation"
            : parent.role === "lead"
              ? "assignedLead"
              : "assignedCo",
      },
    ],
  };
}

export async function returnToSender(
  ctx: ActionContext,
  p: Payload<"returnToSender">,
): Promise<ActionOutcome> {
  const { tx, doc } = ctx;
  await tx
    .update(documentParticipant)
    .set({ box: "none", updatedAt: sql`now()` })
    .where(eq(documentParticipant.documentId, doc.id));
  return {
    to: "returned_to_sender",
    documentPatch: { result: p.reason },
    event: { action: "returnedToSender", note: p.reason, data: { issuer: doc.issuerName } },
  };
}
