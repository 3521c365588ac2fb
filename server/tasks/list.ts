import "server-only";
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { task, taskExtension, taskParticipant, taskReport } from "@/db/schema/tasks";
import { appUser } from "@/db/schema/users";
import { isCalendarDay, vietnamToday } from "@/lib/dates";
import { isUuid } from "@/lib/schemas/fields";
import {
  listTasksInput,
  taskPriorities,
  type ListTasksInput,
  type TaskPriority,
  type TaskStatus,
} from "@/lib/schemas/tasks";
import { assertCan, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { decodeCursor, encodeCursor } from "../inbox/cursors";
import { zodFieldErrors } from "../zod-errors";
import { isLeader, isUnitHead } from "./visibility";

export type TaskListItem = {
  id: string;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  progress: number;
  startDate: string;
  deadline: string;
  overdue: boolean;
  leadName: string;
  assignerName: string;
  version: number;
  waiting: boolean;
};

export type TaskPage = { items: TaskListItem[]; nextCursor: string | null };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** Open and past its deadline (a condition on `task`); `today` is Vietnam's. */
export const overdueSql = (today: string): SQL =>
  sql`(${task.status} in ('new', 'in_progress') and ${task.deadline} < ${today})`;

/** The tasks of one view, within what the actor may see (a condition on `task`). */
function viewCondition(actor: Actor, view: ListTasksInput["view"]): SQL {
  switch (view) {
    case "mine":
      // Served by task_participant_user_idx.
      return sql`${task.id} in (select ${taskParticipant.taskId} from ${taskParticipant}
        where ${taskParticipant.userId} = ${actor.userId} and ${taskParticipant.role} in ('lead', 'co'))`;
    case "assigned":
      return eq(task.assignerId, actor.userId);
    case "unit":
      if (isLeader(actor)) return eq(task.organisationId, actor.organisationId);
      if (isUnitHead(actor)) return eq(task.unitId, actor.unitId!);
      throw new AppError("FORBIDDEN", "errors.forbidden", { action: "task.unit" });
  }
}

type Key = [string, string] | [string, string, string];

/**
 * One page of a view (my tasks, tasks I gave, my unit's), filtered and sorted, paged by key.
 * Search ignores diacritics and case.
 */
export async function listTasks(db: DbOrTx, actor: Actor, raw: ListTasksInput): Promise<TaskPage> {
  assertCan(actor, "task.work");
  const parsed = listTasksInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError("VALIDATION", "errors.validation", {}, zodFieldErrors(parsed.error));
  const input = parsed.data;
  const today = vietnamToday();
  const conditions: (SQL | undefined)[] = [
    eq(task.organisationId, actor.organisationId),
    // Each view lies within what the actor may see (taskVisibleTo): tasks one is on, gave, or
    // that one's unit or organisation answers for as its head or leader.
    viewCondition(actor, input.view),
    input.status.length ? inArray(task.status, input.status) : undefined,
    input.priority.length ? inArray(task.priority, input.priority) : undefined,
    input.overdue ? overdueSql(today) : undefined,
    input.deadlineFrom ? gte(task.deadline, input.deadlineFrom) : undefined,
    input.deadlineTo ? lte(task.deadline, input.deadlineTo) : undefined,
    input.q
      ? sql`${task.searchText} like '%' || replace(replace(replace(f_unaccent(lower(${input.q})), E'\\\\', E'\\\\\\\\'), '%', E'\\\\%'), '_', E'\\\\_') || '%'`
      : undefined,
  ];
  let order: SQL[];
  if (input.sort === "priority") {
    order = [desc(task.priority), asc(task.deadline), asc(task.id)];
    if (input.cursor) {
      const [p, d, id] = decodeCursor<[string, string, string]>(
        input.cursor,
        (k): k is [string, string, string] =>
          k.length === 3 &&
          taskPriorities.includes(k[0] as TaskPriority) &&
          isCalendarDay(k[1]) &&
          isUuid(k[2]),
      );
      conditions.push(
        sql`(${task.priority} < ${p}::task_priority or (${task.priority} = ${p}::task_priority and (${task.deadline}, ${task.id}) > (${d}::date, ${id}::uuid)))`,
      );
    }
  } else if (input.sort === "created") {
    order = [desc(task.createdAt), desc(task.id)];
    if (input.cursor) {
      const [c, id] = decodeCursor<[string, string]>(
        input.cursor,
        (k): k is [string, string] =>
          k.length === 2 && typeof k[0] === "string" && TIMESTAMP.test(k[0]) && isUuid(k[1]),
      );
      conditions.push(sql`(${task.createdAt}, ${task.id}) < (${c}::timestamptz, ${id}::uuid)`);
    }
  } else {
    order = [asc(task.deadline), asc(task.id)];
    if (input.cursor) {
      const [d, id] = decodeCursor<[string, string]>(
        input.cursor,
        (k): k is [string, string] => k.length === 2 && isCalendarDay(k[0]) && isUuid(k[1]),
      );
      conditions.push(sql`(${task.deadline}, ${task.id}) > (${d}::date, ${id}::uuid)`);
    }
  }
  const leadUser = sql`(select ${appUser.fullName} from ${appUser} where ${appUser.id} = ${task.leadUserId})`;
  const leadUnit = sql`(select ${unit.name} from ${unit} where ${unit.id} = ${task.leadUnitId})`;
  const rows = await db
    .select({
      id: task.id,
      title: task.title,
      status: task.status,
      priority: task.priority,
      progress: task.progress,
      startDate: task.startDate,
      deadline: task.deadline,
      overdue: sql<boolean>`${overdueSql(today)}`,
      leadName: sql<string>`coalesce(${leadUser}, ${leadUnit}, '')`,
      assignerName: sql<string>`(select ${appUser.fullName} from ${appUser} where ${appUser.id} = ${task.assignerId})`,
      version: task.version,
      createdAt: sql<string>`${task.createdAt}::text`,
      waiting: sql<boolean>`(exists (select 1 from ${taskReport} where ${taskReport.taskId} = ${task.id} and ${taskReport.status} = 'pending')
        or exists (select 1 from ${taskExtension} where ${taskExtension.taskId} = ${task.id} and ${taskExtension.status} = 'pending'))`,
    })
    .from(task)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(input.limit + 1);
  const more = rows.length > input.limit;
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (more && last) {
    const key: Key =
      input.sort === "priority"
        ? [last.priority, last.deadline, last.id]
        : input.sort === "created"
          ? [last.createdAt, last.id]
          : [last.deadline, last.id];
    nextCursor = encodeCursor(key);
  }
  return { items: items.map(({ createdAt: _c, ...rest }) => rest), nextCursor };
}
