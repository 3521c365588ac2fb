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
import { deliveryStatuses, recallKinds } from "@/lib/delivery";
import { document } from "./documents";
import { organisation } from "./org";
import { appUser } from "./users";

export const deliveryStatus = pgEnum("delivery_status", deliveryStatuses);
export const recallKind = pgEnum("recall_kind", recallKinds);
export const recallState = pgEnum("recall_state", ["requested", "accepted", "refused"]);

/**
 * One recipient organisation of an issued document. Inside the deployment, issuing creates the
 * recipient's copy (`incomingDocumentId`, status arrived) in the same transaction; each step there
 * reports back (delivery_event) and moves `status` forward.
 */
export const delivery = pgTable(
  "delivery",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "restrict" }),
    /** The sender. */
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    recipientOrganisationId: uuid().references(() => organisation.id, { onDelete: "restrict" }),
    recipientName: text().notNull(),
    /** The organisation the document was addressed to, when it had merged into the recipient. */
    addressedOrganisationId: uuid().references(() => organisation.id, { onDelete: "restrict" }),
    /** The recipient's copy, once it has arrived. */
    incomingDocumentId: uuid().references(() => document.id, { onDelete: "restrict" }),
    status: deliveryStatus().notNull().default("pending"),
    statusAt: timestamp({ withTimezone: true }),
    /** Why the recipient refused it. */
    reason: text(),
    remindedAt: timestamp({ withTimezone: true }),
    /** A recall, update or replacement the sender asked for, and the recipient's answer. */
    recallKind: recallKind(),
    recallState: recallState(),
    recallReason: text(),
    recallAt: timestamp({ withTimezone: true }),
    /** Sent again after a refusal: each sending is a round with its own statuses. */
    round: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("delivery_document_idx").on(t.documentId),
    uniqueIndex("delivery_recipient_uq")
      .on(t.documentId, t.recipientOrganisationId)
      .where(sql`${t.recipientOrganisationId} IS NOT NULL`),
    uniqueIndex("delivery_incoming_uq").on(t.incomingDocumentId),
    // "Not yet registered after a working day": the sender's deliveries by status and time.
    index("delivery_sender_status_idx").on(t.organisationId, t.status, t.statusAt),
  ],
);

/** A status the recipient reported (edXML status message): each code at most once per round. */
export const deliveryEvent = pgTable(
  "delivery_event",
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid()
      .notNull()
      .references(() => delivery.id, { onDelete: "restrict" }),
    round: integer().notNull().default(1),
    code: text().notNull(),
    status: deliveryStatus().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    description: text(),
    /** Who did it at the recipient (edXML StaffInfo). */
    staffName: text(),
    staffId: uuid().references(() => appUser.id, { onDelete: "restrict" }),
  },
  (t) => [uniqueIndex("delivery_event_code_uq").on(t.deliveryId, t.round, t.code)],
);
