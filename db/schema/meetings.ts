import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisation } from "./org";
import { appUser } from "./users";

/**
 * A PostgreSQL tstzrange, written and read as its text form `[start,end)`. The exclusion
 * constraint on room bookings works on it; the application builds it with tstzrange() in SQL.
 */
const tstzrange = customType<{ data: string }>({ dataType: () => "tstzrange" });

export const meetingStatuses = ["scheduled", "cancelled"] as const;
export const meetingStatus = pgEnum("meeting_status", meetingStatuses);

export const meetingResponses = ["pending", "accepted", "declined"] as const;
export const meetingResponse = pgEnum("meeting_response", meetingResponses);

/** A meeting room of an organisation (phòng họp). Rooms are taken out of use, never deleted. */
export const room = pgTable(
  "room",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    name: text().notNull(),
    capacity: integer().notNull(),
    equipment: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the organisation's list of rooms by name, and keeps their names apart.
    uniqueIndex("room_org_name_uq").on(t.organisationId, sql`lower(${t.name})`),
    check("room_capacity_ck", sql`${t.capacity} BETWEEN 1 AND 10000`),
    check("room_equipment_ck", sql`cardinality(${t.equipment}) <= 30`),
  ],
);

/**
 * A meeting (cuộc họp): one occurrence, or a series described by an RFC 5545 RRULE that always
 * ends (COUNT or UNTIL), expanded in the meeting's time zone so local times hold across months.
 * The place is a room of the organisation or free text.
 */
export const meeting = pgTable(
  "meeting",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    organiserId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    title: text().notNull(),
    agenda: text().notNull().default(""),
    /** The first occurrence. */
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    roomId: uuid().references(() => room.id, { onDelete: "restrict" }),
    locationText: text(),
    /** RRULE body without DTSTART (`FREQ=WEEKLY;BYDAY=MO;COUNT=10`), null for a single meeting. */
    recurrence: text(),
    timeZone: text().notNull().default("Asia/Ho_Chi_Minh"),
    status: meetingStatus().notNull().default("scheduled"),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("meeting_time_ck", sql`${t.endsAt} > ${t.startsAt}`),
    check("meeting_place_ck", sql`${t.roomId} IS NULL OR ${t.locationText} IS NULL`),
    check("meeting_time_zone_ck", sql`${t.timeZone} = 'Asia/Ho_Chi_Minh'`),
    // Serves the organiser's list of meetings in time order.
    index("meeting_org_organiser_idx").on(t.organisationId, t.organiserId, t.startsAt),
  ],
);

/**
 * One occurrence of a recurring meeting taken out of its series: cancelled, or moved/changed.
 * Named by the start the series gives it (RECURRENCE-ID).
 */
export const meetingException = pgTable(
  "meeting_exception",
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    originalStart: timestamp({ withTimezone: true }).notNull(),
    cancelled: boolean().notNull().default(false),
    newStart: timestamp({ withTimezone: true }),
    newEnd: timestamp({ withTimezone: true }),
    title: text(),
    roomId: uuid().references(() => room.id, { onDelete: "restrict" }),
    locationText: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("meeting_exception_occurrence_uq").on(t.meetingId, t.originalStart),
    check(
      "meeting_exception_moved_ck",
      sql`${t.cancelled} OR (${t.newStart} IS NOT NULL AND ${t.newEnd} > ${t.newStart})`,
    ),
  ],
);

/** A person invited to a meeting, and their answer. */
export const meetingParticipant = pgTable(
  "meeting_participant",
  {
    meetingId: uuid()
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    response: meetingResponse().notNull().default("pending"),
    respondedAt: timestamp({ withTimezone: true }),
    /** The answer is changed through the workflow engine, which refuses a stale version. */
    version: integer().notNull().default(1),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: "meeting_participant_pk",
      columns: [t.meetingId, t.userId],
    }),
    // Serves a person's invitations and the busy check of invitees.
    index("meeting_participant_user_idx").on(t.userId, t.meetingId),
  ],
);

/**
 * A room held for a time: one row per occurrence of a meeting in the room, or a reservation
 * for a purpose without a meeting. The exclusion constraint `room_booking_no_overlap` (added
 * by hand in the migration, as drizzle cannot declare it) keeps active bookings of one room
 * from overlapping, whatever the application does.
 */
export const roomBooking = pgTable(
  "room_booking",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    roomId: uuid()
      .notNull()
      .references(() => room.id, { onDelete: "restrict" }),
    meetingId: uuid().references(() => meeting.id, { onDelete: "cascade" }),
    /** The occurrence's start as the series gives it, for a meeting's booking. */
    occurrenceStart: timestamp({ withTimezone: true }),
    purpose: text(),
    during: tstzrange().notNull(),
    active: boolean().notNull().default(true),
    bookedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("room_booking_owner_ck", sql`${t.meetingId} IS NOT NULL OR ${t.purpose} IS NOT NULL`),
    check(
      "room_booking_during_ck",
      sql`NOT isempty(${t.during}) AND NOT lower_inf(${t.during}) AND NOT upper_inf(${t.during})`,
    ),
    // Serves the bookings of a meeting (rebooking on edit and cancel).
    index("room_booking_meeting_idx").on(t.meetingId),
  ],
);
