// A subtask is due no later than the task it is part of: its deadline, given, edited or
// extended, stays on or before its parent's, and a parent's deadline brought forward stays on or
// after each open subtask's. VOffice and iOffice hold subtasks to the same rule.
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { task } from "@/db/schema/tasks";
import { dayMonthYear } from "@/lib/schedule-layout";
import { openStatuses } from "./workflow-support";

/** Why a deadline does not fit, as a message key and its parameters. */
export type DeadlineProblem = { key: string; params: Record<string, string> };

/** A deadline after the parent's, the parent already read. */
export function afterParent(
  parent: { title: string; deadline: string },
  deadline: string,
): DeadlineProblem | null {
  return deadline > parent.deadline
    ? {
        key: "tasks.afterParentDeadline",
        params: { title: parent.title, deadline: dayMonthYear(parent.deadline) },
      }
    : null;
}

/**
 * A subtask's deadline after its parent's. The parent is read under a share lock, so that its
 * deadline cannot be brought forward until this change is written.
 */
export async function afterParentOf(
  tx: Tx,
  parentId: string | null,
  deadline: string,
): Promise<DeadlineProblem | null> {
  if (!parentId) return null;
  const [parent] = await tx
    .select({ title: task.title, deadline: task.deadline })
    .from(task)
    .where(eq(task.id, parentId))
    .for("share");
  return parent ? afterParent(parent, deadline) : null;
}

/** A task's deadline before the latest deadline of its open subtasks. */
export async function beforeSubtasksOf(
  tx: Tx,
  taskId: string,
  deadline: string,
): Promise<DeadlineProblem | null> {
  const [latest] = await tx
    .select({ title: task.title, deadline: task.deadline })
    .from(task)
    .where(
      and(
        eq(task.parentId, taskId),
        inArray(task.status, [...openStatuses]),
        gt(task.deadline, deadline),
      ),
    )
    .orderBy(desc(task.deadline))
    .limit(1);
  return latest
    ? {
        key: "tasks.beforeSubtaskDeadline",
        params: { title: latest.title, deadline: dayMonthYear(latest.deadline) },
      }
    : null;
}
