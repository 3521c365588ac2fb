import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./columns";
import { organisation, unit } from "./org";
import { appUser } from "./users";

/**
 * A private subscription address for phone and desktop calendars: a person's own calendar, or
 * a published weekly schedule (the organisation's leadership schedule when `unit_id` is null, else
 * a unit's) as that person may read it. Only the SHA-256 of the secret is kept; renewing
 * replaces it, so the old address stops answering. Each person has their own address per
 * calendar, so one renewal or one departure never breaks anyone else's.
 */
export const calendarFeed = pgTable(
  "calendar_feed",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    scope: text().$type<"mine" | "schedule">().notNull(),
    unitId: uuid().references(() => unit.id, { onDelete: "cascade" }),
    tokenHash: bytea().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    renewedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When a calendar application last fetched it: shown to the person, so they know it works. */
    lastFetchedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("calendar_feed_scope_ck", sql`${t.scope} IN ('mine', 'schedule')`),
    check("calendar_feed_unit_ck", sql`${t.scope} = 'schedule' OR ${t.unitId} IS NULL`),
    // The feed route finds a feed by its secret.
    uniqueIndex("calendar_feed_token_uq").on(t.tokenHash),
    // One address per person and calendar.
    unique("calendar_feed_owner_uq").on(t.userId, t.scope, t.unitId).nullsNotDistinct(),
    index("calendar_feed_organisation_idx").on(t.organisationId),
  ],
);
