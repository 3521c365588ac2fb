// The home page as the day's work: what is urgent or overdue, what falls due this week, what waits
// for the person's decision, for a unit head their unit's parts, for a leader the organisation's
// figures. Each list is short (the inbox has the rest) and read from the person's own boxes.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Urgency } from "@/lib/documents";
import { addDays, vietnamToday } from "@/lib/dates";
import { assertCan, type Actor } from "../authz/actor";
import { handlingReport } from "../reports/handling-report";
import { outranked } from "@/server/inbox/boxes";
import { NO_DEADLINE } from "./participants";

export type DayItem = {
  id: string;
  subject: string;
  issuerName: string;
  urgency: Urgency;
  confidentiality: string;
  box: string;
  deadline: string | null;
  registryNumber: number | null;
  /** For a unit head's list: who holds the part. */
  holder?: string | null;
};

const LIST = 8;
export const WEEK_DAYS = 7;

type Row = Omit<DayItem, "deadline"> & { deadline: string };

const fromRows = (rows: Row[]): DayItem[] =>
  rows.map((r) => ({ ...r, deadline: r.deadline === NO_DEADLINE ? null : r.deadline }));

function personal(actor: Actor, where: ReturnType<typeof sql>, limit = LIST) {
  return sql`select distinct on (p.urgency, p.deadline, d.id) d.id, d.subject,
      d.issuer_name as "issuerName", p.urgency, d.confidentiality, p.box,
      p.deadline::text as deadline, d.registry_number as "registryNumber"
    from document_participant p
    join document d on d.id = p.document_id and d.organisation_id = p.organisation_id
    where p.user_id = ${actor.userId} and p.organisation_id = ${actor.organisationId}
      and ${where} and not ${outranked}
    order by p.urgency desc, p.deadline, d.id
    limit ${limit}`;
}

export async function myDay(db: Db, actor: Actor) {
  assertCan(actor, "incoming.read");
  const today = vietnamToday();
  const open = sql`p.box in ('to_direct', 'to_handle', 'to_review')`;
  const [urgent, dueThisWeek, decisions] = await Promise.all([
    db.execute<Row>(
      personal(actor, sql`${open} and (p.urgency <> 'normal' or p.deadline < ${today}::date)`),
    ),
    db.execute<Row>(
      personal(
        actor,
        sql`p.box = 'to_handle' and p.deadline between ${today}::date and ${addDays(today, WEEK_DAYS)}::date`,
      ),
    ),
    db.execute<Row>(personal(actor, sql`p.box in ('to_direct', 'to_review')`)),
  ]);

  const headsUnit = actor.roles.includes("unit_head") && actor.unitId;
  const unit = headsUnit ? await unitFigures(db, actor, today) : null;
  const organisation = actor.roles.includes("leader")
    ? (await handlingReport(db, actor, { from: addDays(today, -29), to: today })).totals
    : null;
  return {
    today,
    urgent: fromRows(urgent.rows),
    dueThisWeek: fromRows(dueThisWeek.rows),
    decisions: fromRows(decisions.rows),
    unit,
    organisation,
  };
}

/**
 * A unit head's view of their unit: its open parts (the unit's and its staff's), how many are
 * overdue, what it finished in the last 30 days and how much of it late, and the overdue parts.
 */
async function unitFigures(db: Db, actor: Actor, today: string) {
  const unitParts = sql`(a.unit_id = ${actor.unitId} or a.parent_id in (
      select x.id from assignment x where x.unit_id = ${actor.unitId}))`;
  const [counts] = (
    await db.execute<{ open: number; overdue: number; done: number; late: number }>(sql`
    select count(*) filter (where a.status in ('pending', 'in_progress', 'submitted') and a.parent_id is null)::int as open,
      count(*) filter (where a.status in ('pending', 'in_progress') and a.deadline < ${today}::date)::int as overdue,
      count(*) filter (where a.status = 'completed' and a.parent_id is null
        and a.completed_at >= (${addDays(today, -29)}::date::timestamp at time zone 'Asia/Ho_Chi_Minh'))::int as done,
      count(*) filter (where a.status = 'completed' and a.parent_id is null and a.deadline is not null
        and (a.completed_at at time zone 'Asia/Ho_Chi_Minh')::date > a.deadline
        and a.completed_at >= (${addDays(today, -29)}::date::timestamp at time zone 'Asia/Ho_Chi_Minh'))::int as late
    from assignment a
    where a.organisation_id = ${actor.organisationId} and a.role <> 'info' and ${unitParts}`)
  ).rows;
  // A document once, at its earliest overdue part (the unit's, or a specialist's within it).
  const overdue = await db.execute<Row>(sql`
    select * from (
      select distinct on (d.id) d.id, d.subject, d.issuer_name as "issuerName", d.urgency,
        d.confidentiality, 'to_handle' as box, a.deadline::text as deadline,
        d.registry_number as "registryNumber", coalesce(u.full_name, un.name) as holder
      from assignment a
      join document d on d.id = a.document_id
      left join app_user u on u.id = a.user_id
      left join unit un on un.id = a.unit_id
      where a.organisation_id = ${actor.organisationId} and a.role <> 'info'
        and a.status in ('pending', 'in_progress') and a.deadline < ${today}::date and ${unitParts}
        and (d.confidentiality = 'normal' or exists (select 1 from document_participant p
          where p.document_id = d.id and p.user_id = ${actor.userId}))
      order by d.id, a.deadline, a.parent_id nulls first
    ) x
    order by x.deadline, x.id
    limit ${LIST}`);
  return { ...counts!, overdueParts: fromRows(overdue.rows) };
}
