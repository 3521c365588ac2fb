import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisation } from "./org";

// Append-only and hash-chained per organisation: each row stores the hash of the one before it.
// A trigger (migration 0002) refuses UPDATE and DELETE.
export const auditEvent = pgTable(
  "audit_event",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    seq: bigint({ mode: "number" }).notNull(),
    actorId: uuid(),
    actorName: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    uniqueIndex("audit_event_org_seq_uq").on(t.organisationId, t.seq),
    // The log filtered to one record (listAuditEvents with entityId), newest first.
    index("audit_event_org_entity_seq_idx").on(t.organisationId, t.entityId, t.seq),
    // The log filtered to a few days (listAuditEvents with from/to) far back in a long chain.
    index("audit_event_org_created_idx").on(t.organisationId, t.createdAt),
    check("audit_event_seq_ck", sql`${t.seq} >= 1`),
  ],
);

/**
 * Where each organisation's chain ends: the last sequence number and hash, moved forward in the
 * same transaction as every append. Deleting events from the end of a chain leaves the head
 * pointing past them, so the deletion shows. A trigger (migration 0008) lets the head only move
 * forward and refuses its deletion.
 */
export const auditChainHead = pgTable("audit_chain_head", {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisation.id, { onDelete: "restrict" }),
  seq: bigint({ mode: "number" }).notNull(),
  hash: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
