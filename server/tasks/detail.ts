import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import { unit } from "@/db/schema/org";
import {
  task,
  taskComment,
  taskDocument,
  taskEvent,
  taskExtension,
  taskFile,
  taskParticipant,
  taskReport,
} from "@/db/schema/tasks";
import { appUser } from "@/db/schema/users";
import { vietnamToday } from "@/lib/dates";
import { formatNumberNotation } from "@/lib/documents";
import type { TaskActionName } from "@/lib/schemas/tasks";
import { can } from "@/lib/permissions";
import { assertCan, type Actor } from "../authz/actor";
import { visibleTo } from "../incoming/visibility";
import { loadVisibleTask, taskVisibleTo, type TaskRow } from "./visibility";

const nameOf = (id: unknown) =>
  sql<string>`(select ${appUser.fullName} from ${appUser} where ${appUser.id} = ${id})`;

/** The actions the actor may take on the task now: the buttons the task page offers. */
export function actionsFor(
  actor: Actor,
  t: Pick<TaskRow, "status" | "assignerId" | "leadUserId" | "leadUnitId">,
  state: { worker: boolean; pendingReport: boolean; pendingExtension: boolean },
): TaskActionName[] {
  const assigner = t.assignerId === actor.userId;
  const lead = t.leadUserId === actor.userId;
  const open = t.status === "new" || t.status === "in_progress";
  const out: TaskActionName[] = [];
  if (t.status === "new" && lead) out.push("start");
  if (
    open &&
    t.leadUnitId === actor.unitId &&
    actor.roles.includes("unit_head") &&
    can(actor.roles, "task.assign")
  )
    out.push("handOver");
  if (t.status === "in_progress" && state.worker && !state.pendingReport)
    out.push("reportProgress");
  if (t.status === "in_progress" && assigner && state.pendingReport) out.push("decideReport");
  if (open && lead && !state.pendingExtension) out.push("requestExtension");
  if (open && assigner && state.pendingExtension) out.push("decideExtension");
  if (open && assigner) out.push("edit", "complete", "cancel");
  if (!open && assigner) out.push("reopen");
  return out;
}

/** Everything the task page shows, for a task the actor may see (else NOT_FOUND). */
export async function getTask(db: DbOrTx, actor: Actor, input: { id: string }) {
  assertCan(actor, "task.work");
  const t = await loadVisibleTask(db, actor, input.id);
  const today = vietnamToday();
  const [people, documents, files, reports, extensions, comments, events, subtasks, names] =
    await Promise.all([
      db
        .select({
          userId: taskParticipant.userId,
          role: taskParticipant.role,
          fullName: appUser.fullName,
          jobTitle: appUser.jobTitle,
        })
        .from(taskParticipant)
        .innerJoin(appUser, eq(appUser.id, taskParticipant.userId))
        .where(eq(taskParticipant.taskId, t.id))
        .orderBy(taskParticipant.role, appUser.fullName),
      // A linked document the actor may not open is named by its number alone.
      db
        .select({
          id: document.id,
          codeNumber: document.codeNumber,
          codeNotation: document.codeNotation,
          subject: document.subject,
          fromDirection: taskDocument.fromDirection,
          visible: sql<boolean>`${visibleTo(actor)}`,
        })
        .from(taskDocument)
        .innerJoin(document, eq(document.id, taskDocument.documentId))
        .where(eq(taskDocument.taskId, t.id)),
      db
        .select({
          id: taskFile.id,
          fileName: taskFile.fileName,
          sha256: taskFile.sha256,
          size: fileBlob.size,
          mimeType: fileBlob.mimeType,
          uploadedById: taskFile.uploadedById,
          uploadedByName: nameOf(taskFile.uploadedById),
          createdAt: taskFile.createdAt,
        })
        .from(taskFile)
        .innerJoin(fileBlob, eq(fileBlob.sha256, taskFile.sha256))
        .where(eq(taskFile.taskId, t.id))
        .orderBy(taskFile.createdAt, taskFile.id),
      db
        .select({
          id: taskReport.id,
          percent: taskReport.percent,
          note: taskReport.note,
          status: taskReport.status,
          authorName: nameOf(taskReport.authorId),
          decisionNote: taskReport.decisionNote,
          createdAt: taskReport.createdAt,
        })
        .from(taskReport)
        .where(eq(taskReport.taskId, t.id))
        .orderBy(asc(taskReport.createdAt)),
      db
        .select({
          id: taskExtension.id,
          previousDeadline: taskExtension.previousDeadline,
          requestedDeadline: taskExtension.requestedDeadline,
          reason: taskExtension.reason,
          status: taskExtension.status,
          requestedByName: nameOf(taskExtension.requestedById),
          decisionNote: taskExtension.decisionNote,
          createdAt: taskExtension.createdAt,
        })
        .from(taskExtension)
        .where(eq(taskExtension.taskId, t.id))
        .orderBy(asc(taskExtension.createdAt)),
      db
        .select({
          id: taskComment.id,
          body: taskComment.body,
          authorName: nameOf(taskComment.authorId),
          createdAt: taskComment.createdAt,
        })
        .from(taskComment)
        .where(eq(taskComment.taskId, t.id))
        .orderBy(asc(taskComment.createdAt)),
      db
        .select({
          id: taskEvent.id,
          action: taskEvent.action,
          actorName: taskEvent.actorName,
          fromStatus: taskEvent.fromStatus,
          toStatus: taskEvent.toStatus,
          note: taskEvent.note,
          data: taskEvent.data,
          createdAt: taskEvent.createdAt,
        })
        .from(taskEvent)
        .where(eq(taskEvent.taskId, t.id))
        .orderBy(asc(taskEvent.id)),
      db
        .select({ id: task.id, title: task.title, status: task.status, deadline: task.deadline })
        .from(task)
        .where(and(eq(task.parentId, t.id), taskVisibleTo(actor)))
        .orderBy(task.deadline),
      db
        .select({
          assignerName: nameOf(t.assignerId),
          leadName: t.leadUserId ? nameOf(t.leadUserId) : sql<null>`null`,
          leadUnitName: t.leadUnitId
            ? sql<string>`(select ${unit.name} from ${unit} where ${unit.id} = ${t.leadUnitId})`
            : sql<null>`null`,
          parentTitle: t.parentId
            ? sql<string>`(select ${task.title} from ${task} where ${task.id} = ${t.parentId})`
            : sql<null>`null`,
          /** A subtask is due no later than its parent. */
          parentDeadline: t.parentId
            ? sql<string>`(select ${task.deadline}::text from ${task} where ${task.id} = ${t.parentId})`
            : sql<null>`null`,
        })
        .from(sql`(select 1) one`),
    ]);
  const pendingReport = reports.find((r) => r.status === "pending") ?? null;
  const pendingExtension = extensions.find((e) => e.status === "pending") ?? null;
  const worker = people.some((p) => p.userId === actor.userId && p.role !== "watcher");
  const open = t.status === "new" || t.status === "in_progress";
  const assigner = t.assignerId === actor.userId;
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    status: t.status,
    priority: t.priority,
    progress: t.progress,
    startDate: t.startDate,
    deadline: t.deadline,
    overdue: (t.status === "new" || t.status === "in_progress") && t.deadline < today,
    completedAt: t.completedAt,
    version: t.version,
    assignerId: t.assignerId,
    leadUserId: t.leadUserId,
    leadUnitId: t.leadUnitId,
    parentId: t.parentId,
    ...names[0]!,
    people,
    documents: documents.map((d) => ({
      id: d.id,
      label: formatNumberNotation(d.codeNumber, d.codeNotation),
      subject: d.visible ? d.subject : null,
      visible: d.visible,
      fromDirection: d.fromDirection,
    })),
    files: files.map(({ uploadedById, ...f }) => ({
      ...f,
      canRemove: open && (assigner || uploadedById === actor.userId),
    })),
    /** The assigner and the people working on it add files while it is open (server/tasks/files.ts). */
    canAddFiles: open && (assigner || worker),
    /** A subtask goes under an open task only (server/tasks/create.ts). */
    canAddSubtask: open,
    reports,
    extensions,
    comments,
    events,
    subtasks,
    pendingReport,
    pendingExtension,
    actions: actionsFor(actor, t, {
      worker,
      pendingReport: !!pendingReport,
      pendingExtension: !!pendingExtension,
    }),
  };
}

export type TaskDetail = Awaited<ReturnType<typeof getTask>>;
