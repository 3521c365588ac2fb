import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { addDays, vietnamDayStart, vietnamToday } from "@/lib/dates";
import { can } from "@/lib/permissions";
import type { Actor } from "../authz/actor";
import { outranked } from "../inbox/boxes";
import type { CalendarItem, CalendarRange } from "./items";

type Row = { id: string; subject: string; deadline: string; confidentiality: string };

/**
 * The deadlines of the incoming documents waiting for the person (to direct, handle or review),
 * read from their own boxes: one all-day item on the deadline, marked when it has passed.
 */
export async function documentItemsFor(
  db: Db,
  actor: Actor,
  range: CalendarRange,
  now = new Date(),
): Promise<CalendarItem[]> {
  if (!can(actor.roles, "incoming.read")) return [];
  // Deadlines are days in Vietnam: the range's first and last day there.
  const first = vietnamToday(range.from);
  const last = vietnamToday(new Date(range.to.getTime() - 1));
  const { rows } = await db.execute<Row>(sql`
    select distinct on (d.id) d.id, d.subject, p.deadline::text as deadline, d.confidentiality
    from document_participant p
    join document d on d.id = p.document_id and d.organisation_id = p.organisation_id
    where p.user_id = ${actor.userId} and p.organisation_id = ${actor.organisationId}
      and p.box in ('to_direct', 'to_handle', 'to_review')
      and p.deadline between ${first}::date and ${last}::date
      and not ${outranked}
    order by d.id, p.deadline`);
  const today = vietnamToday(now);
  return rows.map((r) => ({
    id: `document:${r.id}`,
    kind: "document",
    title: r.subject,
    start: vietnamDayStart(r.deadline).toISOString(),
    end: vietnamDayStart(addDays(r.deadline, 1)).toISOString(),
    allDay: true,
    location: null,
    href: `/documents/${r.id}`,
    ...(r.deadline < today ? { state: "overdue" as const } : {}),
    ...(r.confidentiality !== "normal" ? { restricted: true } : {}),
  }));
}
