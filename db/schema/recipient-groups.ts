import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisation } from "./org";
import { appUser } from "./users";

/**
 * A named list of organisations an organisation's clerks keep for the "Kính gửi" of its drafts
 * ("Các phường thuộc quận Hoàng Mai"): whoever drafts there applies it in one step. Members are
 * organisation ids in the order they are printed; organisations are never deleted, only closed
 * or merged, so an id always names one.
 */
export const recipientGroup = pgTable(
  "recipient_group",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    name: text().notNull(),
    memberIds: uuid().array().notNull(),
    version: integer().notNull().default(1),
    createdById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the organisation's list of groups by name, and keeps their names apart.
    uniqueIndex("recipient_group_org_name_uq").on(t.organisationId, sql`lower(${t.name})`),
    check("recipient_group_members_ck", sql`cardinality(${t.memberIds}) BETWEEN 1 AND 200`),
  ],
);
