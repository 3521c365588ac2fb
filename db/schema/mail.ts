import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appUser } from "./users";

/** How a person wants their notifications by e-mail. */
export const mailMode = pgEnum("mail_mode", ["immediate", "digest", "never"]);

/**
 * A person's choice of e-mail for their notifications; a person without a row gets the default
 * (urgent ones at once, the rest in the morning digest). The digest watermark is the last
 * notification a digest covered, so each is mailed in at most one digest.
 */
export const mailPreference = pgTable("mail_preference", {
  userId: uuid()
    .primaryKey()
    .references(() => appUser.id, { onDelete: "cascade" }),
  mode: mailMode().notNull().default("digest"),
  digestThroughId: bigint({ mode: "number" }).notNull().default(0),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const mailStatus = pgEnum("mail_status", [
  "pending",
  "sending",
  "sent",
  "failed",
  "uncertain",
]);

/**
 * One e-mail to send, written in the transaction of what it announces and sent by the mail
 * drain job. The key makes enqueueing idempotent and is the message's Message-ID. A message is
 * claimed (`sending`) in a transaction of its own before the SMTP conversation and marked `sent`
 * right after the server accepts it; one found still `sending` after its lease was interrupted
 * at an unknown point and is never sent again (`uncertain`): at most once.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    idempotencyKey: text().notNull(),
    userId: uuid().references(() => appUser.id, { onDelete: "set null" }),
    toAddress: text().notNull(),
    kind: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    /** An iCalendar invitation sent with the message (text/calendar), as it stood when queued. */
    calendar: text(),
    status: mailStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("mail_outbox_key_uq").on(t.idempotencyKey),
    // The drain's question: what is due now.
    index("mail_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    // Interrupted sends, found by the sweep.
    index("mail_outbox_sending_idx")
      .on(t.claimedAt)
      .where(sql`${t.status} = 'sending'`),
    // The rate limit of password reset mails per person.
    index("mail_outbox_user_kind_idx").on(t.userId, t.kind, t.createdAt),
    check("mail_outbox_attempts_ck", sql`${t.attempts} >= 0`),
  ],
);

/**
 * A link to choose a new password: only the SHA-256 of its token is kept. Single use, expiring,
 * and void once a newer one is issued for the same person.
 */
export const passwordResetToken = pgTable(
  "password_reset_token",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("password_reset_token_hash_uq").on(t.tokenHash),
    index("password_reset_token_user_idx").on(t.userId, t.createdAt.desc()),
    check("password_reset_token_hash_ck", sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
