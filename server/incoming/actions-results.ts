// Results go up to whoever assigned the part: a handler submits a result (a note and files), the
// one who assigned it (the unit head for a specialist, the leader for a unit or person) accepts it
// or sends it back. The document is completed when the lead part is accepted.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { assignment } from "@/db/schema/handling";
import { documentParticipant } from "@/db/schema/participants";
import type { IncomingActionInput } from "@/lib/schemas/incoming-actions";
import { attachFiles } from "../files/attach";
import { standsInFor } from "./delegation";
import { nameReply } from "./reply-link";
import { moveParticipants, upsertParticipant } from "./participants";
import {
  clerksOf,
  directorsOf,
  findAssignment,
  handles,
  isOpen,
  isUnitHeadOf,
  loadAssignments,
  refuse,
  type ActionContext,
  type AssignmentRow,
} from "./workflow-support";
import type { ActionOutcome } from "./transitions";

type Payload<A extends IncomingActionInput["action"]> = Extract<IncomingActionInput, { action: A }>;
type Notification = NonNullable<ActionOutcome["notifications"]>[number];

const parentOf = (parts: AssignmentRow[], part: AssignmentRow) =>
  part.parentId ? parts.find((a) => a.id === part.parentId) : undefined;

/** The people who see a part in their boxes: its assignee, or the heads of its unit. */
async function holdersOf(tx: Tx, documentId: string, assignmentIds: string[]) {
  if (assignmentIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ userId: documentParticipant.userId })
    .from(documentParticipant)
    .where(
      and(
        eq(documentParticipant.documentId, documentId),
        inArray(documentParticipant.assignmentId, assignmentIds),
      ),
    );
  return rows.map((r) => r.userId);
}

/**
 * Who may accept or send back a part's result: the one who assigned it, a leader standing in for
 * them, and, should they have left, for a specialist's part the head of the unit and for a unit's
 * or person's part a leader who directs the document.
 */
async function reviewAuthority(
  ctx: ActionContext,
  parts: AssignmentRow[],
  part: AssignmentRow,
): Promise<{ onBehalfOf: string | null } | null> {
  const { tx, actor, doc } = ctx;
  if (part.assignedById === actor.userId) return { onBehalfOf: null };
  const stand = await standsInFor(tx, actor, [part.assignedById]);
  if (stand) return { onBehalfOf: stand.fullName };
  const parent = parentOf(parts, part);
  if (parent) return isUnitHeadOf(actor, parent.unitId) ? { onBehalfOf: null } : null;
  const directors = await directorsOf(tx, doc);
  return directors.includes(actor.userId) ? { onBehalfOf: null } : null;
}

/** Puts a submitted part in its reviewer's box to review. */
async function awaitReview(ctx: ActionContext, part: AssignmentRow) {
  await upsertParticipant(ctx.tx, {
    documentId: ctx.doc.id,
    userId: part.assignedById,
    kind: "reviewer",
    organisationId: ctx.doc.organisationId,
    box: "to_review",
    urgency: ctx.doc.urgency,
    deadline: part.deadline,
  });
}

/** The reviewer's box follows what still waits for them on this document. */
async function settleReviewer(tx: Tx, documentId: string) {
  await tx.execute(sql`update document_participant p
    set box = case when exists (
        select 1 from assignment a
        where a.document_id = p.document_id and a.assigned_by_id = p.user_id and a.status = 'submitted'
      ) then 'to_review'::inbox_box else 'handled'::inbox_box end,
      updated_at = now()
    where p.document_id = ${documentId} and p.kind = 'reviewer'`);
}

export async function submitResult(
  ctx: ActionContext,
  p: Payload<"submitResult">,
): Promise<ActionOutcome> {
  const { tx, actor, doc } = ctx;
  const parts = await loadAssignments(tx, doc.id);
  const part = findAssignment(parts, p.assignmentId);
  if (!handles(actor, part)) throw refuse("incoming.notYourPart");
  if (!isOpen(part) || part.role === "info") throw refuse("incoming.partNotOpen");
  if (p.files.length > 0) {
    await attachFiles(tx, actor, {
      documentId: doc.id,
      files: p.files.map((f) => ({ ...f, kind: "result" as const })),
    });
  }
  const files = p.files.map((f) => f.fileName);
  const reply = p.replyDocumentId ? await nameReply(ctx, p.replyDocumentId) : null;
  // A part its own assigner handles (a unit head who kept the work) needs nobody's review.
  if (part.assignedById === actor.userId) {
    const outcome = await accept(
      ctx,
      parts,
      { ...part, result: p.result },
      { onBehalfOf: null },
      files,
    );
    if (reply && outcome.event) outcome.event.data = { ...outcome.event.data, reply };
    return outcome;
  }
  const now = new Date();
  // Specialists the unit head had passed the part to stop with it: the unit answers now.
  const children = parts.filter((a) => a.parentId === part.id && isOpen(a)).map((a) => a.id);
  await tx
    .update(assignment)
    .set({ status: "submitted", result: p.result, submittedAt: now, updatedAt: now })
    .where(eq(assignment.id, part.id));
  if (children.length > 0) {
    await tx
      .update(assignment)
      .set({ status: "closed", updatedAt: now })
      .where(inArray(assignment.id, children));
  }
  await moveParticipants(
    tx,
    doc.id,
    { assignmentIds: [part.id, ...children] },
    { box: "handled", returned: false },
  );
  await awaitReview(ctx, part);
  return {
    event: {
      action: "resultSubmitted",
      note: p.result,
      data: {
        role: part.role,
        files,
        late: Boolean(part.deadline && ctx.today > part.deadline),
        ...(reply ? { reply } : {}),
      },
    },
    notifications: [
      { userIds: [part.assignedById], kind: "toReview", messageKey: "resultSubmitted" },
    ],
  };
}

export async function reviewResult(
  ctx: ActionContext,
  p: Payload<"reviewResult">,
): Promise<ActionOutcome> {
  const { tx, doc } = ctx;
  const parts = await loadAssignments(tx, doc.id);
  const part = findAssignment(parts, p.assignmentId);
  if (part.status !== "submitted") throw refuse("incoming.nothingToReview");
  const authority = await reviewAuthority(ctx, parts, part);
  if (!authority) throw refuse("incoming.notYourReview");
  if (p.accept) return accept(ctx, parts, part, authority, [], p.note ?? null);

  const now = new Date();
  await tx
    .update(assignment)
    .set({ status: "in_progress", submittedAt: null, updatedAt: now })
    .where(eq(assignment.id, part.id));
  await moveParticipants(
    tx,
    doc.id,
    { assignmentIds: [part.id] },
    { box: "to_handle", returned: true },
  );
  await settleReviewer(tx, doc.id);
  return {
    event: {
      action: "resultSentBack",
      note: p.note ?? null,
      data: { role: part.role, onBehalfOf: authority.onBehalfOf },
    },
    notifications: [
      {
        userIds: await holdersOf(tx, doc.id, [part.id]),
        kind: "returned",
        messageKey: "resultSentBack",
      },
    ],
  };
}

/**
 * Accepts a part's result. A specialist's accepted result becomes the unit's, submitted to the
 * leader who gave the unit the part once no colleague is still on it; the lead's accepted result
 * completes the document, and closes the parts still open as unfinished.
 */
async function accept(
  ctx: ActionContext,
  parts: AssignmentRow[],
  part: AssignmentRow,
  authority: { onBehalfOf: string | null },
  files: string[],
  note: string | null = null,
): Promise<ActionOutcome> {
  const { tx, doc } = ctx;
  const now = new Date();
  await tx
    .update(assignment)
    .set({ status: "completed", result: part.result, completedAt: now, updatedAt: now })
    .where(eq(assignment.id, part.id));
  await moveParticipants(
    tx,
    doc.id,
    { assignmentIds: [part.id] },
    { box: "handled", returned: false },
  );
  const notifications: Notification[] = [];
  const handlers = await holdersOf(tx, doc.id, [part.id]);
  if (part.assignedById !== ctx.actor.userId || authority.onBehalfOf) {
    notifications.push({ userIds: handlers, kind: "completed", messageKey: "resultAccepted" });
  }
  const late = Boolean(part.deadline && ctx.today > part.deadline);
  const parent = parentOf(parts, part);

  if (parent && isOpen(parent)) {
    const colleagues = parts.filter(
      (a) =>
        a.parentId === parent.id && a.id !== part.id && (isOpen(a) || a.status === "submitted"),
    );
    if (colleagues.length === 0) {
      // The unit head's acceptance is the unit's answer, which goes on to the leader.
      await tx
        .update(assignment)
        .set({ status: "submitted", result: part.result, submittedAt: now, updatedAt: now })
        .where(eq(assignment.id, parent.id));
      await moveParticipants(
        tx,
        doc.id,
        { assignmentIds: [parent.id] },
        { box: "handled", returned: false },
      );
      await awaitReview(ctx, parent);
      notifications.push({
        userIds: [parent.assignedById],
        kind: "toReview",
        messageKey: "resultSubmitted",
      });
    }
    await settleReviewer(tx, doc.id);
    return {
      event: {
        action: "resultAccepted",
        note,
        data: {
          role: part.role,
          files,
          late,
          onBehalfOf: authority.onBehalfOf,
          forwarded: colleagues.length === 0,
        },
      },
      notifications,
    };
  }

  if (part.role !== "lead" || parent) {
    await settleReviewer(tx, doc.id);
    return {
      event: {
        action: "resultAccepted",
        note,
        data: { role: part.role, files, late, onBehalfOf: authority.onBehalfOf },
      },
      notifications,
    };
  }

  // The lead's result is the document's: every part still open closes unfinished; a co-handler's
  // result that waited for review stands, accepted with the whole.
  const waiting = parts
    .filter((a) => a.status === "submitted" && a.id !== part.id)
    .map((a) => a.id);
  const unfinished = parts
    .filter((a) => isOpen(a) && a.role !== "info" && a.id !== part.id)
    .map((a) => a.id);
  if (waiting.length > 0) {
    await tx
      .update(assignment)
      .set({ status: "completed", completedAt: now, updatedAt: now })
      .where(inArray(assignment.id, waiting));
  }
  if (unfinished.length > 0) {
    await tx
      .update(assignment)
      .set({ status: "closed", updatedAt: now })
      .where(inArray(assignment.id, unfinished));
  }
  const closedFor = await holdersOf(tx, doc.id, unfinished);
  await tx
    .update(documentParticipant)
    .set({ box: "handled", updatedAt: now })
    .where(
      and(
        eq(documentParticipant.documentId, doc.id),
        or(
          eq(documentParticipant.box, "to_handle"),
          eq(documentParticipant.box, "to_direct"),
          eq(documentParticipant.box, "to_review"),
        ),
      ),
    );
  notifications.push({
    userIds: [...(await directorsOf(tx, doc)), ...(await clerksOf(tx, doc.organisationId))].filter(
      (id) => !handlers.includes(id),
    ),
    kind: "completed",
    messageKey: "completed",
  });
  if (closedFor.length > 0) {
    notifications.push({ userIds: closedFor, kind: "completed", messageKey: "partClosed" });
  }
  return {
    to: "completed",
    documentPatch: { result: part.result, completedAt: now },
    event: {
      action: "completed",
      note: part.result,
      data: {
        role: part.role,
        files,
        late,
        deadline: part.deadline,
        issuerDeadline: doc.issuerDeadline,
        lateForIssuer: Boolean(doc.issuerDeadline && ctx.today > doc.issuerDeadline),
        closedUnfinished: unfinished.length,
        onBehalfOf: authority.onBehalfOf,
        reviewNote: note,
      },
    },
    notifications,
  };
}
