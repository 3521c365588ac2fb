import "server-only";
// The organisation's meeting rooms: kept by admins and clerks, seen by everyone who organises,
// with a week of bookings per room and reservations for purposes other than a meeting.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { room, roomBooking } from "@/db/schema/meetings";
import { addDays, vietnamDayStart } from "@/lib/dates";
import { can } from "@/lib/permissions";
import type {
  CancelReservationInput,
  CreateRoomInput,
  ReserveRoomInput,
  RoomWeekInput,
  UpdateRoomInput,
} from "@/lib/schemas/meetings";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { fieldError, notFound, stale } from "../errors";
import { uniqueNameGuard } from "../org/unique-violation";
import { insertBookings, roomBookingsIn, formatSlot, type BookingView } from "./bookings";
import { timesOf, usableRoom } from "./prepare";

export type RoomRow = {
  id: string;
  name: string;
  capacity: number;
  equipment: string[];
  active: boolean;
  version: number;
};

const NAME_UQ = "room_org_name_uq";
const columns = {
  id: room.id,
  name: room.name,
  capacity: room.capacity,
  equipment: room.equipment,
  active: room.active,
  version: room.version,
};

/** The organisation's rooms by name; those out of use only for the people who keep them. */
export async function listRooms(
  db: DbOrTx,
  actor: Actor,
): Promise<{ rooms: RoomRow[]; canManage: boolean }> {
  assertCan(actor, "meeting.read");
  const canManage = can(actor.roles, "room.manage");
  const rooms = await db
    .select(columns)
    .from(room)
    .where(
      and(
        eq(room.organisationId, actor.organisationId),
        canManage ? undefined : eq(room.active, true),
      ),
    )
    .orderBy(asc(sql`lower(${room.name})`));
  return { rooms, canManage };
}

const cleanEquipment = (list: string[]) => [...new Set(list)];

export async function createRoom(db: Db, actor: Actor, input: CreateRoomInput): Promise<RoomRow> {
  assertCan(actor, "room.manage");
  return uniqueNameGuard(NAME_UQ, "meetings.errors.roomNameTaken", () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(room)
        .values({
          organisationId: actor.organisationId,
          name: input.name,
          capacity: input.capacity,
          equipment: cleanEquipment(input.equipment),
          active: input.active,
        })
        .returning(columns);
      await appendAudit(tx, {
        organisationId: actor.organisationId,
        actor,
        action: "room.created",
        entityType: "room",
        entityId: row!.id,
        data: { name: row!.name, capacity: row!.capacity },
      });
      return row!;
    }),
  );
}

export async function updateRoom(db: Db, actor: Actor, input: UpdateRoomInput): Promise<RoomRow> {
  assertCan(actor, "room.manage");
  return uniqueNameGuard(NAME_UQ, "meetings.errors.roomNameTaken", () =>
    db.transaction(async (tx) => {
      const [current] = await tx
        .select(columns)
        .from(room)
        .where(and(eq(room.id, input.id), eq(room.organisationId, actor.organisationId)))
        .for("update");
      if (!current) throw notFound("room");
      if (current.version !== input.version) throw stale();
      const [row] = await tx
        .update(room)
        .set({
          name: input.name,
          capacity: input.capacity,
          equipment: cleanEquipment(input.equipment),
          active: input.active,
          version: sql`${room.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(room.id, current.id))
        .returning(columns);
      await appendAudit(tx, {
        organisationId: actor.organisationId,
        actor,
        action: "room.updated",
        entityType: "room",
        entityId: current.id,
        data: {
          name: input.name,
          changes: Object.fromEntries(
            (["name", "capacity", "active"] as const)
              .filter((k) => current[k] !== input[k])
              .map((k) => [k, { from: current[k], to: input[k] }]),
          ),
        },
      });
      return row!;
    }),
  );
}

export type RoomWeek = {
  room: RoomRow;
  from: Date;
  to: Date;
  bookings: BookingView[];
  canManage: boolean;
};

/** A room's bookings over the seven days from a Monday (or any day) in Vietnam. */
export async function roomWeek(db: DbOrTx, actor: Actor, input: RoomWeekInput): Promise<RoomWeek> {
  assertCan(actor, "meeting.read");
  const [r] = await db
    .select(columns)
    .from(room)
    .where(and(eq(room.id, input.roomId), eq(room.organisationId, actor.organisationId)));
  if (!r) throw notFound("room");
  const from = vietnamDayStart(input.weekStart);
  const to = vietnamDayStart(addDays(input.weekStart, 7));
  const bookings = await roomBookingsIn(db, actor, r.id, { start: from, end: to });
  return { room: r, from, to, bookings, canManage: can(actor.roles, "room.manage") };
}

/** Holds a room for a purpose other than a meeting (a reception, a training): the same no-overlap rule. */
export async function reserveRoom(db: Db, actor: Actor, input: ReserveRoomInput, now = new Date()) {
  assertCan(actor, "room.manage");
  const { startsAt, endsAt, errors } = timesOf(
    { ...input, recurrence: { kind: "none" } },
    now,
    false,
  );
  return db.transaction(async (tx) => {
    const r = await usableRoom(tx, actor, input.roomId);
    // The room is what is acted on: another organisation's is not there at all.
    if ("key" in r && r.key === "meetings.errors.roomUnknown") throw notFound("room");
    if ("key" in r) errors.roomId = r;
    if (Object.keys(errors).length > 0) {
      throw fieldError(errors);
    }
    const [id] = await insertBookings(
      tx,
      actor,
      [{ roomId: input.roomId, start: startsAt, end: endsAt, occurrenceStart: null }],
      { meetingId: null, purpose: input.purpose },
    );
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "room.reserved",
      entityType: "room",
      entityId: input.roomId,
      data: { purpose: input.purpose, time: formatSlot({ start: startsAt, end: endsAt }) },
    });
    return { id: id! };
  });
}

export async function cancelReservation(db: Db, actor: Actor, input: CancelReservationInput) {
  assertCan(actor, "room.manage");
  return db.transaction(async (tx) => {
    const [b] = await tx
      .select({
        id: roomBooking.id,
        roomId: roomBooking.roomId,
        version: roomBooking.version,
        purpose: roomBooking.purpose,
        meetingId: roomBooking.meetingId,
        active: roomBooking.active,
      })
      .from(roomBooking)
      .where(
        and(eq(roomBooking.id, input.id), eq(roomBooking.organisationId, actor.organisationId)),
      )
      .for("update");
    // A meeting's booking goes with its meeting: it is not a reservation to cancel here.
    if (!b || b.meetingId !== null || !b.active) throw notFound("booking");
    if (b.version !== input.version) throw stale();
    await tx
      .update(roomBooking)
      .set({ active: false, version: sql`${roomBooking.version} + 1` })
      .where(eq(roomBooking.id, b.id));
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "room.reservationCancelled",
      entityType: "room",
      entityId: b.roomId,
      data: { purpose: b.purpose },
    });
    return { id: b.id };
  });
}
