// The effects of each action on an outgoing document: saving a version, sending the draft along
// its route, and the decisions taken at a step. The engine (server/workflow/engine.ts) has
// already locked the document, checked its version, its state and the permission.
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { approvalMember, approvalStep, draftComment, outgoingDraft } from "@/db/schema/outgoing";
import type { Actor } from "../authz/actor";
import { AppError, fieldError } from "../errors";
import { loadMembers } from "../incoming/workflow-support";
import type { DocumentRow } from "../incoming/visibility";
import type { DocumentOutcome } from "../workflow/documents";
import type { OutgoingEngineInput as OutgoingActionInput } from "./engine-input";
import { checkDraftReferences } from "./references";
import { routeErrors } from "./route-rules";
import { currentVersion, draftColumns, saveVersion } from "./versions";
import type { SigningMaterial } from "./signing";
import {
  activateStep,
  activeStep,
  clearApproverBoxes,
  closeStep,
  loadRoute,
  placeDrafter,
  placeRoute,
  type RouteStep,
} from "./route";

export type OutgoingContext = {
  tx: Tx;
  actor: Actor;
  doc: DocumentRow;
  today: string;
  /** What the signature or the issue prepared before the lock (the unlocked key). */
  signing?: SigningMaterial;
};
export type OutgoingOutcome = DocumentOutcome;
type Payload<A extends OutgoingActionInput["action"]> = Extract<OutgoingActionInput, { action: A }>;

const refuse = (key: string, params: Record<string, string | number> = {}) =>
  new AppError("CONFLICT", key, params);

const isDrafter = (ctx: OutgoingContext) => ctx.doc.createdById === ctx.actor.userId;

/**
 * A new version of the draft. While it waits at a step, the step starts again on the new
 * version: decisions already taken there were on the old text.
 */
export async function saveDraft(
  ctx: OutgoingContext,
  p: Payload<"saveDraft">,
): Promise<OutgoingOutcome> {
  const { tx, actor, doc } = ctx;
  if (!isDrafter(ctx)) throw refuse("outgoing.onlyDrafterEdits");
  await checkDraftReferences(tx, actor, p.draft);
  const number = (await currentVersion(tx, doc.id)) + 1;
  const columns = draftColumns(p.draft);
  await tx
    .update(outgoingDraft)
    .set({ ...columns.outgoing, currentVersion: number, updatedAt: new Date() })
    .where(eq(outgoingDraft.documentId, doc.id));
  await saveVersion(tx, actor, doc.id, p.draft, number);
  const route = await loadRoute(tx, doc.id);
  const step = activeStep(route);
  const notifications: OutgoingOutcome["notifications"] = [];
  if (doc.status === "on_route" && step) {
    await activateStep(tx, doc, route, step, number);
    notifications.push({
      userIds: step.members.map((m) => m.userId),
      kind: "draftRevised",
      messageKey: "draftRevised",
    });
  }
  return {
    documentPatch: columns.document,
    event: {
      action: "draftSaved",
      data: {
        version: number,
        ...(step && doc.status === "on_route" ? { restarted: step.position } : {}),
      },
    },
    notifications,
  };
}

/** Checks a route: members of the organisation, a signature step last, signers are leaders. */
async function checkRoute(ctx: OutgoingContext, steps: Payload<"sendOnRoute">["steps"]) {
  const ids = [...new Set(steps.flatMap((s) => s.userIds))];
  const members = await loadMembers(ctx.tx, ctx.actor.organisationId, ids);
  const errors = routeErrors(steps, members);
  if (Object.keys(errors).length > 0) throw fieldError(errors);
}

/** The drafter sends the draft along its route: the first step waits for its members. */
export async function sendOnRoute(
  ctx: OutgoingContext,
  p: Payload<"sendOnRoute">,
): Promise<OutgoingOutcome> {
  const { tx, actor, doc } = ctx;
  if (!isDrafter(ctx)) throw refuse("outgoing.onlyDrafterSends");
  await checkRoute(ctx, p.steps);
  // A draft sent back to its drafter goes on a fresh route.
  await tx.delete(approvalStep).where(eq(approvalStep.documentId, doc.id));
  const route: RouteStep[] = [];
  for (const [i, s] of p.steps.entries()) {
    const [step] = await tx
      .insert(approvalStep)
      .values({
        documentId: doc.id,
        organisationId: actor.organisationId,
        position: i + 1,
        kind: s.kind,
        rule: s.rule,
      })
      .returning();
    const members = await tx
      .insert(approvalMember)
      .values(s.userIds.map((userId) => ({ stepId: step!.id, userId, documentId: doc.id })))
      .returning();
    route.push({ ...step!, members });
  }
  await activateStep(tx, doc, route, route[0]!, await currentVersion(tx, doc.id));
  await placeDrafter(tx, doc, doc.createdById, "none");
  if (p.comment) await addComment(ctx, p.comment);
  return {
    to: "on_route",
    event: {
      action: "sentOnRoute",
      note: p.comment,
      data: { steps: p.steps.map((s) => s.kind) },
    },
    notifications: [
      {
        userIds: route[0]!.members.map((m) => m.userId),
        kind: "draftWaiting",
        messageKey: "draftWaiting",
      },
    ],
  };
}

/** The actor's pending place at the active step, or a refusal that says why not. */
export function myTurn(ctx: OutgoingContext, route: RouteStep[]) {
  const step = activeStep(route);
  const mine = step?.members.find((m) => m.userId === ctx.actor.userId);
  if (!step || !mine) throw refuse("outgoing.notYourTurn");
  if (mine.decision !== "pending") throw refuse("outgoing.alreadyDecided");
  return { step, mine };
}

async function decide(
  ctx: OutgoingContext,
  step: RouteStep,
  decision: "approved" | "returned" | "refused",
  comment: string | null,
  version: number,
) {
  await ctx.tx
    .update(approvalMember)
    .set({ decision, comment, decidedAt: new Date(), versionNumber: version })
    .where(and(eq(approvalMember.stepId, step.id), eq(approvalMember.userId, ctx.actor.userId)));
  if (comment) await addComment(ctx, comment, version);
}

async function addComment(ctx: OutgoingContext, body: string, version?: number) {
  await ctx.tx.insert(draftComment).values({
    documentId: ctx.doc.id,
    organisationId: ctx.actor.organisationId,
    versionNumber: version ?? (await currentVersion(ctx.tx, ctx.doc.id)),
    authorId: ctx.actor.userId,
    authorName: ctx.actor.fullName,
    body,
  });
}

/**
 * A member approves at the active step (the review mark, the format check). The step passes
 * when its rule is met ("any": this approval; "all": every member's); the next step then waits.
 * The signature step passes by signing, not here.
 */
export async function approveStep(
  ctx: OutgoingContext,
  p: Payload<"approveStep">,
): Promise<OutgoingOutcome> {
  const { tx, doc } = ctx;
  const route = await loadRoute(tx, doc.id);
  const { step } = myTurn(ctx, route);
  if (step.kind === "sign") throw refuse("outgoing.signWithCertificate");
  const version = await currentVersion(tx, doc.id);
  await decide(ctx, step, "approved", p.comment, version);
  const others = step.members.filter((m) => m.userId !== ctx.actor.userId);
  const passed = step.rule === "any" || others.every((m) => m.decision === "approved");
  const event = {
    action: step.kind === "review" ? "reviewMarked" : "formatChecked",
    note: p.comment,
    data: { step: step.position, passed },
  };
  if (!passed) {
    await placeRoute(tx, doc, route, {
      kind: step.kind,
      userIds: others.filter((m) => m.decision === "pending").map((m) => m.userId),
    });
    return { event };
  }
  await closeStep(tx, step.id, "approved");
  const next = route.find((s) => s.position > step.position)!;
  await activateStep(tx, doc, route, next, version);
  return {
    event,
    notifications: [
      {
        userIds: next.members.map((m) => m.userId),
        kind: next.kind === "sign" ? "draftToSign" : "draftWaiting",
        messageKey: next.kind === "sign" ? "draftToSign" : "draftWaiting",
      },
    ],
  };
}

/**
 * A member sends the draft back, with a comment: to the drafter (the route stops, the drafter
 * revises and sends it again) or to an earlier step, which decides again.
 */
export async function returnDraft(
  ctx: OutgoingContext,
  p: Payload<"returnDraft">,
): Promise<OutgoingOutcome> {
  const { tx, doc } = ctx;
  const route = await loadRoute(tx, doc.id);
  const { step } = myTurn(ctx, route);
  const version = await currentVersion(tx, doc.id);
  await decide(ctx, step, "returned", p.comment, version);
  if (p.toPosition) {
    const earlier = route.find((s) => s.position === p.toPosition);
    if (!earlier || earlier.position >= step.position) {
      throw fieldError({ toPosition: "outgoing.notAnEarlierStep" });
    }
    await closeStep(tx, step.id, "returned");
    await activateStep(tx, doc, route, earlier, version);
    return {
      event: { action: "returnedToStep", note: p.comment, data: { step: earlier.position } },
      notifications: [
        {
          userIds: earlier.members.map((m) => m.userId),
          kind: "draftReturned",
          messageKey: "draftReturnedToStep",
        },
      ],
    };
  }
  await closeStep(tx, step.id, "returned");
  await clearApproverBoxes(tx, doc.id);
  await placeDrafter(tx, doc, doc.createdById, "draft_returned");
  return {
    to: "returned_to_drafter",
    event: { action: "returnedToDrafter", note: p.comment, data: { step: step.position } },
    notifications: [
      { userIds: [doc.createdById], kind: "draftReturned", messageKey: "draftReturned" },
    ],
  };
}

/** A member refuses the draft: it will not be issued; the drafter is told why. */
export async function refuseDraft(
  ctx: OutgoingContext,
  p: Payload<"refuse">,
): Promise<OutgoingOutcome> {
  const { tx, doc } = ctx;
  const route = await loadRoute(tx, doc.id);
  const { step } = myTurn(ctx, route);
  await decide(ctx, step, "refused", p.comment, await currentVersion(tx, doc.id));
  await closeStep(tx, step.id, "refused");
  await clearApproverBoxes(tx, doc.id);
  await placeDrafter(tx, doc, doc.createdById, "none");
  return {
    to: "refused",
    event: { action: "draftRefused", note: p.comment, data: { step: step.position } },
    notifications: [
      { userIds: [doc.createdById], kind: "draftRefused", messageKey: "draftRefused" },
    ],
  };
}

/** A remark on the current version by anyone on the draft; it changes nothing else. */
export async function commentOnDraft(
  ctx: OutgoingContext,
  p: Payload<"comment">,
): Promise<OutgoingOutcome> {
  const version = await currentVersion(ctx.tx, ctx.doc.id);
  await addComment(ctx, p.comment, version);
  return { event: { action: "draftCommented", note: p.comment, data: { version } } };
}
