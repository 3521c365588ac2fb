import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { task, taskParticipant } from "@/db/schema/tasks";
import type { Actor } from "../authz/actor";
import { notFound } from "../errors";

export type TaskRow = typeof task.$inferSelect;

export const isLeader = (actor: Actor) => actor.roles.includes("leader");
export const isUnitHead = (actor: Actor) => actor.roles.includes("unit_head") && !!actor.unitId;

/** The actor is on the task: lead, co-assignee or watcher (a condition on `task`). */
export const onTask = (actor: Actor): SQL =>
  sql`exists (select 1 from ${taskParticipant} where ${taskParticipant.taskId} = ${task.id} and ${taskParticipant.userId} = ${actor.userId})`;

/**
 * Who sees a task, as a SQL condition on `task`: it belongs to the actor's organisation, and the
 * actor gave it, is on it, leads the organisation, or heads the unit that answers for it.
 */
export function taskVisibleTo(actor: Actor): SQL {
  const org = eq(task.organisationId, actor.organisationId);
  if (isLeader(actor)) return org;
  return and(
    org,
    or(
      eq(task.assignerId, actor.userId),
      onTask(actor),
      isUnitHead(actor) ? eq(task.unitId, actor.unitId!) : undefined,
    ),
  )!;
}

/**
 * Loads a task the actor may see, optionally locked for an update. Another organisation's task,
 * one the actor may not see and a missing id all answer NOT_FOUND alike.
 */
export async function loadVisibleTask(
  db: DbOrTx,
  actor: Actor,
  taskId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TaskRow> {
  const query = db
    .select()
    .from(task)
    .where(and(eq(task.id, taskId), taskVisibleTo(actor)));
  const [row] = options.forUpdate ? await query.for("update", { of: task }) : await query;
  if (!row) throw notFound("task");
  return row;
}
