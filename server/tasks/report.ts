import "server-only";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { task } from "@/db/schema/tasks";
import { appUser } from "@/db/schema/users";
import { vietnamToday } from "@/lib/dates";
import { taskReportInput } from "@/lib/schemas/tasks";
import type { z } from "zod";
import { assertCan, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { zodFieldErrors } from "../zod-errors";
import { isLeader } from "./visibility";

export type TaskCounts = {
  total: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
};
export type TaskReportRow = TaskCounts & { id: string | null; name: string };
export type TaskReport = {
  from: string;
  to: string;
  byUnit: TaskReportRow[];
  byPerson: TaskReportRow[];
  totals: TaskCounts;
};

/**
 * The tasks whose deadline falls in the range, counted per unit and per lead person: done on
 * time (finished, in Vietnam, on or before the deadline), done late, overdue (open past the
 * deadline) and in progress (open, deadline not passed). Cancelled tasks are not counted.
 * Leaders see the organisation; a unit head sees their unit.
 */
export async function taskReport(
  db: DbOrTx,
  actor: Actor,
  raw: z.input<typeof taskReportInput>,
): Promise<TaskReport> {
  assertCan(actor, "task.report");
  const parsed = taskReportInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError("VALIDATION", "errors.validation", {}, zodFieldErrors(parsed.error));
  const { from, to } = parsed.data;
  const today = vietnamToday();
  const doneDay = sql`(${task.completedAt} at time zone 'Asia/Ho_Chi_Minh')::date`;
  const counts = {
    total: sql<number>`count(*)::int`,
    doneOnTime: sql<number>`(count(*) filter (where ${task.status} = 'done' and ${doneDay} <= ${task.deadline}))::int`,
    doneLate: sql<number>`(count(*) filter (where ${task.status} = 'done' and ${doneDay} > ${task.deadline}))::int`,
    overdue: sql<number>`(count(*) filter (where ${task.status} in ('new', 'in_progress') and ${task.deadline} < ${today}))::int`,
    inProgress: sql<number>`(count(*) filter (where ${task.status} in ('new', 'in_progress') and ${task.deadline} >= ${today}))::int`,
  };
  const scope = and(
    eq(task.organisationId, actor.organisationId),
    sql`${task.status} <> 'cancelled'`,
    gte(task.deadline, from),
    lte(task.deadline, to),
    isLeader(actor) ? undefined : eq(task.unitId, actor.unitId ?? sql`null`),
  );
  const [byUnit, byPerson] = await Promise.all([
    db
      .select({ id: task.unitId, name: sql<string>`coalesce(${unit.name}, '')`, ...counts })
      .from(task)
      .leftJoin(unit, eq(unit.id, task.unitId))
      .where(scope)
      .groupBy(task.unitId, unit.name)
      .orderBy(unit.name),
    db
      .select({
        id: task.leadUserId,
        name: sql<string>`coalesce(${appUser.fullName}, '')`,
        ...counts,
      })
      .from(task)
      .leftJoin(appUser, eq(appUser.id, task.leadUserId))
      .where(scope)
      .groupBy(task.leadUserId, appUser.fullName)
      .orderBy(appUser.fullName),
  ]);
  const totals = byUnit.reduce<TaskCounts>(
    (acc, r) => ({
      total: acc.total + r.total,
      doneOnTime: acc.doneOnTime + r.doneOnTime,
      doneLate: acc.doneLate + r.doneLate,
      overdue: acc.overdue + r.overdue,
      inProgress: acc.inProgress + r.inProgress,
    }),
    { total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, inProgress: 0 },
  );
  return { from, to, byUnit, byPerson, totals };
}
