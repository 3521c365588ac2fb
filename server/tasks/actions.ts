// The effects of the task workflow's actions: each checks who may take it on this very task and
// says what changes. The engine has already checked the permission, the state and the version.
import { and, eq } from "drizzle-orm";
import { taskExtension, taskParticipant, taskReport } from "@/db/schema/tasks";
import { fieldError } from "../errors";
import { loadMembers } from "../incoming/workflow-support";
import { afterParentOf } from "./deadlines";
import {
  isAssigner,
  isLead,
  lapsePending,
  refuse,
  workersOf,
  type TaskContext,
  type TaskOutcome,
  type TaskPayload,
} from "./workflow-support";

export async function startTask(ctx: TaskContext): Promise<TaskOutcome> {
  const { actor, task: t } = ctx;
  if (!t.leadUserId) throw refuse("tasks.handOverFirst");
  if (!isLead(actor, t)) throw refuse("tasks.onlyLeadStarts");
  return {
    to: "in_progress",
    event: { action: "started" },
    notify: [{ userIds: [t.assignerId], messageKey: "taskStarted" }],
  };
}

/** The head of the unit a task was given to names the person who leads it. */
export async function handOverTask(
  ctx: TaskContext,
  p: TaskPayload<"handOver">,
): Promise<TaskOutcome> {
  const { tx, actor, task: t } = ctx;
  const headOfUnit =
    !!t.leadUnitId && actor.unitId === t.leadUnitId && actor.roles.includes("unit_head");
  if (!headOfUnit) throw refuse("tasks.onlyUnitHeadHandsOver");
  const person = (await loadMembers(tx, actor.organisationId, [p.userId])).get(p.userId);
  if (!person) throw fieldError({ userId: "tasks.personNotFound" });
  if (person.unitId !== t.leadUnitId) throw fieldError({ userId: "tasks.notInUnit" });
  if (person.id === t.leadUserId) throw fieldError({ userId: "tasks.alreadyLead" });
  if (t.leadUserId) {
    await tx
      .delete(taskParticipant)
      .where(and(eq(taskParticipant.taskId, t.id), eq(taskParticipant.userId, t.leadUserId)));
  }
  await tx
    .insert(taskParticipant)
    .values({ taskId: t.id, userId: person.id, organisationId: t.organisationId, role: "lead" })
    .onConflictDoUpdate({
      target: [taskParticipant.taskId, taskParticipant.userId],
      set: { role: "lead" },
    });
  return {
    patch: { leadUserId: person.id },
    event: { action: "handedOver", note: p.note ?? null, data: { lead: person.fullName } },
    notify: [{ userIds: [person.id], messageKey: "taskAssigned" }],
  };
}

/**
 * The lead or a co-assignee reports progress. The assigner decides on it; a report on a task
 * one gave oneself needs nobody else's word and counts at once.
 */
export async function reportProgress(
  ctx: TaskContext,
  p: TaskPayload<"reportProgress">,
): Promise<TaskOutcome> {
  const { tx, actor, task: t } = ctx;
  const workers = await workersOf(tx, t.id);
  if (!workers.includes(actor.userId)) throw refuse("tasks.notOnTask");
  const own = isAssigner(actor, t);
  const [pending] = await tx
    .select({ id: taskReport.id })
    .from(taskReport)
    .where(and(eq(taskReport.taskId, t.id), eq(taskReport.status, "pending")));
  if (pending) throw refuse("tasks.reportPending");
  await tx.insert(taskReport).values({
    taskId: t.id,
    organisationId: t.organisationId,
    authorId: actor.userId,
    percent: p.percent,
    note: p.note,
    status: own ? "approved" : "pending",
    decidedById: own ? actor.userId : null,
    decidedAt: own ? new Date() : null,
  });
  if (own) {
    const done = p.percent === 100;
    if (done) await lapsePending(tx, t.id);
    return {
      to: done ? "done" : "in_progress",
      patch: { progress: p.percent },
      event: { action: "progressReported", note: p.note, data: { percent: p.percent } },
      notify: done ? [{ userIds: workers, messageKey: "taskCompleted" }] : [],
    };
  }
  return {
    event: { action: "progressReported", note: p.note, data: { percent: p.percent } },
    notify: [
      {
        userIds: [t.assignerId],
        messageKey: "taskReported",
        params: { percent: String(p.percent) },
      },
    ],
  };
}

/** The assigner approves a report (its percent becomes the task's; 100 % completes it) or sends it back. */
export async function decideReport(
  ctx: TaskContext,
  p: TaskPayload<"decideReport">,
): Promise<TaskOutcome> {
  const { tx, actor, task: t } = ctx;
  if (!isAssigner(actor, t)) throw refuse("tasks.onlyAssignerDecides");
  const [report] = await tx
    .select()
    .from(taskReport)
    .where(
      and(
        eq(taskReport.id, p.reportId),
        eq(taskReport.taskId, t.id),
        eq(taskReport.status, "pending"),
      ),
    )
    .for("update");
  if (!report) throw fieldError({ reportId: "tasks.reportNotPending" });
  await tx
    .update(taskReport)
    .set({
      status: p.approve ? "approved" : "returned",
      decidedById: actor.userId,
      decidedAt: new Date(),
      decisionNote: p.note ?? null,
    })
    .where(eq(taskReport.id, report.id));
  if (!p.approve) {
    return {
      event: { action: "reportReturned", note: p.note, data: { percent: report.percent } },
      notify: [{ userIds: [report.authorId], messageKey: "taskReportReturned" }],
    };
  }
  const done = report.percent === 100;
  if (done) await lapsePending(tx, t.id);
  const workers = await workersOf(tx, t.id, done);
  return {
    to: done ? "done" : "in_progress",
    patch: { progress: report.percent },
    event: { action: "reportApproved", note: p.note ?? null, data: { percent: report.percent } },
    notify: [
      {
        userIds: done ? workers : [report.authorId],
        messageKey: done ? "taskCompleted" : "taskReportApproved",
        params: { percent: String(report.percent) },
      },
    ],
  };
}

/** The lead asks the assigner for a later deadline. */
export async function requestExtension(
  ctx: TaskContext,
  p: TaskPayload<"requestExtension">,
): Promise<TaskOutcome> {
  const { tx, actor, task: t } = ctx;
  if (!isLead(actor, t)) throw refuse("tasks.onlyLeadExtends");
  if (p.deadline <= t.deadline)
    throw fieldError({
      deadline: { key: "tasks.extensionNotLater", params: { deadline: t.deadline } },
    });
  // A subtask's lead asks the parent's assigner first: the parent's deadline bounds this one.
  const late = await afterParentOf(tx, t.parentId, p.deadline);
  if (late) throw fieldError({ deadline: late });
  const own = isAssigner(actor, t);
  const [pending] = await tx
    .select({ id: taskExtension.id })
    .from(taskExtension)
    .where(and(eq(taskExtension.taskId, t.id), eq(taskExtension.status, "pending")));
  if (pending) throw refuse("tasks.extensionPending");
  await tx.insert(taskExtension).values({
    taskId: t.id,
    organisationId: t.organisationId,
    requestedById: actor.userId,
    previousDeadline: t.deadline,
    requestedDeadline: p.deadline,
    reason: p.reason,
    status: own ? "approved" : "pending",
    decidedById: own ? actor.userId : null,
    decidedAt: own ? new Date() : null,
  });
  const data = { from: t.deadline, to: p.deadline };
  if (own)
    return { patch: { deadline: p.deadline }, event: { action: "extended", note: p.reason, data } };
  return {
    event: { action: "extensionRequested", note: p.reason, data },
    notify: [{ userIds: [t.assignerId], messageKey: "taskExtensionRequested" }],
  };
}

export async function decideExtension(
  ctx: TaskContext,
  p: TaskPayload<"decideExtension">,
): Promise<TaskOutcome> {
  const { tx, actor, task: t } = ctx;
  if (!isAssigner(actor, t)) throw refuse("tasks.onlyAssignerDecides");
  const [request] = await tx
    .select()
    .from(taskExtension)
    .where(
      and(
        eq(taskExtension.id, p.extensionId),
        eq(taskExtension.taskId, t.id),
        eq(taskExtension.status, "pending"),
      ),
    )
    .for("update");
  if (!request) throw fieldError({ extensionId: "tasks.extensionNotPending" });
  // The parent's deadline may have been brought forward since the request.
  const late = p.approve ? await afterParentOf(tx, t.parentId, request.requestedDeadline) : null;
  if (late) throw refuse(late.key, late.params);
  await tx
    .update(taskExtension)
    .set({
      status: p.approve ? "approved" : "returned",
      decidedById: actor.userId,
      decidedAt: new Date(),
      decisionNote: p.note ?? null,
    })
    .where(eq(taskExtension.id, request.id));
  const data = { from: t.deadline, to: request.requestedDeadline };
  return {
    patch: p.approve ? { deadline: request.requestedDeadline } : undefined,
    event: {
      action: p.approve ? "extensionApproved" : "extensionRefused",
      note: p.note ?? null,
      data,
    },
    notify: [
      {
        userIds: [request.requestedById],
        messageKey: p.approve ? "taskExtensionApproved" : "taskExtensionRefused",
        params: { deadline: request.requestedDeadline },
      },
    ],
  };
}

/**
 * The assigner declares the task done. The people working on it finish it by a 100 % report the
 * assigner approves, so that the one who gave the task is the one who says it is done.
 */
export async function completeTask(
  ctx: TaskContext,
  p: TaskPayload<"complete">,
): Promise<TaskOutcome> {
  const { tx, actor, task: t } = ctx;
  if (!isAssigner(actor, t)) throw refuse("tasks.onlyAssignerCompletes");
  await lapsePending(tx, t.id);
  return {
    to: "done",
    patch: { progress: 100 },
    event: { action: "completed", note: p.note ?? null },
    notify: [{ userIds: await workersOf(tx, t.id, true), messageKey: "taskCompleted" }],
  };
}

export async function cancelTask(ctx: TaskContext, p: TaskPayload<"cancel">): Promise<TaskOutcome> {
  const { tx, actor, task: t } = ctx;
  if (!isAssigner(actor, t)) throw refuse("tasks.onlyAssignerCancels");
  await lapsePending(tx, t.id);
  return {
    to: "cancelled",
    event: { action: "cancelled", note: p.reason },
    notify: [{ userIds: await workersOf(tx, t.id, true), messageKey: "taskCancelled" }],
  };
}

export async function reopenTask(ctx: TaskContext, p: TaskPayload<"reopen">): Promise<TaskOutcome> {
  const { tx, actor, task: t } = ctx;
  if (!isAssigner(actor, t)) throw refuse("tasks.onlyAssignerReopens");
  return {
    to: "in_progress",
    event: { action: "reopened", note: p.reason },
    notify: [{ userIds: await workersOf(tx, t.id), messageKey: "taskReopened" }],
  };
}
