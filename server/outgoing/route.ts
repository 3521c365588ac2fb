import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { documentParticipant } from "@/db/schema/participants";
import { approvalMember, approvalStep } from "@/db/schema/outgoing";
import type { ApprovalStepKind } from "@/lib/outgoing";
import { upsertParticipant } from "../incoming/participants";
import type { DocumentRow } from "../incoming/visibility";

export type StepRow = typeof approvalStep.$inferSelect;
export type MemberRow = typeof approvalMember.$inferSelect;
export type RouteStep = StepRow & { members: MemberRow[] };

/** The box a step's members find the draft in while the step waits for them. */
export const boxOfStep: Record<ApprovalStepKind, "draft_review" | "to_sign"> = {
  review: "draft_review",
  format_check: "draft_review",
  sign: "to_sign",
};

/** The draft's route, in order, each step with its members. */
export async function loadRoute(tx: Tx, documentId: string): Promise<RouteStep[]> {
  const steps = await tx
    .select()
    .from(approvalStep)
    .where(eq(approvalStep.documentId, documentId))
    .orderBy(asc(approvalStep.position));
  if (steps.length === 0) return [];
  const members = await tx
    .select()
    .from(approvalMember)
    .where(eq(approvalMember.documentId, documentId));
  return steps.map((s) => ({ ...s, members: members.filter((m) => m.stepId === s.id) }));
}

export const activeStep = (route: RouteStep[]) => route.find((s) => s.status === "active") ?? null;

/**
 * Makes a step the one that waits: its members' decisions start afresh on the current version,
 * and the draft moves into their boxes; everyone else on the route keeps seeing it, out of
 * their boxes.
 */
export async function activateStep(
  tx: Tx,
  doc: DocumentRow,
  route: RouteStep[],
  step: RouteStep,
  versionNumber: number,
): Promise<void> {
  await tx
    .update(approvalStep)
    .set({ status: "active", versionNumber, startedAt: new Date(), decidedAt: null })
    .where(eq(approvalStep.id, step.id));
  await tx
    .update(approvalMember)
    .set({ decision: "pending", comment: null, decidedAt: null, versionNumber: null })
    .where(eq(approvalMember.stepId, step.id));
  // Steps after it wait again (a draft sent back to an earlier step passes the later ones anew).
  const later = route.filter((s) => s.position > step.position).map((s) => s.id);
  if (later.length > 0) {
    await tx
      .update(approvalStep)
      .set({ status: "waiting", decidedAt: null, versionNumber: null })
      .where(inArray(approvalStep.id, later));
    await tx
      .update(approvalMember)
      .set({ decision: "pending", comment: null, decidedAt: null, versionNumber: null })
      .where(inArray(approvalMember.stepId, later));
  }
  await placeRoute(tx, doc, route, {
    kind: step.kind,
    userIds: step.members.map((m) => m.userId),
  });
}

/**
 * Everyone on the route is a participant: those the active step still waits for have the draft
 * in their box, the others see it without it being in a box.
 */
export async function placeRoute(
  tx: Tx,
  doc: DocumentRow,
  route: RouteStep[],
  waitingFor: { kind: ApprovalStepKind; userIds: string[] } | null,
): Promise<void> {
  const everyone = new Set(route.flatMap((s) => s.members.map((m) => m.userId)));
  const waiting = new Set(waitingFor?.userIds ?? []);
  for (const userId of everyone) {
    await upsertParticipant(tx, {
      documentId: doc.id,
      userId,
      kind: "approver",
      organisationId: doc.organisationId,
      box: waiting.has(userId) && waitingFor ? boxOfStep[waitingFor.kind] : "none",
      urgency: doc.urgency,
    });
  }
}

/** Takes the draft out of every approver's box (it left the route, or was signed). */
export async function clearApproverBoxes(tx: Tx, documentId: string): Promise<void> {
  await tx
    .update(documentParticipant)
    .set({ box: "none", updatedAt: sql`now()` })
    .where(
      and(eq(documentParticipant.documentId, documentId), eq(documentParticipant.kind, "approver")),
    );
}

/** The drafter's own row: their draft in "drafting" or "returned to me", or out of their boxes. */
export async function placeDrafter(
  tx: Tx,
  doc: DocumentRow,
  drafterId: string,
  box: "drafting" | "draft_returned" | "none",
): Promise<void> {
  await upsertParticipant(tx, {
    documentId: doc.id,
    userId: drafterId,
    kind: "drafter",
    organisationId: doc.organisationId,
    box,
    urgency: doc.urgency,
    returned: box === "draft_returned",
  });
}

/** Closes a step with how it ended. */
export async function closeStep(
  tx: Tx,
  stepId: string,
  status: "approved" | "returned" | "refused",
  at: Date = new Date(),
): Promise<void> {
  await tx.update(approvalStep).set({ status, decidedAt: at }).where(eq(approvalStep.id, stepId));
}
