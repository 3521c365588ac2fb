// Who may see a meeting: its organiser, the people invited, and those who keep the rooms of its
// organisation. Anyone else, and every other organisation, is told it does not exist.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { meeting, meetingException, meetingParticipant } from "@/db/schema/meetings";
import { can } from "@/lib/permissions";
import type { Actor } from "../authz/actor";
import { notFound } from "../errors";
import type { ExceptionSpec } from "./recurrence";

export type MeetingRow = typeof meeting.$inferSelect;

/** The SQL condition "the actor may see this meeting", for lists and loads alike. */
export function meetingVisibleTo(actor: Actor) {
  const invited = sql`exists (select 1 from ${meetingParticipant}
    where ${meetingParticipant.meetingId} = ${meeting.id}
      and ${meetingParticipant.userId} = ${actor.userId})`;
  return and(
    eq(meeting.organisationId, actor.organisationId),
    can(actor.roles, "room.manage")
      ? undefined
      : sql`(${meeting.organiserId} = ${actor.userId} or ${invited})`,
  );
}

/** The meeting if the actor may see it (locked for this transaction when asked), else NOT_FOUND. */
export async function loadVisibleMeeting(
  db: DbOrTx,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MeetingRow> {
  const query = db
    .select()
    .from(meeting)
    .where(and(eq(meeting.id, id), meetingVisibleTo(actor)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("meeting");
  return row;
}

/** The exceptions of several meetings in one query, by meeting id. */
export async function exceptionsOfMeetings(
  db: DbOrTx,
  meetingIds: string[],
): Promise<Map<string, ExceptionSpec[]>> {
  const byMeeting = new Map<string, ExceptionSpec[]>();
  if (meetingIds.length === 0) return byMeeting;
  const rows = await db
    .select({
      meetingId: meetingException.meetingId,
      originalStart: meetingException.originalStart,
      cancelled: meetingException.cancelled,
      newStart: meetingException.newStart,
      newEnd: meetingException.newEnd,
      title: meetingException.title,
      roomId: meetingException.roomId,
      locationText: meetingException.locationText,
    })
    .from(meetingException)
    .where(inArray(meetingException.meetingId, meetingIds));
  for (const { meetingId, ...e } of rows) {
    byMeeting.set(meetingId, [...(byMeeting.get(meetingId) ?? []), e]);
  }
  return byMeeting;
}

export async function exceptionsOf(db: DbOrTx, meetingId: string): Promise<ExceptionSpec[]> {
  return (await exceptionsOfMeetings(db, [meetingId])).get(meetingId) ?? [];
}
