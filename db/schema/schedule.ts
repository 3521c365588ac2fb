import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { scheduleChangeKinds, scheduleSessions, scheduleStatuses } from "@/lib/schedule";
import { document } from "./documents";
import { meeting } from "./meetings";
import { organisation, unit } from "./org";
import { appUser } from "./users";

export const scheduleStatus = pgEnum("schedule_status", scheduleStatuses);
export const scheduleSession = pgEnum("schedule_session", scheduleSessions);
export const scheduleChangeKind = pgEnum("schedule_change_kind", scheduleChangeKinds);

/**
 * One week's work schedule (lịch công tác tuần): the leadership's of an organisation (no unit) or
 * one unit's, for one ISO week. Drafted by the office, approved and published by a leader; once
 * published every member of the organisation reads it.
 */
export const scheduleSheet = pgTable(
  "schedule_sheet",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    /** Null for the leadership schedule of the organisation. */
    unitId: uuid().references(() => unit.id, { onDelete: "restrict" }),
    /** ISO week-numbering year and week; `weekStart` is its Monday. */
    year: integer().notNull(),
    week: integer().notNull(),
    weekStart: date({ mode: "string" }).notNull(),
    status: scheduleStatus().notNull().default("draft"),
    /** Why the leader returned it to draft, until it is submitted again. */
    returnReason: text(),
    version: integer().notNull().default(1),
    createdById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedById: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    submittedAt: timestamp({ withTimezone: true }),
    publishedById: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // One sheet per week of the leadership (unit null counts as one value) and of each unit.
    unique("schedule_sheet_week_uq")
      .on(t.organisationId, t.unitId, t.year, t.week)
      .nullsNotDistinct(),
    check("schedule_sheet_week_ck", sql`${t.week} BETWEEN 1 AND 53`),
    check("schedule_sheet_year_ck", sql`${t.year} BETWEEN 2000 AND 2100`),
    check("schedule_sheet_monday_ck", sql`extract(isodow from ${t.weekStart}) = 1`),
    check(
      "schedule_sheet_week_start_ck",
      sql`extract(isoyear from ${t.weekStart}) = ${t.year} AND extract(week from ${t.weekStart}) = ${t.week}`,
    ),
  ],
);

/**
 * One row of a sheet: a day's morning or afternoon engagement. After publication an entry is
 * never deleted: it is cancelled, and each change is kept in `schedule_change`.
 */
export const scheduleEntry = pgTable(
  "schedule_entry",
  {
    id: uuid().primaryKey().defaultRandom(),
    sheetId: uuid()
      .notNull()
      .references(() => scheduleSheet.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    day: date({ mode: "string" }).notNull(),
    session: scheduleSession().notNull(),
    startTime: time().notNull(),
    endTime: time(),
    content: text().notNull(),
    /** The chair (chủ trì): a member of the organisation, or a name written out. */
    chairUserId: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    chairText: text(),
    /** Participants (thành phần): members, whole units, and anyone else written out. */
    participantUserIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    participantUnitIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    participantText: text(),
    location: text(),
    /** The preparing unit (đơn vị chuẩn bị): a unit of the organisation, or written out. */
    preparingUnitId: uuid().references(() => unit.id, { onDelete: "restrict" }),
    preparingText: text(),
    notes: text(),
    /** What the entry was made from: an incoming document (an invitation, giấy mời) ... */
    sourceDocumentId: uuid().references(() => document.id, { onDelete: "restrict" }),
    /** ... or one occurrence of a meeting, by its original start. */
    sourceMeetingId: uuid().references(() => meeting.id, { onDelete: "restrict" }),
    sourceOccurrence: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves a sheet in the order it is printed.
    index("schedule_entry_sheet_idx").on(t.sheetId, t.day, t.session, t.startTime),
    // Serves a person's calendar: the entries they chair or take part in, by day.
    index("schedule_entry_org_day_idx").on(t.organisationId, t.day),
    index("schedule_entry_participants_idx").using("gin", t.participantUserIds),
    // One live entry per invitation and per meeting occurrence on a sheet: a second click, or
    // a second clerk, finds it there.
    uniqueIndex("schedule_entry_document_uq")
      .on(t.sheetId, t.sourceDocumentId)
      .where(sql`${t.sourceDocumentId} IS NOT NULL AND ${t.cancelledAt} IS NULL`),
    uniqueIndex("schedule_entry_meeting_uq")
      .on(t.sheetId, t.sourceMeetingId, t.sourceOccurrence)
      .where(sql`${t.sourceMeetingId} IS NOT NULL AND ${t.cancelledAt} IS NULL`),
    index("schedule_entry_source_document_idx")
      .on(t.sourceDocumentId)
      .where(sql`${t.sourceDocumentId} IS NOT NULL`),
    index("schedule_entry_source_meeting_idx")
      .on(t.sourceMeetingId)
      .where(sql`${t.sourceMeetingId} IS NOT NULL`),
    check(
      "schedule_entry_source_ck",
      sql`NOT (${t.sourceDocumentId} IS NOT NULL AND ${t.sourceMeetingId} IS NOT NULL) AND (${t.sourceMeetingId} IS NULL) = (${t.sourceOccurrence} IS NULL)`,
    ),
    check("schedule_entry_end_ck", sql`${t.endTime} IS NULL OR ${t.endTime} > ${t.startTime}`),
    check("schedule_entry_content_ck", sql`length(${t.content}) BETWEEN 1 AND 2000`),
    check(
      "schedule_entry_chair_ck",
      sql`NOT (${t.chairUserId} IS NOT NULL AND ${t.chairText} IS NOT NULL)`,
    ),
    check(
      "schedule_entry_preparing_ck",
      sql`NOT (${t.preparingUnitId} IS NOT NULL AND ${t.preparingText} IS NOT NULL)`,
    ),
  ],
);

/**
 * A change to a published sheet (an entry added, edited or cancelled): what changed, from what,
 * when and by whom, shown marked on the sheet ("Thay đổi") and on its printout.
 */
export const scheduleChange = pgTable(
  "schedule_change",
  {
    id: uuid().primaryKey().defaultRandom(),
    sheetId: uuid()
      .notNull()
      .references(() => scheduleSheet.id, { onDelete: "cascade" }),
    entryId: uuid()
      .notNull()
      .references(() => scheduleEntry.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    kind: scheduleChangeKind().notNull(),
    /** Per changed field, its value before and after, as shown to people. */
    fields: jsonb()
      .$type<Record<string, { from: string | null; to: string | null }>>()
      .notNull()
      .default({}),
    changedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("schedule_change_entry_idx").on(t.entryId, t.changedAt)],
);
