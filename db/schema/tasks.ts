import { sql, type SQL } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { document } from "./documents";
import { fileBlob } from "./files";
import { organisation, unit } from "./org";
import { appUser } from "./users";

export const taskStatuses = ["new", "in_progress", "done", "cancelled"] as const;
export const taskPriorities = ["low", "normal", "high", "urgent"] as const;
export const taskStatus = pgEnum("task_status", taskStatuses);
export const taskPriority = pgEnum("task_priority", taskPriorities);
export const taskRole = pgEnum("task_role", ["lead", "co", "watcher"]);
export const taskDecision = pgEnum("task_decision", ["pending", "approved", "returned", "lapsed"]);

/**
 * A task (giao việc): given by an assigner to a lead person, or to a unit whose head then hands
 * it to one of its people, with co-assignees and watchers (task_participant). Whether it is
 * overdue is derived from the deadline and the status, never stored.
 */
export const task = pgTable(
  "task",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    title: text().notNull(),
    /** Tiptap JSON, and its plain text for search and lists. */
    description: jsonb().$type<Record<string, unknown>>(),
    descriptionText: text().notNull().default(""),
    assignerId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    /** Set when the task was given to a unit; its head then names the lead person. */
    leadUnitId: uuid().references(() => unit.id, { onDelete: "restrict" }),
    leadUserId: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    /** The unit that answers for the task: the unit given it, or the lead person's unit. */
    unitId: uuid().references(() => unit.id, { onDelete: "restrict" }),
    startDate: date({ mode: "string" }).notNull(),
    deadline: date({ mode: "string" }).notNull(),
    priority: taskPriority().notNull().default("normal"),
    status: taskStatus().notNull().default("new"),
    progress: integer().notNull().default(0),
    parentId: uuid().references((): AnyPgColumn => task.id, { onDelete: "restrict" }),
    completedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Title and text without diacritics, lower case: "quyet dinh" finds "Quyết định". */
    searchText: text().generatedAlwaysAs(
      (): SQL => sql`f_unaccent(lower(${task.title} || ' ' || ${task.descriptionText}))`,
    ),
  },
  (t) => [
    check("task_deadline_ck", sql`${t.deadline} >= ${t.startDate}`),
    check("task_progress_ck", sql`${t.progress} between 0 and 100`),
    check("task_lead_ck", sql`num_nonnulls(${t.leadUnitId}, ${t.leadUserId}) >= 1`),
    check("task_title_ck", sql`length(${t.title}) between 1 and 500`),
    check("task_not_own_parent_ck", sql`${t.parentId} is distinct from ${t.id}`),
    check("task_done_ck", sql`(${t.status} = 'done') = (${t.completedAt} is not null)`),
    // "Tasks I assigned": the assigner's tasks by status and deadline.
    index("task_assigner_idx").on(t.assignerId, t.status, t.deadline, t.id),
    // "My unit's tasks" and the report per unit.
    index("task_unit_idx").on(t.organisationId, t.unitId, t.status, t.deadline, t.id),
    // The report per organisation over a date range.
    index("task_org_deadline_idx").on(t.organisationId, t.deadline),
    index("task_parent_idx")
      .on(t.parentId)
      .where(sql`${t.parentId} IS NOT NULL`),
  ],
);

/** The people on a task: its lead, co-assignees and watchers, each once. */
export const taskParticipant = pgTable(
  "task_participant",
  {
    taskId: uuid()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    role: taskRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "task_participant_pk", columns: [t.taskId, t.userId] }),
    // "My tasks": a person's tasks as lead or co-assignee (bench my-tasks).
    index("task_participant_user_idx").on(t.userId, t.role, t.taskId),
  ],
);

/** Documents a task is about; a task created from a direction links its incoming document. */
export const taskDocument = pgTable(
  "task_document",
  {
    taskId: uuid()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    /** Created from the leader's direction on this document. */
    fromDirection: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "task_document_pk", columns: [t.taskId, t.documentId] }),
    // A document page's tasks.
    index("task_document_document_idx").on(t.documentId),
  ],
);

/** Files on a task: uploaded blobs, attached by members of the organisation that holds them. */
export const taskFile = pgTable(
  "task_file",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    sha256: text()
      .notNull()
      .references(() => fileBlob.sha256, { onDelete: "restrict" }),
    fileName: text().notNull(),
    uploadedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("task_file_task_sha_uq").on(t.taskId, t.sha256),
    // The orphan sweep asks whether a blob is on any task.
    index("task_file_sha_idx").on(t.sha256),
  ],
);

/** A progress report (percent and note) the assigner approves or sends back with a reason. */
export const taskReport = pgTable(
  "task_report",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    authorId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    percent: integer().notNull(),
    note: text().notNull(),
    status: taskDecision().notNull().default("pending"),
    decidedById: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("task_report_percent_ck", sql`${t.percent} between 0 and 100`),
    index("task_report_task_idx").on(t.taskId, t.createdAt),
    // One report waits for a decision at a time.
    uniqueIndex("task_report_pending_uq")
      .on(t.taskId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** A request to move the deadline, which the assigner approves or refuses. */
export const taskExtension = pgTable(
  "task_extension",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    requestedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    previousDeadline: date({ mode: "string" }).notNull(),
    requestedDeadline: date({ mode: "string" }).notNull(),
    reason: text().notNull(),
    status: taskDecision().notNull().default("pending"),
    decidedById: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("task_extension_later_ck", sql`${t.requestedDeadline} > ${t.previousDeadline}`),
    index("task_extension_task_idx").on(t.taskId, t.createdAt),
    uniqueIndex("task_extension_pending_uq")
      .on(t.taskId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Comments on a task; the colleagues @mentioned are notified. */
export const taskComment = pgTable(
  "task_comment",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    authorId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    body: text().notNull(),
    mentions: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("task_comment_task_idx").on(t.taskId, t.createdAt)],
);

/** The task's history: every step, with who took it and what changed. */
export const taskEvent = pgTable(
  "task_event",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    taskId: uuid()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    actorId: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    actorName: text(),
    action: text().notNull(),
    fromStatus: taskStatus(),
    toStatus: taskStatus(),
    note: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("task_event_task_idx").on(t.taskId, t.id)],
);
