// Handling a document: progress notes, deadline extensions, completion, returning a part, and
// marking a for-information copy read.
import { and, eq, inArray } from "drizzle-orm";
import { assignment, extensionRequest } from "@/db/schema/handling";
import { documentParticipant } from "@/db/schema/participants";
import type { IncomingActionInput } from "@/lib/schemas/incoming-actions";
import { attachFiles } from "../files/attach";
import { fieldError } from "../errors";
import { moveParticipants } from "./participants";
import {
  assertDeadline,
  clerksOf,
  directorsOf,
  findAssignment,
  handles,
  isOpen,
  loadAssignments,
  refuse,
  type ActionContext,
  type AssignmentRow,
} from "./workflow-support";
import type { ActionOutcome } from "./transitions";

type Payload<A extends IncomingActionInput["action"]> = Extract<IncomingActionInput, { action: A }>;

/** The open lead or co-handling part the actor answers for. */
function ownOpenPart(ctx: ActionContext, parts: AssignmentRow[], id: string): AssignmentRow {
  const part = findAssignment(parts, id);
  if (!handles(ctx.actor, part)) throw refuse("incoming.notYourPart");
  if (!isOpen(part) || part.role === "info") throw refuse("incoming.partNotOpen");
  return part;
}

const parentOf = (parts: AssignmentRow[], part: AssignmentRow) =>
  part.parentId ? parts.find((a) => a.id === part.parentId) : undefined;

export async function addNote(ctx: ActionContext, p: Payload<"addNote">): Promise<ActionOutcome> {
  const { tx, actor, doc } = ctx;
  const parts = await loadAssignments(tx, doc.id);
  const mine = parts.filter((a) => handles(actor, a) && isOpen(a) && a.role !== "info");
  const directs = actor.roles.includes("leader");
  if (mine.length === 0 && !directs) throw refuse("incoming.notYourPart");
  if (p.files.length > 0) {
    await attachFiles(tx, actor, {
      documentId: doc.id,
      files: p.files.map((f) => ({ ...f, kind: "progress" as const })),
    });
  }
  const pending = mine.filter((a) => a.status === "pending").map((a) => a.id);
  if (pending.length > 0) {
    await tx
      .update(assignment)
      .set({ status: "in_progress", updatedAt: new Date() })
      .where(inArray(assignment.id, pending));
  }
  return {
    event: { action: "noted", note: p.note, data: { files: p.files.map((f) => f.fileName) } },
  };
}

export async function requestExtension(
  ctx: ActionContext,
  p: Payload<"requestExtension">,
): Promise<ActionOutcome> {
  const { tx, actor, doc, today } = ctx;
  const parts = await loadAssignments(tx, doc.id);
  const part = ownOpenPart(ctx, parts, p.assignmentId);
  // A specialist's part is extended with the unit's part, by the leader who set it.
  const target = parentOf(parts, part) ?? part;
  assertDeadline(p.requestedDeadline, today, "requestedDeadline");
  if (target.deadline && p.requestedDeadline <= target.deadline) {
    throw fieldError({
      requestedDeadline: {
        key: "incoming.extensionNotLater",
        params: { deadline: target.deadline },
      },
    });
  }
  const [open] = await tx
    .select({ id: extensionRequest.id })
    .from(extensionRequest)
    .where(
      and(eq(extensionRequest.assignmentId, target.id), eq(extensionRequest.status, "pending")),
    );
  if (open) throw refuse("incoming.extensionPending");
  await tx.insert(extensionRequest).values({
    documentId: doc.id,
    organisationId: actor.organisationId,
    assignmentId: target.id,
    requestedById: actor.userId,
    currentDeadline: target.deadline,
    requestedDeadline: p.requestedDeadline,
    reason: p.reason,
  });
  return {
    event: {
      action: "extensionRequested",
      note: p.reason,
      data: { from: target.deadline, to: p.requestedDeadline },
    },
    notifications: [
      {
        userIds: await directorsOf(tx, doc),
        kind: "extensionRequested",
        messageKey: "extensionRequested",
        params: { deadline: p.requestedDeadline },
      },
    ],
  };
}

export async function decideExtension(
  ctx: ActionContext,
  p: Payload<"decideExtension">,
): Promise<ActionOutcome> {
  const { tx, actor, doc, today } = ctx;
  const [request] = await tx
    .select()
    .from(extensionRequest)
    .where(and(eq(extensionRequest.id, p.requestId), eq(extensionRequest.documentId, doc.id)))
    .for("update");
  if (!request) throw fieldError({ requestId: "incoming.extensionNotFound" });
  if (request.status !== "pending") throw refuse("incoming.extensionDecided");
  const granted = p.approve ? (p.deadline ?? request.requestedDeadline) : null;
  if (granted) assertDeadline(granted, today, "deadline");
  await tx
    .update(extensionRequest)
    .set({
      status: p.approve ? "approved" : "refused",
      decidedById: actor.userId,
      decidedAt: new Date(),
      decisionNote: p.note ?? null,
    })
    .where(eq(extensionRequest.id, request.id));
  let documentPatch: ActionOutcome["documentPatch"];
  if (granted) {
    const parts = await loadAssignments(tx, doc.id);
    const part = parts.find((a) => a.id === request.assignmentId)!;
    // The unit's specialists keep pace with the unit's new deadline.
    const moved = [
      part,
      ...parts.filter((a) => a.parentId === part.id && isOpen(a) && a.deadline === part.deadline),
    ];
    const ids = moved.map((a) => a.id);
    await tx
      .update(assignment)
      .set({ deadline: granted, updatedAt: new Date() })
      .where(inArray(assignment.id, ids));
    await moveParticipants(tx, doc.id, { assignmentIds: ids }, { deadline: granted });
    if (part.role === "lead" && !part.parentId) documentPatch = { deadline: granted };
  }
  return {
    documentPatch,
    event: {
      action: p.approve ? "extensionApproved" : "extensionRefused",
      note: p.note ?? null,
      data: { from: request.currentDeadline, requested: request.requestedDeadline, granted },
    },
    notifications: [
      {
        userIds: [request.requestedById],
        kind: "extensionDecided",
        messageKey: p.approve ? "extensionApproved" : "extensionRefused",
        params: { deadline: granted ?? request.requestedDeadline },
      },
    ],
  };
}

export async function returnToLeader(
  ctx: ActionContext,
  p: Payload<"returnToLeader">,
): Promise<ActionOutcome> {
  const { tx, doc } = ctx;
  const parts = await loadAssignments(tx, doc.id);
  const part = ownOpenPart(ctx, parts, p.assignmentId);
  const parent = parentOf(parts, part);
  const now = new Date();
  await tx
    .update(assignment)
    .set({ status: "returned", result: p.reason, updatedAt: now })
    .where(eq(assignment.id, part.id));
  await moveParticipants(tx, doc.id, { assignmentIds: [part.id] }, { box: "handled" });

  if (parent) {
    // A specialist hands the part back to the unit head, who sees it under "returned".
    await moveParticipants(
      tx,
      doc.id,
      { assignmentIds: [parent.id] },
      { box: "to_handle", returned: true },
    );
    const heads = await tx
      .select({ userId: documentParticipant.userId })
      .from(documentParticipant)
      .where(
        and(
          eq(documentParticipant.documentId, doc.id),
          eq(documentParticipant.assignmentId, parent.id),
        ),
      );
    return {
      event: { action: "partReturned", note: p.reason, data: { to: "unit_head" } },
      notifications: [
        { userIds: heads.map((h) => h.userId), kind: "returned", messageKey: "partReturned" },
      ],
    };
  }
  if (part.role === "co") {
    return {
      event: { action: "partReturned", note: p.reason, data: { to: "leader", role: "co" } },
      notifications: [
        { userIds: await directorsOf(tx, doc), kind: "returned", messageKey: "partReturned" },
      ],
    };
  }
  // The lead gives the whole document back: every open part stops, the clerk and leader take it over.
  const open = parts.filter((a) => isOpen(a) && a.id !== part.id).map((a) => a.id);
  if (open.length > 0) {
    await tx
      .update(assignment)
      .set({ status: "withdrawn", updatedAt: now })
      .where(inArray(assignment.id, open));
    await moveParticipants(tx, doc.id, { assignmentIds: open }, { box: "none" });
  }
  return {
    to: "returned",
    event: { action: "returned", note: p.reason },
    notifications: [
      {
        userIds: [...(await directorsOf(tx, doc)), ...(await clerksOf(tx, doc.organisationId))],
        kind: "returned",
        messageKey: "returned",
      },
    ],
  };
}

export async function markRead(ctx: ActionContext): Promise<ActionOutcome> {
  const { tx, actor, doc } = ctx;
  const rows = await tx
    .select({ assignmentId: documentParticipant.assignmentId })
    .from(documentParticipant)
    .where(
      and(
        eq(documentParticipant.documentId, doc.id),
        eq(documentParticipant.userId, actor.userId),
        eq(documentParticipant.box, "info_unread"),
      ),
    );
  if (rows.length === 0) throw refuse("incoming.nothingToRead");
  const ids = rows.flatMap((r) => (r.assignmentId ? [r.assignmentId] : []));
  await tx
    .update(documentParticipant)
    .set({ box: "info_read", updatedAt: new Date() })
    .where(
      and(
        eq(documentParticipant.documentId, doc.id),
        eq(documentParticipant.userId, actor.userId),
        eq(documentParticipant.box, "info_unread"),
      ),
    );
  if (ids.length > 0) {
    await tx
      .update(assignment)
      .set({ status: "read", completedAt: new Date(), updatedAt: new Date() })
      .where(and(inArray(assignment.id, ids), eq(assignment.role, "info")));
  }
  return { event: { action: "read" } };
}
