import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { task } from "@/db/schema/tasks";
import { taskExtension, taskParticipant, taskReport } from "@/db/schema/tasks";
import type { TaskActionInput, TaskStatus } from "@/lib/schemas/tasks";
import type { Actor } from "../authz/actor";
import { AppError } from "../errors";
import type { BaseOutcome } from "../workflow/engine";
import type { TaskRow } from "./visibility";

export type TaskContext = {
  tx: Tx;
  actor: Actor;
  task: TaskRow;
  /** Today in Vietnam, `yyyy-MM-dd`. */
  today: string;
};

/** What an action on a task changes, beside its state, and whom it tells. */
export type TaskOutcome = BaseOutcome<TaskStatus> & {
  patch?: Partial<typeof task.$inferInsert>;
  event: { action: string; note?: string | null; data?: Record<string, unknown> };
  notify?: { userIds: (string | null)[]; messageKey: string; params?: Record<string, string> }[];
};

export type TaskPayload<A extends TaskActionInput["action"]> = Extract<
  TaskActionInput,
  { action: A }
>;

export const refuse = (key: string, params: Record<string, string | number> = {}) =>
  new AppError("CONFLICT", key, params);

export const isAssigner = (actor: Actor, t: TaskRow) => t.assignerId === actor.userId;
export const isLead = (actor: Actor, t: TaskRow) => t.leadUserId === actor.userId;

export async function participantsOf(tx: Tx, taskId: string) {
  return tx
    .select({ userId: taskParticipant.userId, role: taskParticipant.role })
    .from(taskParticipant)
    .where(eq(taskParticipant.taskId, taskId));
}

/** The people working on the task (lead and co-assignees), optionally with its watchers. */
export async function workersOf(tx: Tx, taskId: string, withWatchers = false) {
  const rows = await participantsOf(tx, taskId);
  return rows.filter((r) => withWatchers || r.role !== "watcher").map((r) => r.userId);
}

/** A finished or cancelled task has nothing left to decide: its waiting requests lapse. */
export async function lapsePending(tx: Tx, taskId: string) {
  await tx
    .update(taskReport)
    .set({ status: "lapsed" })
    .where(and(eq(taskReport.taskId, taskId), eq(taskReport.status, "pending")));
  await tx
    .update(taskExtension)
    .set({ status: "lapsed" })
    .where(and(eq(taskExtension.taskId, taskId), eq(taskExtension.status, "pending")));
}

export const openStatuses: readonly TaskStatus[] = ["new", "in_progress"];
export const isOpenStatus = (s: TaskStatus) => openStatuses.includes(s);
