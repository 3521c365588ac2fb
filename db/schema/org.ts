import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { bytea } from "./columns";

export const orgLevel = pgEnum("org_level", ["central", "province", "district", "commune"]);
export const orgStatus = pgEnum("org_status", ["active", "closed", "merged"]);

/**
 * Another Liên Thông deployment (or a system speaking edXML over HTTP) that hosts some of the
 * organisations in the tree: documents to them travel as signed edXML packages, through the
 * outbox. Its packages are trusted when their signer's chain ends at `rootCertificate`.
 */
export const exchangePeer = pgTable(
  "exchange_peer",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** The base address: packages are posted to `${url}/api/exchange/inbox`. */
    url: text().notNull(),
    rootCertificate: bytea().notNull(),
    fingerprint: text().notNull(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("exchange_peer_fingerprint_uq").on(t.fingerprint)],
);

export const organisation = pgTable(
  "organisation",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    shortName: text().notNull(),
    level: orgLevel().notNull(),
    parentId: uuid().references((): AnyPgColumn => organisation.id, { onDelete: "restrict" }),
    status: orgStatus().notNull().default("active"),
    validFrom: date({ mode: "string" })
      .notNull()
      .default(sql`current_date`),
    validTo: date({ mode: "string" }),
    mergedIntoId: uuid().references((): AnyPgColumn => organisation.id, { onDelete: "restrict" }),
    /** Hosted by another deployment: it has no people here, and documents to it go by exchange. */
    peerId: uuid().references(() => exchangePeer.id, { onDelete: "restrict" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Codes are unique among open organisations; a closed or merged one keeps its code in history.
    uniqueIndex("organisation_code_open_uq")
      .on(t.code)
      .where(sql`${t.status} = 'active'`),
    // Serves the tree view: children of one parent.
    index("organisation_parent_idx").on(t.parentId),
    check(
      "organisation_code_format_ck",
      sql`${t.code} ~ '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$'`,
    ),
    check(
      "organisation_valid_range_ck",
      sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`,
    ),
    check("organisation_not_own_parent_ck", sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
  ],
);

export const unit = pgTable(
  "unit",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    name: text().notNull(),
    shortName: text().notNull(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Unit names are unique among the active units of one organisation.
    uniqueIndex("unit_org_name_active_uq")
      .on(t.organisationId, sql`lower(${t.name})`)
      .where(sql`${t.active}`),
  ],
);
