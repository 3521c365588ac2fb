// Handling an incoming document: who takes which part of it, and the extensions they ask for.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { document } from "./documents";
import { organisation, unit } from "./org";
import { appUser } from "./users";

export const assignmentRole = pgEnum("assignment_role", ["lead", "co", "info"]);
export const assignmentStatus = pgEnum("assignment_status", [
  "pending",
  "in_progress",
  // The handler's result waits for the one who assigned the part to accept it or send it back.
  "submitted",
  // Accepted (or, for a part its assigner handled, finished).
  "completed",
  "returned",
  "read",
  "withdrawn",
  // Still open when the lead completed the document: closed with it, without a result of its own.
  "closed",
]);

/**
 * Who handles an incoming document: the lead (chủ trì), co-handlers (phối hợp) and
 * for-information recipients (nhận để biết), each a unit or a person, each with a deadline.
 * A unit head passing the unit's part to a specialist creates a child assignment.
 */
export const assignment = pgTable(
  "assignment",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    role: assignmentRole().notNull(),
    unitId: uuid().references(() => unit.id, { onDelete: "restrict" }),
    userId: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    parentId: uuid().references((): AnyPgColumn => assignment.id, { onDelete: "cascade" }),
    assignedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    deadline: date({ mode: "string" }),
    status: assignmentStatus().notNull().default("pending"),
    result: text(),
    submittedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("assignment_document_idx").on(t.documentId),
    // Deadline reminders: open assignments by deadline.
    index("assignment_open_deadline_idx")
      .on(t.deadline)
      .where(sql`${t.status} IN ('pending', 'in_progress') AND ${t.deadline} IS NOT NULL`),
    check("assignment_target_ck", sql`num_nonnulls(${t.unitId}, ${t.userId}) = 1`),
  ],
);

export const extensionStatus = pgEnum("extension_status", [
  "pending",
  "approved",
  "refused",
  // Undecided when its part stopped being open (completed, returned, closed, replaced).
  "lapsed",
]);

export const extensionRequest = pgTable(
  "extension_request",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    assignmentId: uuid()
      .notNull()
      .references(() => assignment.id, { onDelete: "cascade" }),
    requestedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    currentDeadline: date({ mode: "string" }),
    requestedDeadline: date({ mode: "string" }).notNull(),
    reason: text().notNull(),
    status: extensionStatus().notNull().default("pending"),
    decidedById: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("extension_request_document_idx").on(t.documentId),
    // One open request per assignment.
    uniqueIndex("extension_request_open_uq")
      .on(t.assignmentId)
      .where(sql`${t.status} = 'pending'`),
  ],
);
