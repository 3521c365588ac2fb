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

export const orgLevel = pgEnum("org_level", ["central", "province", "district", "commune"]);
export const orgStatus = pgEnum("org_status", ["active", "closed", "merged"]);

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
