import { sql } from "drizzle-orm";
import {
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { document } from "./documents";
import { exchangePeer } from "./org";
import { appUser } from "./users";

export const exchangeMessageKind = pgEnum("exchange_message_kind", ["document", "status"]);
export const exchangeOutboxState = pgEnum("exchange_outbox_state", ["pending", "sent", "failed"]);

/**
 * What this deployment has to send a peer: written in the transaction that made it (issuing, a
 * step at the recipient), sent by the drain job, retried with backoff until the peer acknowledges
 * it. Its package is built at each attempt from what does not change (its times are the row's),
 * so every attempt sends the same bytes.
 */
export const exchangeOutbox = pgTable(
  "exchange_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    peerId: uuid()
      .notNull()
      .references(() => exchangePeer.id, { onDelete: "restrict" }),
    kind: exchangeMessageKind().notNull(),
    /** The message's identity at the peer: a document by its edXML DocumentId. */
    messageKey: text().notNull(),
    /** The issued document (a document message), or the copy whose progress is reported. */
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "restrict" }),
    /** A document message: the codes of its recipients hosted by the peer. */
    recipientCodes: text().array(),
    /** A status message: its edXML StatusCode, description and who did it. */
    statusCode: text(),
    description: text(),
    staffName: text(),
    state: exchangeOutboxState().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    /** The deployment admin who sent it again after it failed, and when. */
    retriedById: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    retriedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("exchange_outbox_message_uq").on(t.peerId, t.messageKey),
    // The drain's question: what is due now.
    index("exchange_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'pending'`),
    index("exchange_outbox_created_idx").on(t.createdAt),
    // The messages of a document (on delete restrict checks it).
    index("exchange_outbox_document_idx").on(t.documentId),
  ],
);

/**
 * Every message received from a peer, by its identity: a retry, or a resend after a crash on
 * either side, is answered "already received" and changes nothing.
 */
export const exchangeInbox = pgTable(
  "exchange_inbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    peerId: uuid()
      .notNull()
      .references(() => exchangePeer.id, { onDelete: "restrict" }),
    kind: exchangeMessageKind().notNull(),
    messageKey: text().notNull(),
    /** The copies it made (a document) or the document it reported on (a status). */
    documentIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("exchange_inbox_message_uq").on(t.peerId, t.messageKey)],
);

/** A copy that came from a peer: where its statuses go back to. */
export const exchangeArrival = pgTable("exchange_arrival", {
  incomingDocumentId: uuid()
    .primaryKey()
    .references(() => document.id, { onDelete: "restrict" }),
  peerId: uuid()
    .notNull()
    .references(() => exchangePeer.id, { onDelete: "restrict" }),
  /** The edXML DocumentId, and what the status messages' ResponseFor repeats. */
  remoteDocumentId: text().notNull(),
  senderCode: text().notNull(),
  codeNumber: text(),
  codeNotation: text(),
  /** yyyy-MM-dd */
  documentDate: text(),
});
