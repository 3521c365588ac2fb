import "server-only";
// The checks the meeting form runs as the organiser picks a time: whether the room is free (and
// if not, the next free slot) and who among the invited is already taken.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { room } from "@/db/schema/meetings";
import type { ParticipantsBusyInput, RoomAvailabilityInput } from "@/lib/schemas/meetings";
import { assertCan, type Actor } from "../authz/actor";
import { fieldError, notFound } from "../errors";
import { loadVisibleMeeting } from "./access";
import { findRoomConflict, slotParts, type BookingView } from "./bookings";
import { busyParticipants, type BusyWarning } from "./busy";
import { timesOf } from "./prepare";
import { expandOccurrences } from "./recurrence";

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
