import {
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { document } from "./documents";
import { organisation } from "./org";
import { appUser } from "./users";

/** In-app notifications: the bell. Written in the transaction of the change they announce. */
export const notification = pgTable(
  "notification",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    documentId: uuid().references(() => document.id, { onDelete: "cascade" }),
    /** next-intl key under `notifications.` and its parameters, translated when shown. */
    messageKey: text().notNull(),
    params: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    /** Makes reminders idempotent: one "due soon" per assignment and day, however often the job runs. */
    dedupeKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("notification_user_idx").on(t.userId, t.id.desc()),
    // The unread count on the bell.
    index("notification_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} IS NULL`),
    // A document's bells, which go with it when it is removed (on delete cascade): without it,
    // each document removed reads every notification.
    index("notification_document_idx")
      .on(t.documentId)
      .where(sql`${t.documentId} IS NOT NULL`),
    uniqueIndex("notification_dedupe_uq")
      .on(t.userId, t.dedupeKey)
      .where(sql`${t.dedupeKey} IS NOT NULL`),
  ],
);
