import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { task } from "@/db/schema/tasks";
import { vietnamToday } from "@/lib/dates";
import {
  taskActionInput,
  type TaskActionInput,
  type TaskActionRequest,
  type TaskStatus,
} from "@/lib/schemas/tasks";
import type { Actor } from "../authz/actor";
import { applyAction, type Workflow } from "../workflow/engine";
import { notifyTask, recordTaskEvent } from "./history";
import { taskTransitions } from "./transitions";
import { loadVisibleTask, type TaskRow } from "./visibility";
import type { TaskContext, TaskOutcome } from "./workflow-support";

export type TaskActionResult = { id: string; status: TaskStatus; version: number };

/** The task workflow: its transition table, run by the shared engine on `task` rows. */
export const taskWorkflow: Workflow<
  TaskRow,
  TaskStatus,
  TaskActionInput,
  TaskContext,
  TaskOutcome,
  TaskActionResult
> = {
  name: "tasks",
  input: taskActionInput,
  transitions: taskTransitions,
  load: (tx, actor, id) => loadVisibleTask(tx, actor, id, { forUpdate: true }),
  context: (tx, actor, subject) => ({ tx, actor, task: subject, today: vietnamToday() }),
  save: async (tx, _actor, t, outcome, to) => {
    const [updated] = await tx
      .update(task)
      .set({
        ...outcome.patch,
        status: to,
        completedAt: to === "done" ? (t.completedAt ?? new Date()) : null,
        version: sql`${task.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(task.id, t.id))
      .returning({ id: task.id, status: task.status, version: task.version });
    return updated!;
  },
  record: async (tx, actor, t, outcome, to) => {
    await recordTaskEvent(tx, actor, {
      taskId: t.id,
      title: t.title,
      action: outcome.event.action,
      fromStatus: t.status,
      toStatus: to,
      note: outcome.event.note,
      data: outcome.event.data,
    });
    for (const n of outcome.notify ?? []) {
      await notifyTask(tx, actor, t, n.userIds, n.messageKey, n.params);
    }
  },
};

/** Applies one action of the task workflow (see `applyAction`). */
export function applyTaskAction(
  db: Db,
  actor: Actor,
  request: { taskId: string; version: number; input: TaskActionRequest },
): Promise<TaskActionResult> {
  return applyAction(db, actor, taskWorkflow, {
    id: request.taskId,
    version: request.version,
    input: request.input,
  });
}
