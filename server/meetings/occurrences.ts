import "server-only";
// A person's meetings in a range of time, one item per occurrence: what the calendar, the ICS
// feed, the home page and the "my meetings" list are built from.
import { and, eq, gt, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { meeting, meetingException, meetingParticipant, room } from "@/db/schema/meetings";
import type { Actor } from "../authz/actor";
import { expandOccurrences, type ExceptionSpec, type Occurrence } from "./recurrence";

type Response = "pending" | "accepted" | "declined";

export type MyOccurrence = {
  meetingId: string;
  title: string;
  start: Date;
  end: Date;
  originalStart: Date;
  place: string | null;
  cancelled: boolean;
  changed: boolean;
  organiser: boolean;
  response: Response | null;
  /** For answering from the list. */
  version: number | null;
};

type SeriesRow = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  recurrence: string | null;
  status: "scheduled" | "cancelled";
  organiserId: string;
  roomName: string | null;
  locationText: string | null;
  response: Response | null;
  responseVersion: number | null;
};

/**
 * A time after which a series surely has no occurrence, from its rule alone: its UNTIL (a day's
 * margin for the zone), or its start plus COUNT × INTERVAL periods (a month counted as 62 days,
 * for rules that skip months). Finished series are then left out in SQL, not expanded.
 */
const seriesBound = sql`(case
  when ${meeting.recurrence} ~ 'UNTIL=[0-9]{8}'
    then to_timestamp(substring(${meeting.recurrence} from 'UNTIL=([0-9]{8})'), 'YYYYMMDD')
      + interval '2 days' + (${meeting.endsAt} - ${meeting.startsAt})
  when ${meeting.recurrence} ~ 'COUNT=[0-9]+'
    then ${meeting.startsAt} + (${meeting.endsAt} - ${meeting.startsAt})
      + substring(${meeting.recurrence} from 'COUNT=([0-9]+)')::int
        * coalesce(substring(${meeting.recurrence} from 'INTERVAL=([0-9]+)')::int, 1)
        * case substring(${meeting.recurrence} from 'FREQ=([A-Z]+)')
            when 'DAILY' then interval '1 day'
            when 'WEEKLY' then interval '7 days'
            when 'MONTHLY' then interval '62 days'
            else interval '366 days' end
  else 'infinity'::timestamptz end)`;

/**
 * The actor's meetings (organised or invited to) with an occurrence in [from, to), each
 * occurrence once, in time order. Cancelled meetings are left out; cancelled occurrences kept
 * and marked.
 */
export async function myOccurrences(
  db: DbOrTx,
  actor: Actor,
  range: { from: Date; to: Date },
): Promise<MyOccurrence[]> {
  const series: SeriesRow[] = await db
    .select({
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      recurrence: meeting.recurrence,
      status: meeting.status,
      organiserId: meeting.organiserId,
      roomName: room.name,
      locationText: meeting.locationText,
      response: meetingParticipant.response,
      responseVersion: meetingParticipant.version,
    })
    .from(meeting)
    .leftJoin(room, eq(room.id, meeting.roomId))
    .leftJoin(
      meetingParticipant,
      and(
        eq(meetingParticipant.meetingId, meeting.id),
        eq(meetingParticipant.userId, actor.userId),
      ),
    )
    .where(
      and(
        eq(meeting.organisationId, actor.organisationId),
        eq(meeting.status, "scheduled"),
        or(eq(meeting.organiserId, actor.userId), sql`${meetingParticipant.userId} is not null`),
        lt(meeting.startsAt, range.to),
        // A meeting over before the range has nothing in it: a single one by its end, a series
        // by the latest its rule allows, unless one of its occurrences was moved into the range.
        or(
          gt(meeting.endsAt, range.from),
          and(
            isNotNull(meeting.recurrence),
            or(
              sql`${seriesBound} > ${range.from}`,
              sql`exists (select 1 from ${meetingException}
                where ${meetingException.meetingId} = ${meeting.id}
                  and ${meetingException.newEnd} > ${range.from})`,
            ),
          ),
        ),
      ),
    );
  if (series.length === 0) return [];
  const exceptionRows = await db
    .select()
    .from(meetingException)
    .where(
      inArray(
        meetingException.meetingId,
        series.map((s) => s.id),
      ),
    );
  const roomNames = await roomNamesOf(
    db,
    actor,
    exceptionRows.map((e) => e.roomId),
  );
  const out: MyOccurrence[] = [];
  for (const s of series) {
    const exceptions: ExceptionSpec[] = exceptionRows.filter((e) => e.meetingId === s.id);
    for (const o of expandOccurrences(s, exceptions)) {
      if (!(o.start < range.to && o.end > range.from)) continue;
      out.push(occurrenceView(s, o, actor, roomNames));
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

async function roomNamesOf(db: DbOrTx, actor: Actor, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: room.id, name: room.name })
    .from(room)
    .where(and(inArray(room.id, wanted), eq(room.organisationId, actor.organisationId)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function occurrenceView(
  s: SeriesRow,
  o: Occurrence,
  actor: Actor,
  roomNames: Map<string, string>,
): MyOccurrence {
  const e = o.exception;
  const movedPlace = e && (e.roomId || e.locationText);
  return {
    meetingId: s.id,
    title: e?.title ?? s.title,
    start: o.start,
    end: o.end,
    originalStart: o.originalStart,
    place: movedPlace
      ? ((e.roomId ? roomNames.get(e.roomId) : e.locationText) ?? null)
      : (s.roomName ?? s.locationText),
    cancelled: o.cancelled,
    changed: o.changed,
    organiser: s.organiserId === actor.userId,
    response: s.response,
    version: s.responseVersion,
  };
}
