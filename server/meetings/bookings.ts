// Room bookings: the database keeps the bookings of one room from overlapping (the exclusion
// constraint room_booking_no_overlap); this file writes them and turns the constraint's refusal
// into a message that names the booking in the way and offers the next free slot.
import { and, asc, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { meeting, meetingParticipant, room, roomBooking } from "@/db/schema/meetings";
import { formatVietnamDateTime, formatVietnamTime, vietnamParts } from "@/lib/meetings";
import { can } from "@/lib/permissions";
import type { Actor } from "../authz/actor";
import { AppError } from "../errors";
import { nextFreeSlot, type Range } from "./free-slots";
import type { Occurrence } from "./recurrence";

export const NO_OVERLAP = "room_booking_no_overlap";

export type WantedBooking = Range & { roomId: string; occurrenceStart: Date | null };

/** A booking of a room as a person may see it: the title only when it is theirs to see. */
export type BookingView = {
  id: string;
  start: Date;
  end: Date;
  title: string | null;
  meetingId: string | null;
  /** A reservation without a meeting, and its version (to cancel it). */
  reservation: boolean;
  version: number;
};

/** Whether a failed statement broke the no-overlap constraint (drizzle wraps the driver's error). */
export function isOverlapViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23P01" && constraint === NO_OVERLAP) return true;
  }
  return false;
}

/** The room each live occurrence of a meeting holds: an occurrence moved elsewhere holds that room. */
export function bookingsOfOccurrences(
  place: { roomId: string | null },
  occurrences: Occurrence[],
): WantedBooking[] {
  const wanted: WantedBooking[] = [];
  for (const o of occurrences) {
    if (o.cancelled) continue;
    const e = o.exception;
    const roomId = e && (e.roomId || e.locationText) ? e.roomId : place.roomId;
    if (!roomId) continue;
    wanted.push({ roomId, start: o.start, end: o.end, occurrenceStart: o.originalStart });
  }
  return wanted;
}

const rangeOf = (r: Range) =>
  sql`tstzrange(${r.start.toISOString()}::timestamptz, ${r.end.toISOString()}::timestamptz, '[)')`;

/**
 * Replaces a meeting's bookings with `wanted`, all or none: the insert runs in a savepoint, and
 * a clash with another booking (found by the constraint, so also one committed a moment ago by
 * someone else) becomes the room-taken refusal.
 */
export async function rebookMeeting(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  wanted: WantedBooking[],
): Promise<void> {
  await tx.delete(roomBooking).where(eq(roomBooking.meetingId, meetingId));
  if (wanted.length === 0) return;
  await insertBookings(tx, actor, wanted, { meetingId, purpose: null });
}

export async function insertBookings(
  tx: Tx,
  actor: Actor,
  wanted: WantedBooking[],
  owner: { meetingId: string | null; purpose: string | null },
): Promise<string[]> {
  // Bookings of one room are written one transaction at a time: two overlapping inserts checked
  // by the exclusion constraint at once can each wait for the other (a deadlock the server then
  // breaks by failing one of them at random). Rooms are locked in one order, so two meetings
  // booking the same rooms cannot wait for each other either.
  for (const roomId of [...new Set(wanted.map((w) => w.roomId))].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`room:${roomId}`}, 0))`);
  }
  try {
    return await tx.transaction(async (savepoint) => {
      const rows = await savepoint
        .insert(roomBooking)
        .values(
          wanted.map((w) => ({
            organisationId: actor.organisationId,
            roomId: w.roomId,
            meetingId: owner.meetingId,
            occurrenceStart: w.occurrenceStart,
            purpose: owner.purpose,
            during: rangeOf(w),
            bookedById: actor.userId,
          })),
        )
        .returning({ id: roomBooking.id });
      return rows.map((r) => r.id);
    });
  } catch (error) {
    if (isOverlapViolation(error)) throw await roomTakenError(tx, actor, wanted);
    throw error;
  }
}

/** Active bookings of a room that overlap a range, with what the actor may see of each. */
export async function roomBookingsIn(
  db: DbOrTx,
  actor: Actor,
  roomId: string,
  range: Range,
  exceptMeetingId?: string | null,
): Promise<BookingView[]> {
  const seesAll = can(actor.roles, "room.manage");
  const invited = sql`exists (select 1 from ${meetingParticipant}
    where ${meetingParticipant.meetingId} = ${roomBooking.meetingId}
      and ${meetingParticipant.userId} = ${actor.userId})`;
  const rows = await db
    .select({
      id: roomBooking.id,
      start: sql<string>`lower(${roomBooking.during})`,
      end: sql<string>`upper(${roomBooking.during})`,
      meetingId: roomBooking.meetingId,
      purpose: roomBooking.purpose,
      meetingTitle: meeting.title,
      version: roomBooking.version,
      mine: sql<boolean>`(${roomBooking.bookedById} = ${actor.userId}
        or ${meeting.organiserId} = ${actor.userId} or ${invited})`,
    })
    .from(roomBooking)
    .leftJoin(meeting, eq(meeting.id, roomBooking.meetingId))
    .where(
      and(
        eq(roomBooking.organisationId, actor.organisationId),
        eq(roomBooking.roomId, roomId),
        eq(roomBooking.active, true),
        sql`${roomBooking.during} && ${rangeOf(range)}`,
        exceptMeetingId
          ? or(isNull(roomBooking.meetingId), ne(roomBooking.meetingId, exceptMeetingId))
          : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${roomBooking.during})`));
  return rows.map((r) => ({
    id: r.id,
    start: new Date(r.start),
    end: new Date(r.end),
    meetingId: r.meetingId,
    reservation: r.meetingId === null,
    version: r.version,
    title: seesAll || r.mine ? (r.meetingTitle ?? r.purpose) : null,
  }));
}

const DAY_MS = 86_400_000;

export type RoomConflict = {
  /** The bookings in the way, first the one that clashes first. */
  conflicts: BookingView[];
  /** The next free slot of the same length for the whole series, shifted alike. */
  suggestion: Range | null;
};

/** The bookings `wanted` clashes with in one room, and where it could go instead. */
export async function findRoomConflict(
  db: DbOrTx,
  actor: Actor,
  roomId: string,
  wanted: Range[],
  exceptMeetingId: string | null,
  now = new Date(),
): Promise<RoomConflict> {
  if (wanted.length === 0) return { conflicts: [], suggestion: null };
  const from = new Date(Math.min(...wanted.map((w) => w.start.getTime())) - DAY_MS);
  const to = new Date(Math.max(...wanted.map((w) => w.end.getTime())) + 16 * DAY_MS);
  const bookings = await roomBookingsIn(
    db,
    actor,
    roomId,
    { start: from, end: to },
    exceptMeetingId,
  );
  const clashing = wanted
    .map((w) => ({ w, hit: bookings.filter((b) => b.start < w.end && w.start < b.end) }))
    .filter((c) => c.hit.length > 0);
  if (clashing.length === 0) return { conflicts: [], suggestion: null };
  const conflicts = [...new Map(clashing.flatMap((c) => c.hit).map((b) => [b.id, b])).values()];
  return { conflicts, suggestion: nextFreeSlot(wanted, bookings, now, clashing[0]!.w) };
}

/** "dd/MM/yyyy HH:mm–HH:mm" */
export function formatSlot(r: Range): string {
  return `${formatVietnamDateTime(r.start)}–${formatVietnamTime(r.end)}`;
}

async function roomTakenError(tx: Tx, actor: Actor, wanted: WantedBooking[]): Promise<AppError> {
  const rooms = [...new Set(wanted.map((w) => w.roomId))];
  for (const roomId of rooms) {
    const mine = wanted.filter((w) => w.roomId === roomId);
    const { conflicts, suggestion } = await findRoomConflict(tx, actor, roomId, mine, null);
    const first = conflicts[0];
    if (!first) continue;
    const [r] = await tx.select({ name: room.name }).from(room).where(eq(room.id, roomId));
    const params = {
      room: r?.name ?? "",
      taken: formatSlot(first),
      title: first.title ?? "",
      suggestion: suggestion ? formatSlot(suggestion) : "",
    };
    const key = `meetings.errors.roomTaken${first.title ? "" : "Private"}${suggestion ? "" : "NoSlot"}`;
    return new AppError("CONFLICT", key, params, {
      roomId: [{ key, params }],
    });
  }
  // The clashing booking was cancelled in the meantime: trying again will do.
  return new AppError("CONFLICT", "meetings.errors.roomChanged");
}

/** A day and times for the form, from a slot. */
export const slotParts = (r: Range) => ({
  day: vietnamParts(r.start).day,
  startTime: vietnamParts(r.start).time,
  endTime: vietnamParts(r.end).time,
});
