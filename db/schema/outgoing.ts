import { sql } from "drizzle-orm";
import {
  boolean,
  check,
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
} from "drizzle-orm/pg-core";
import type { DraftFields, DraftRecipient, RouteTemplateStep } from "@/lib/outgoing";
import { signingAuthorities } from "@/lib/outgoing";
import { document } from "./documents";
import { organisation, unit } from "./org";
import { appUser } from "./users";

export const signingAuthority = pgEnum("signing_authority", signingAuthorities);

/**
 * What an outgoing document is while it is written: the body as tiptap JSON (with its text for
 * search and comparison) and the Decree 30 fields the `document` row has no column for. One row
 * per outgoing document; `document` keeps the type, subject, urgency and confidentiality.
 */
export const outgoingDraft = pgTable(
  "outgoing_draft",
  {
    documentId: uuid()
      .primaryKey()
      .references(() => document.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    bodyText: text().notNull().default(""),
    /** The unit that drafted it: the part after the hyphen of a công văn's notation (UBND-VP). */
    draftingUnitId: uuid().references(() => unit.id, { onDelete: "restrict" }),
    recipients: jsonb().$type<DraftRecipient[]>().notNull().default([]),
    /** The "Nơi nhận" lines as printed, the last being "- Lưu: VT, <unit>." */
    copiesTo: jsonb().$type<string[]>().notNull().default([]),
    signerId: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    signingAuthority: signingAuthority().notNull().default("none"),
    /** The lines above the signature: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH". */
    signerTitle: text(),
    /** The incoming document this one answers. */
    answersDocumentId: uuid().references(() => document.id, { onDelete: "set null" }),
    /** The number of the latest saved version. */
    currentVersion: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outgoing_draft_answers_idx").on(t.answersDocumentId)],
);

/** Every saved version of a draft, whole, so two can be compared and comments keep their context. */
export const draftVersion = pgTable(
  "draft_version",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    number: integer().notNull(),
    fields: jsonb().$type<DraftFields>().notNull(),
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    bodyText: text().notNull().default(""),
    createdById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("draft_version_number_uq").on(t.documentId, t.number)],
);

/** A remark on a draft, kept with the version it was made on. */
export const draftComment = pgTable(
  "draft_comment",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    versionNumber: integer().notNull(),
    authorId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    authorName: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("draft_comment_document_idx").on(t.documentId, t.createdAt),
    check("draft_comment_body_ck", sql`length(${t.body}) BETWEEN 1 AND 4000`),
  ],
);

export const approvalStepKind = pgEnum("approval_step_kind", ["review", "format_check", "sign"]);
export const approvalRule = pgEnum("approval_rule", ["all", "any"]);
export const approvalStepStatus = pgEnum("approval_step_status", [
  "waiting",
  "active",
  "approved",
  "returned",
  "refused",
]);
export const approvalDecision = pgEnum("approval_decision", [
  "pending",
  "approved",
  "returned",
  "refused",
]);

/**
 * One step of a draft's approval route, in order: the unit head's review mark (ký nháy), the
 * clerk's format check, the competent leader's signature. Exactly one step is active while the
 * draft is on its route.
 */
export const approvalStep = pgTable(
  "approval_step",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    position: integer().notNull(),
    kind: approvalStepKind().notNull(),
    rule: approvalRule().notNull().default("all"),
    status: approvalStepStatus().notNull().default("waiting"),
    /** The draft version the step is deciding on; a new version restarts an active step. */
    versionNumber: integer(),
    startedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("approval_step_position_uq").on(t.documentId, t.position),
    // At most one active step per draft, whatever two people do at once.
    uniqueIndex("approval_step_active_uq")
      .on(t.documentId)
      .where(sql`${t.status} = 'active'`),
    check("approval_step_position_ck", sql`${t.position} BETWEEN 1 AND 20`),
  ],
);

/** Who decides at a step, and what they decided, on which version, with what comment. */
export const approvalMember = pgTable(
  "approval_member",
  {
    stepId: uuid()
      .notNull()
      .references(() => approvalStep.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    decision: approvalDecision().notNull().default("pending"),
    comment: text(),
    versionNumber: integer(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "approval_member_pk", columns: [t.stepId, t.userId] }),
    index("approval_member_document_idx").on(t.documentId),
  ],
);

/**
 * A route the organisation uses often, to start a draft's route from. Its steps may name
 * people or roles (lib/outgoing.ts); names are unique among the organisation's templates in use.
 */
export const routeTemplate = pgTable(
  "route_template",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    name: text().notNull(),
    steps: jsonb().$type<RouteTemplateStep[]>().notNull(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the list of templates in use, by name, and keeps their names apart.
    uniqueIndex("route_template_org_name_active_uq")
      .on(t.organisationId, sql`lower(${t.name})`)
      .where(sql`${t.active}`),
    check(
      "route_template_steps_ck",
      sql`CASE WHEN jsonb_typeof(${t.steps}) = 'array' THEN jsonb_array_length(${t.steps}) BETWEEN 1 AND 10 ELSE false END`,
    ),
  ],
);
