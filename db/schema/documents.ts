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
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { confidentialities, documentTypeKeys, receptionChannels, urgencies } from "@/lib/documents";
import { documentStatuses } from "@/lib/schemas/search";
import { fileBlob } from "./files";
import { organisation } from "./org";
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
