import "server-only";
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { task, taskParticipant } from "@/db/schema/tasks";
import { addDays, vietnamToday } from "@/lib/dates";
import type { Actor } from "../authz/actor";
import type { CalendarItem, CalendarRange } from "../calendar/items";

/** Vietnam has no daylight saving: a day there starts at 17:00 UTC the day before. */
const dayStartIso = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();
const vietnamDay = (d: Date) => vietnamToday(d);

/** The actor's open tasks as lead or co-assignee (a condition on `task`). */
const openTasksOf = (actor: Actor) =>
  and(
    eq(task.organisationId, actor.organisationId),
    inArray(task.status, ["new", "in_progress"]),
    sql`${task.id} in (select ${taskParticipant.taskId} from ${taskParticipant}
      where ${taskParticipant.userId} = ${actor.userId} and ${taskParticipant.role} in ('lead', 'co'))`,
  );

/**
 * The deadlines of the actor's open tasks (as lead or co-assignee) that fall in the range, as
 * all-day calendar items; one past its deadline is marked overdue.
 */
export async function taskItemsFor(
  db: DbOrTx,
  actor: Actor,
  range: CalendarRange,
): Promise<CalendarItem[]> {
  const from = vietnamDay(range.from);
  // The range is half-open: a day is in it when it starts before `to`.
  const to = vietnamDay(new Date(range.to.getTime() - 1));
  const today = vietnamToday();
  const rows = await db
    .select({ id: task.id, title: task.title, deadline: task.deadline })
    .from(task)
    .where(and(openTasksOf(actor), gte(task.deadline, from), lt(task.deadline, addDays(to, 1))))
    .orderBy(asc(task.deadline), asc(task.id))
    .limit(500);
  return rows.map((r) => ({
    id: `task:${r.id}`,
    kind: "task" as const,
    title: r.title,
    start: dayStartIso(r.deadline),
    end: dayStartIso(addDays(r.deadline, 1)),
    allDay: true,
    location: null,
    href: `/tasks/${r.id}`,
    ...(r.deadline < today ? { state: "overdue" as const } : {}),
  }));
}

/** For the home page: the actor's open tasks due soonest, overdue first. */
export async function dueSoonTasks(db: DbOrTx, actor: Actor, limit = 5) {
  const today = vietnamToday();
  const rows = await db
    .select({
      id: task.id,
      title: task.title,
      status: task.status,
      priority: task.priority,
      progress: task.progress,
      deadline: task.deadline,
    })
    .from(task)
    .where(openTasksOf(actor))
    .orderBy(asc(task.deadline), asc(task.id))
    .limit(Math.min(Math.max(limit, 1), 50));
  return rows.map((r) => ({ ...r, overdue: r.deadline < today }));
}
