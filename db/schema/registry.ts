import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { registryKinds } from "@/lib/schemas/registry";
import { organisation } from "./org";

// Secret documents are numbered in their own series, incoming and outgoing apart.
export const registryKind = pgEnum("registry_kind", registryKinds);
/** A year for state bodies; a committee term for Party bodies (Guideline 36). */
export const registryPeriodKind = pgEnum("registry_period_kind", ["year", "term"]);

/** A registry book (sổ): one numbering sequence of an organisation. */
export const registry = pgTable(
  "registry",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    kind: registryKind().notNull(),
    name: text().notNull(),
    periodKind: registryPeriodKind().notNull().default("year"),
    /** For term registries: the first year of the current term and its length in years. */
    termStartYear: integer(),
    termYears: integer(),
    /** The default registry of its kind, used when the clerk does not choose. */
    isDefault: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("registry_org_name_uq").on(t.organisationId, sql`lower(${t.name})`),
    // At most one default registry per kind in an organisation.
    uniqueIndex("registry_default_uq")
      .on(t.organisationId, t.kind)
      .where(sql`${t.isDefault}`),
    check(
      "registry_term_ck",
      sql`${t.periodKind} = 'year' OR (${t.termStartYear} IS NOT NULL AND ${t.termYears} BETWEEN 1 AND 10)`,
    ),
  ],
);

/**
 * The counter of one registry in one period ("2026", or "2025-2030" for a term). Created on the
 * first number of the period, so a new year's registry opens by itself; incremented in the
 * transaction that uses the number, so numbers have no gaps and no duplicates.
 */
export const registryPeriod = pgTable(
  "registry_period",
  {
    registryId: uuid()
      .notNull()
      .references(() => registry.id, { onDelete: "restrict" }),
    period: text().notNull(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    lastNumber: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "registry_period_pk", columns: [t.registryId, t.period] }),
    check("registry_period_last_ck", sql`${t.lastNumber} >= 0`),
  ],
);
