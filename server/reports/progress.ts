// The pieces of SQL the registry books and the handling report share: who leads a document,
// its effective deadline, and where it stands (on time, overdue, completed late...).
import { and, desc, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { unit } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";

export const progressKinds = [
  "not_directed",
  "in_progress",
  "overdue",
  "completed_on_time",
  "completed_late",
  "returned_to_sender",
  "received",
] as const;
export type Progress = (typeof progressKinds)[number];

/** A day in Vietnam, whatever the server's time zone. */
export const vietnamDate = (timestamp: SQL | typeof document.completedAt) =>
  sql`(${timestamp} at time zone 'Asia/Ho_Chi_Minh')::date`;

/**
 * The document's current lead (chủ trì) as a lateral subquery: the latest top-level lead
 * assignment not withdrawn. A unit head's hand-over to a specialist is a child assignment and
 * does not change who leads.
 */
export function leadAssignment(db: DbOrTx) {
  return db
    .select({
      unitId: sql<string | null>`${assignment.unitId}`.as("lead_unit_id"),
      userId: sql<string | null>`${assignment.userId}`.as("lead_user_id"),
      deadline: sql<string | null>`${assignment.deadline}::text`.as("lead_deadline"),
      unitName: sql<string | null>`${unit.name}`.as("lead_unit_name"),
      name: sql<string | null>`coalesce(${unit.name}, ${appUser.fullName})`.as("lead_name"),
    })
    .from(assignment)
    .leftJoin(unit, eq(unit.id, assignment.unitId))
    .leftJoin(appUser, eq(appUser.id, assignment.userId))
    .where(
      and(
        eq(assignment.documentId, document.id),
        eq(assignment.role, "lead"),
        isNull(assignment.parentId),
        ne(assignment.status, "withdrawn"),
      ),
    )
    .orderBy(desc(assignment.createdAt))
    .limit(1)
    .as("lead");
}
export type LeadSubquery = ReturnType<typeof leadAssignment>;

/**
 * The deadline that counts: the document's, which the workflow keeps equal to the lead's
 * (extensions included), else the lead assignment's.
 */
export const effectiveDeadline = (lead: LeadSubquery) =>
  sql`coalesce(${document.deadline}, ${lead.deadline}::date)`;

/**
 * Where a document stands on `today`: completed after its deadline is late; in progress past
 * its deadline is overdue; registered, presented or returned to the leader awaits direction.
 * A document without a deadline is never late.
 */
export function progressOf(lead: LeadSubquery, today: string): SQL<Progress> {
  const deadline = effectiveDeadline(lead);
  return sql<Progress>`case
    when ${document.status} = 'completed' then
      case when ${deadline} is not null and ${vietnamDate(document.completedAt)} > ${deadline}
        then 'completed_late' else 'completed_on_time' end
    when ${document.status} = 'in_progress' then
      case when ${deadline} is not null and ${deadline} < ${today}::date
        then 'overdue' else 'in_progress' end
    when ${document.status} in ('registered', 'presented', 'returned') then 'not_directed'
    when ${document.status} in ('returned_to_sender', 'recalled') then 'returned_to_sender'
    else 'received' end`;
}

const activeTopLevel = (role: "lead" | "co") => sql`a.role = ${role}
  and a.parent_id is null and a.status <> 'withdrawn'`;

/** Names of the co-handling (phối hợp) units and people, in the order they were given. */
export const coHandlerNames = () => sql<string[]>`coalesce((
    select array_agg(coalesce(u.name, p.full_name) order by a.created_at, a.id)
    from ${assignment} a
    left join ${unit} u on u.id = a.unit_id
    left join ${appUser} p on p.id = a.user_id
    where a.document_id = ${document.id} and ${activeTopLevel("co")}
  ), '{}')`;

/** Co-handlers whose part was still open when the lead completed the document (closed unfinished). */
export const closedCoHandlerNames = () => sql<string[]>`coalesce((
    select array_agg(coalesce(u.name, p.full_name) order by a.created_at, a.id)
    from ${assignment} a
    left join ${unit} u on u.id = a.unit_id
    left join ${appUser} p on p.id = a.user_id
    where a.document_id = ${document.id} and a.role = 'co' and a.parent_id is null
      and a.status = 'closed'
  ), '{}')`;

/**
 * Past the issuer's own deadline (hạn theo văn bản), which the office's internal deadline may
 * not be: completed after it, or still open on `today` beyond it.
 */
export const lateForIssuer = (today: string) => sql<boolean>`coalesce(
    ${document.issuerDeadline} is not null and (
      (${document.status} = 'completed'
        and ${vietnamDate(document.completedAt)} > ${document.issuerDeadline})
      or (${document.status} not in ('completed', 'returned_to_sender')
        and ${document.issuerDeadline} < ${today}::date)
    ), false)`;

/** The day the document was handed to its handlers: its first direction. */
export const transferredOn = () => sql<string | null>`(
    select to_char(min(a.created_at) at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')
    from ${assignment} a
    where a.document_id = ${document.id} and a.parent_id is null
  )`;
