import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisation } from "./org";
import { appUser } from "./users";

/**
 * A leader's directing handed to another leader for a period (ủy quyền): while it runs, the
 * documents presented to the absent leader are also in the delegate's box, and what the delegate
 * does with them is recorded as on the absent leader's behalf.
 */
export const delegation = pgTable(
  "delegation",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    fromUserId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    toUserId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    /** First and last day, Vietnam time, both included. */
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("delegation_to_idx").on(t.toUserId, t.endsOn),
    index("delegation_from_idx").on(t.fromUserId, t.endsOn),
    check("delegation_period_ck", sql`${t.startsOn} <= ${t.endsOn}`),
    check("delegation_other_ck", sql`${t.fromUserId} <> ${t.toUserId}`),
  ],
);

/** A leader's own preset phrases for directions (ý kiến mẫu), in the order they keep them. */
export const directionPhrase = pgTable(
  "direction_phrase",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    text: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("direction_phrase_user_idx").on(t.userId, t.position),
    check("direction_phrase_text_ck", sql`length(${t.text}) BETWEEN 1 AND 500`),
  ],
);
