// Checks a meeting as the form sends it, before anything is written: times in order and not in
// the past, a recurrence that ends, a room and people of the actor's own organisation. Every
// refusal names its field; nothing is changed.
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { room } from "@/db/schema/meetings";
import { appUser } from "@/db/schema/users";
import { recurrenceRule, vietnamInstant, vietnamParts, weekdays } from "@/lib/meetings";
import type { CreateMeetingInput, RecurrenceChoiceInput } from "@/lib/schemas/meetings";
import type { Actor } from "../authz/actor";
import { fieldError, type FieldError } from "../errors";
import { bookingsOfOccurrences, type WantedBooking } from "./bookings";
import {
  expandOccurrences,
  recurrenceProblem,
  type ExceptionSpec,
  type Occurrence,
} from "./recurrence";

export type RoomSummary = { id: string; name: string; capacity: number };
export type PersonSummary = { id: string; fullName: string };

export type PreparedMeeting = {
  title: string;
  agenda: string;
  startsAt: Date;
  endsAt: Date;
  recurrence: string | null;
  roomId: string | null;
  locationText: string | null;
  room: RoomSummary | null;
  participants: PersonSummary[];
  occurrences: Occurrence[];
  wanted: WantedBooking[];
  /** More people than the room seats: said, not refused. */
  overCapacity: boolean;
};

type When = { day: string; startTime: string; endTime: string; recurrence: RecurrenceChoiceInput };

/** The first occurrence's instants and the series' RRULE, with what is wrong with them. */
export function timesOf(when: When, now: Date, allowPast: boolean) {
  const errors: Record<string, FieldError> = {};
  const startsAt = vietnamInstant(when.day, when.startTime);
  const endsAt = vietnamInstant(when.day, when.endTime);
  if (endsAt <= startsAt) errors.endTime = { key: "meetings.errors.endBeforeStart" };
  if (!allowPast && startsAt < now) errors.startTime = { key: "meetings.errors.inPast" };
  const recurrence = recurrenceRule(when.recurrence);
  if (when.recurrence.kind === "weekly" && when.recurrence.days?.length) {
    const weekday = weekdays[(new Date(`${when.day}T00:00:00Z`).getUTCDay() + 6) % 7]!;
    if (!when.recurrence.days.includes(weekday)) {
      errors.recurrence = { key: "meetings.errors.startNotInDays" };
    }
  }
  if (!errors.endTime && !errors.recurrence) {
    const problem = recurrenceProblem({ startsAt, endsAt, recurrence });
    if (problem) errors.recurrence = { key: problem };
  }
  return { startsAt, endsAt, recurrence, errors };
}

/** A room of the actor's organisation that is in use, or the reason it cannot be booked. */
export async function usableRoom(
  db: DbOrTx,
  actor: Actor,
  roomId: string,
): Promise<RoomSummary | FieldError> {
  const [r] = await db
    .select({ id: room.id, name: room.name, capacity: room.capacity, active: room.active })
    .from(room)
    .where(and(eq(room.id, roomId), eq(room.organisationId, actor.organisationId)));
  if (!r) return { key: "meetings.errors.roomUnknown" };
  if (!r.active) return { key: "meetings.errors.roomInactive", params: { room: r.name } };
  return { id: r.id, name: r.name, capacity: r.capacity };
}

export async function prepareMeeting(
  db: DbOrTx,
  actor: Actor,
  input: CreateMeetingInput,
  options: {
    now?: Date;
    /** When editing: the series' exceptions, and whether its times are unchanged. */
    exceptions?: ExceptionSpec[];
    sameTimes?: (startsAt: Date, endsAt: Date, recurrence: string | null) => boolean;
  } = {},
): Promise<PreparedMeeting> {
  const now = options.now ?? new Date();
  const probe = timesOf(input, now, true);
  const unchanged = options.sameTimes?.(probe.startsAt, probe.endsAt, probe.recurrence) ?? false;
  const { startsAt, endsAt, recurrence, errors } = timesOf(input, now, unchanged);

  let roomSummary: RoomSummary | null = null;
  if (input.roomId) {
    const found = await usableRoom(db, actor, input.roomId);
    if ("key" in found) errors.roomId = found;
    else roomSummary = found;
  }
  const ids = [...new Set(input.participantIds)].filter((id) => id !== actor.userId);
  const people =
    ids.length === 0
      ? []
      : await db
          .select({ id: appUser.id, fullName: appUser.fullName })
          .from(appUser)
          .where(
            and(
              inArray(appUser.id, ids),
              eq(appUser.organisationId, actor.organisationId),
              eq(appUser.active, true),
            ),
          );
  if (people.length !== ids.length) {
    errors.participantIds = { key: "meetings.errors.participantUnknown" };
  }
  if (Object.keys(errors).length > 0) throw fieldError(errors);

  const exceptions = unchanged ? (options.exceptions ?? []) : [];
  const occurrences = expandOccurrences({ startsAt, endsAt, recurrence }, exceptions);
  const place = { roomId: roomSummary?.id ?? null };
  return {
    title: input.title,
    agenda: input.agenda,
    startsAt,
    endsAt,
    recurrence,
    roomId: place.roomId,
    locationText: roomSummary ? null : input.locationText,
    room: roomSummary,
    participants: people,
    occurrences,
    wanted: bookingsOfOccurrences(place, occurrences),
    overCapacity: roomSummary !== null && people.length + 1 > roomSummary.capacity,
  };
}

/** The form's day and times of a stored meeting. */
export const whenOf = (startsAt: Date, endsAt: Date) => ({
  day: vietnamParts(startsAt).day,
  startTime: vietnamParts(startsAt).time,
  endTime: vietnamParts(endsAt).time,
});
