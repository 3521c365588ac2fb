import "server-only";
// What the meeting pages read: one meeting with its people and occurrences, a person's
// meetings and invitations, and the checks the form runs as the organiser picks a time.
import { and, asc, eq, gt, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { meeting, meetingException, meetingParticipant, room } from "@/db/schema/meetings";
import { appUser } from "@/db/schema/users";
import { recurrenceChoiceOf, type RecurrenceChoice } from "@/lib/meetings";
import { can } from "@/lib/permissions";
import type { ParticipantsBusyInput, RoomAvailabilityInput } from "@/lib/schemas/meetings";
import { assertCan, type Actor } from "../authz/actor";
import { fieldError, notFound } from "../errors";
import { exceptionsOf, loadVisibleMeeting } from "./access";
import { findRoomConflict, slotParts, type BookingView } from "./bookings";
import { busyParticipants, type BusyWarning } from "./busy";
import { timesOf, whenOf } from "./prepare";
import { expandOccurrences, type ExceptionSpec, type Occurrence } from "./recurrence";

type Response = "pending" | "accepted" | "declined";

export type MeetingDetail = {
  id: string;
  version: number;
  status: "scheduled" | "cancelled";
  title: string;
  agenda: string;
  startsAt: Date;
  endsAt: Date;
  /** The form's day, times and recurrence choice (null for a rule the form cannot show). */
  form: { day: string; startTime: string; endTime: string; recurrence: RecurrenceChoice | null };
  recurrence: string | null;
  room: { id: string; name: string; capacity: number; equipment: string[] } | null;
  locationText: string | null;
  organiser: { id: string; fullName: string };
  participants: { id: string; fullName: string; jobTitle: string; response: Response }[];
  /** The actor's own invitation, to answer it. */
  mine: { response: Response; version: number } | null;
  isOrganiser: boolean;
  /** The actor drafts a work schedule, so may put the meeting on it. */
  canSchedule: boolean;
  occurrences: {
    originalStart: Date;
    start: Date;
    end: Date;
    cancelled: boolean;
    changed: boolean;
    title: string | null;
  }[];
  /** Occurrences not shown (long series show the next ones). */
  moreOccurrences: number;
};

const SHOWN_OCCURRENCES = 30;

export async function getMeeting(
  db: DbOrTx,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<MeetingDetail> {
  assertCan(actor, "meeting.read");
  const m = await loadVisibleMeeting(db, actor, id);
  const [people, organiserRows, roomRows, exceptions] = await Promise.all([
    db
      .select({
        id: appUser.id,
        fullName: appUser.fullName,
        jobTitle: appUser.jobTitle,
        response: meetingParticipant.response,
        version: meetingParticipant.version,
      })
      .from(meetingParticipant)
      .innerJoin(appUser, eq(appUser.id, meetingParticipant.userId))
      .where(eq(meetingParticipant.meetingId, m.id))
      .orderBy(asc(appUser.fullName)),
    db
      .select({ id: appUser.id, fullName: appUser.fullName })
      .from(appUser)
      .where(eq(appUser.id, m.organiserId)),
    m.roomId
      ? db
          .select({
            id: room.id,
            name: room.name,
            capacity: room.capacity,
            equipment: room.equipment,
          })
          .from(room)
          .where(eq(room.id, m.roomId))
      : Promise.resolve([]),
    exceptionsOf(db, m.id),
  ]);
  const all = expandOccurrences(m, exceptions);
  // Past occurrences of a long series drop out; a single meeting always shows.
  const coming = all.filter((o) => o.end > now);
  const shown = (coming.length > 0 ? coming : all.slice(-1)).slice(0, SHOWN_OCCURRENCES);
  const me = people.find((p) => p.id === actor.userId);
  return {
    id: m.id,
    version: m.version,
    status: m.status,
    title: m.title,
    agenda: m.agenda,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    form: { ...whenOf(m.startsAt, m.endsAt), recurrence: recurrenceChoiceOf(m.recurrence) },
    recurrence: m.recurrence,
    room: roomRows[0] ?? null,
    locationText: m.locationText,
    organiser: organiserRows[0]!,
    participants: people.map(({ version: _v, ...p }) => p),
    mine: me ? { response: me.response, version: me.version } : null,
    isOrganiser: m.organiserId === actor.userId,
    canSchedule: can(actor.roles, "schedule.draft"),
    occurrences: shown.map((o) => ({
      originalStart: o.originalStart,
      start: o.start,
      end: o.end,
      cancelled: o.cancelled,
      changed: o.changed,
      title: o.exception?.title ?? null,
    })),
    moreOccurrences: Math.max(0, (coming.length > 0 ? coming.length : 1) - shown.length),
  };
}

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

export type InvitationRow = {
  meetingId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  recurring: boolean;
  organiser: string;
  place: string | null;
  version: number;
};

/** Invitations waiting for the actor's answer, of meetings not yet over, soonest first. */
export async function myInvitations(
  db: DbOrTx,
  actor: Actor,
  now = new Date(),
): Promise<InvitationRow[]> {
  assertCan(actor, "meeting.read");
  const organiser = sql<string>`(select ${appUser.fullName} from ${appUser} where ${appUser.id} = ${meeting.organiserId})`;
  const rows = await db
    .select({
      meetingId: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      recurrence: meeting.recurrence,
      organiser,
      roomName: room.name,
      locationText: meeting.locationText,
      version: meetingParticipant.version,
    })
    .from(meetingParticipant)
    .innerJoin(meeting, eq(meeting.id, meetingParticipant.meetingId))
    .leftJoin(room, eq(room.id, meeting.roomId))
    .where(
      and(
        eq(meetingParticipant.userId, actor.userId),
        eq(meetingParticipant.response, "pending"),
        eq(meeting.organisationId, actor.organisationId),
        eq(meeting.status, "scheduled"),
      ),
    )
    .orderBy(asc(meeting.startsAt))
    .limit(100);
  return rows
    .filter((r) => r.recurrence !== null || r.endsAt > now)
    .map((r) => ({
      meetingId: r.meetingId,
      title: r.title,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      recurring: r.recurrence !== null,
      organiser: r.organiser,
      place: r.roomName ?? r.locationText,
      version: r.version,
    }));
}

const DAY_MS = 86_400_000;

/** The "my meetings" page: invitations to answer and the next 60 days. */
export async function myMeetings(db: DbOrTx, actor: Actor, now = new Date()) {
  assertCan(actor, "meeting.read");
  const [invitations, upcoming] = await Promise.all([
    myInvitations(db, actor, now),
    myOccurrences(db, actor, { from: now, to: new Date(now.getTime() + 60 * DAY_MS) }),
  ]);
  return {
    invitations,
    upcoming: upcoming.slice(0, 100),
    canOrganise: can(actor.roles, "meeting.organise"),
  };
}

export type Availability = {
  room: { id: string; name: string; capacity: number; equipment: string[] };
  conflicts: Pick<BookingView, "start" | "end" | "title">[];
  suggestion: { day: string; startTime: string; endTime: string; start: Date; end: Date } | null;
};

/**
 * Whether a room is free at the times the form holds (every occurrence of a series), and if
 * not, what is in the way and the next free slot of the same length. The booking itself is
 * decided by the database at submit; this lets the organiser see it first.
 */
export async function roomAvailability(
  db: DbOrTx,
  actor: Actor,
  input: RoomAvailabilityInput,
  now = new Date(),
): Promise<Availability> {
  assertCan(actor, "meeting.read");
  const [r] = await db
    .select({ id: room.id, name: room.name, capacity: room.capacity, equipment: room.equipment })
    .from(room)
    .where(and(eq(room.id, input.roomId), eq(room.organisationId, actor.organisationId)));
  if (!r) throw notFound("room");
  const { startsAt, endsAt, recurrence, errors } = timesOf(input, now, true);
  if (errors.endTime || errors.recurrence) throw fieldError(errors);
  if (input.meetingId) await loadVisibleMeeting(db, actor, input.meetingId);
  const occurrences = expandOccurrences({ startsAt, endsAt, recurrence }, []);
  const { conflicts, suggestion } = await findRoomConflict(
    db,
    actor,
    r.id,
    occurrences,
    input.meetingId ?? null,
    now,
  );
  return {
    room: r,
    conflicts: conflicts.slice(0, 5).map((c) => ({ start: c.start, end: c.end, title: c.title })),
    suggestion: suggestion ? { ...slotParts(suggestion), ...suggestion } : null,
  };
}

/** The form's busy warnings for the people it invites. */
export async function participantsBusy(
  db: DbOrTx,
  actor: Actor,
  input: ParticipantsBusyInput,
): Promise<BusyWarning[]> {
  assertCan(actor, "meeting.organise");
  const { startsAt, endsAt, recurrence, errors } = timesOf(input, new Date(), true);
  if (errors.endTime || errors.recurrence) return [];
  const occurrences = expandOccurrences({ startsAt, endsAt, recurrence }, []);
  return busyParticipants(db, actor, occurrences, input.participantIds, input.meetingId ?? null);
}
