import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisation, unit } from "./org";

export const role = pgEnum("role", [
  "admin",
  "clerk",
  "specialist",
  "unit_head",
  "leader",
  "deployment_admin",
]);

export const appUser = pgTable(
  "app_user",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    unitId: uuid().references(() => unit.id, { onDelete: "restrict" }),
    username: text().notNull(),
    email: text(),
    fullName: text().notNull(),
    jobTitle: text().notNull().default(""),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    // Raised whenever existing sessions must end (deactivation, password change or reset).
    sessionEpoch: integer().notNull().default(1),
    mustChangePassword: boolean().notNull().default(false),
    /** The interface language this person chose; null follows the browser. */
    locale: text(),
    lastSignInAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("app_user_username_uq").on(sql`lower(${t.username})`),
    uniqueIndex("app_user_email_uq").on(sql`lower(${t.email})`),
    // Serves the user list of an organisation.
    index("app_user_org_idx").on(t.organisationId, t.fullName),
    check("app_user_username_ck", sql`${t.username} ~ '^[a-z0-9._-]{3,40}$'`),
  ],
);

export const userRole = pgTable(
  "user_role",
  {
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    role: role().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "user_role_pk", columns: [t.userId, t.organisationId, t.role] }),
    index("user_role_org_role_idx").on(t.organisationId, t.role),
  ],
);
