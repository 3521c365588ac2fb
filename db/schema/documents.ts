import { sql, type SQL } from "drizzle-orm";
import {
  bigserial,
  check,
  customType,
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
import { confidentialities, documentTypeKeys, receptionChannels, urgencies } from "@/lib/documents";
import { documentStatuses } from "@/lib/schemas/search";
import { fileBlob } from "./files";
import { organisation, unit } from "./org";
import { registry } from "./registry";
import { appUser } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const documentDirection = pgEnum("document_direction", ["incoming", "outgoing", "internal"]);
// Incoming statuses, then outgoing ones: draft, on its approval route, sent back to its drafter,
// signed, issued (numbered, sealed), or refused on the way.
export const documentStatus = pgEnum("document_status", documentStatuses);
export const documentType = pgEnum("document_type", documentTypeKeys);
export const urgency = pgEnum("urgency", urgencies);
export const confidentiality = pgEnum("confidentiality", confidentialities);
export const receptionChannel = pgEnum("reception_channel", receptionChannels);

export const document = pgTable(
  "document",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The organisation that holds this copy of the document. */
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    direction: documentDirection().notNull(),
    status: documentStatus().notNull(),
    registryId: uuid().references(() => registry.id, { onDelete: "restrict" }),
    registryPeriod: text(),
    registryNumber: integer(),
    registeredAt: timestamp({ withTimezone: true }),
    arrivalDate: date({ mode: "string" }),
    codeNumber: text(),
    codeNotation: text(),
    documentType: documentType().notNull(),
    subject: text().notNull(),
    documentDate: date({ mode: "string" }),
    issuerOrganisationId: uuid().references(() => organisation.id, { onDelete: "restrict" }),
    issuerName: text().notNull(),
    issuerCode: text(),
    signerName: text(),
    urgency: urgency().notNull().default("normal"),
    confidentiality: confidentiality().notNull().default("normal"),
    pageCount: integer(),
    /** The deadline the issuer set (hạn theo văn bản), typed at reception; never moved by the office. */
    issuerDeadline: date({ mode: "string" }),
    /** The internal deadline: the issuer's until the leader sets the lead part's own. */
    deadline: date({ mode: "string" }),
    receivedVia: receptionChannel().notNull().default("paper"),
    notes: text(),
    /** Text layers of the document's PDFs, kept here for search. */
    contentText: text(),
    presentedToId: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    presentedAt: timestamp({ withTimezone: true }),
    result: text(),
    completedAt: timestamp({ withTimezone: true }),
    replyDocumentId: uuid().references((): AnyPgColumn => document.id, { onDelete: "set null" }),
    /** On a document that arrived: the sender's own document it answers (edXML ResponseFor). */
    respondsToDocumentId: uuid().references((): AnyPgColumn => document.id, {
      onDelete: "set null",
    }),
    /**
     * The document this one replaces (edXML BussinessDocType 3): at the sender, its own earlier
     * document; at a recipient, its copy of that earlier document.
     */
    replacesDocumentId: uuid().references((): AnyPgColumn => document.id, {
      onDelete: "set null",
    }),
    createdById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
    // Lower-cased, without diacritics, and with the joiners of numbers and notations ("15/QĐ-UBND",
    // "36-HD/VPTW", "1.500") turned into spaces: the parser then sees the same words that
    // searchTsQuery (server/search/documents.ts) makes of a typed query, so "15/QĐ-UBND" matches
    // as the phrase 15 <-> qd <-> ubnd.
    searchVector: tsvector().generatedAlwaysAs(
      (): SQL => sql`to_tsvector('simple', translate(f_unaccent(lower(
        coalesce(${document.subject}, '') || ' ' ||
        coalesce(${document.codeNumber}, '') || ' ' ||
        coalesce(${document.codeNotation}, '') || ' ' ||
        coalesce(${document.issuerName}, '') || ' ' ||
        coalesce(${document.signerName}, '') || ' ' ||
        coalesce(${document.contentText}, ''))), '/-.@_', '     '))`,
    ),
  },
  (t) => [
    // Decree 30: one number per registry and period, enforced by the database.
    uniqueIndex("document_registry_number_uq")
      .on(t.registryId, t.registryPeriod, t.registryNumber)
      .where(sql`${t.registryNumber} IS NOT NULL`),
    // Clerk boxes (to register, returned) and the registry book by arrival date.
    index("document_org_status_idx").on(t.organisationId, t.status, t.registeredAt),
    index("document_org_arrival_idx").on(
      t.organisationId,
      t.direction,
      t.arrivalDate,
      t.registryNumber,
    ),
    // The answers a sender received to one of its documents.
    index("document_responds_to_idx")
      .on(t.respondsToDocumentId)
      .where(sql`${t.respondsToDocumentId} IS NOT NULL`),
    // "Replaced by": the document that replaces this one.
    index("document_replaces_idx")
      .on(t.replacesDocumentId)
      .where(sql`${t.replacesDocumentId} IS NOT NULL`),
    // The reply of an incoming document; also what removing a document clears (on delete set
    // null), which without it reads every document for each one removed.
    index("document_reply_idx")
      .on(t.replyDocumentId)
      .where(sql`${t.replyDocumentId} IS NOT NULL`),
    // Possible duplicates: same number and notation from the same issuer.
    index("document_org_code_idx").on(
      t.organisationId,
      sql`lower(${t.codeNotation})`,
      t.codeNumber,
    ),
    // Full-text search without diacritics, within one organisation (btree_gin puts the
    // organisation in the same index, so a rare word is found without reading the
    // organisation's other documents).
    index("document_org_search_idx").using("gin", t.organisationId, t.searchVector),
    // Search results and their keyset: newest arrival first, unregistered documents (no arrival
    // date or number yet) before all others; the expressions make the key total and NULL-free.
    index("document_org_search_order_idx").on(
      t.organisationId,
      t.direction,
      sql`coalesce(${t.arrivalDate}, 'infinity'::date)`,
      sql`coalesce(${t.registryNumber}, 2147483647)`,
      t.id,
    ),
    check(
      "document_registry_ck",
      sql`(${t.registryNumber} IS NULL) = (${t.registryId} IS NULL) AND (${t.registryNumber} IS NULL) = (${t.registryPeriod} IS NULL)`,
    ),
    check("document_subject_ck", sql`length(${t.subject}) BETWEEN 1 AND 2000`),
    check(
      "document_page_count_ck",
      sql`${t.pageCount} IS NULL OR ${t.pageCount} BETWEEN 1 AND 100000`,
    ),
  ],
);

export const documentFileKind = pgEnum("document_file_kind", [
  "main",
  "attachment",
  "progress",
  // Filed with a handler's result, for the one who reviews it.
  "result",
]);

/** A file of a document: an immutable blob with the name it was uploaded under. */
export const documentFile = pgTable(
  "document_file",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    sha256: text()
      .notNull()
      .references(() => fileBlob.sha256, { onDelete: "restrict" }),
    fileName: text().notNull(),
    kind: documentFileKind().notNull(),
    uploadedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("document_file_document_idx").on(t.documentId, t.createdAt),
    // Whether a blob is on a document: attaching it again by hash, and the orphan sweep.
    index("document_file_sha_idx").on(t.sha256),
  ],
);

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

/** The document's history: every registration, direction, assignment, note and status change. */
export const documentEvent = pgTable(
  "document_event",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    actorId: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    actorName: text(),
    action: text().notNull(),
    fromStatus: documentStatus(),
    toStatus: documentStatus(),
    note: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("document_event_document_idx").on(t.documentId, t.id)],
);

export const participantKind = pgEnum("participant_kind", [
  "registrar",
  "presented",
  "director",
  "lead",
  "co",
  "info",
  "unit_head",
  "granted",
  // Reviews the results of the parts they assigned.
  "reviewer",
  // Directs for an absent leader (ủy quyền) the documents presented to them.
  "delegate",
  // Outgoing: who wrote the draft, who decides at a step of its route, and the clerks who number,
  // seal and issue it; after issue, the units and people it is distributed to inside.
  "drafter",
  "approver",
  "issuing_clerk",
  "distributed",
]);
export const inboxBox = pgEnum("inbox_box", [
  "to_direct",
  "to_handle",
  "to_review",
  "handled",
  "info_unread",
  "info_read",
  "none",
  // Outgoing: my drafts being written, drafts sent back to me, drafts waiting for my review mark or
  // format check, for my signature, and signed documents waiting for the clerk to issue.
  "drafting",
  "draft_returned",
  "draft_review",
  "to_sign",
  "to_issue",
]);

/**
 * Who has a role on a document, and in which of their boxes it sits. Written by the workflow in
 * the same transaction as the state change; it is both the visibility rule (a person sees a
 * document they take part in) and each person's inbox, ordered by urgency then deadline.
 */
export const documentParticipant = pgTable(
  "document_participant",
  {
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    kind: participantKind().notNull(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    assignmentId: uuid().references(() => assignment.id, { onDelete: "cascade" }),
    box: inboxBox().notNull(),
    urgency: urgency().notNull(),
    /** 'infinity' when there is none, so that keyset ordering needs no NULL handling. */
    deadline: date({ mode: "string" }).notNull().default("infinity"),
    /** Set while the person's part was returned to them or by them. */
    returned: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "document_participant_pk", columns: [t.documentId, t.userId, t.kind] }),
    // Serves every personal inbox: one user's box, most urgent first, then nearest deadline.
    // The organisation and the returned flag ride along so that the home page counters
    // (server/inbox/counters.ts) are an index-only scan, even for a leader with 15,000 unread
    // copies for information.
    index("document_participant_inbox_idx").on(
      t.userId,
      t.box,
      t.urgency.desc(),
      t.deadline,
      t.documentId,
      t.organisationId,
      t.returned,
    ),
  ],
);
