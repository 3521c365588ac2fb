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
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { noticeAudienceKinds, noticeStatuses } from "@/lib/notices";
import { fileBlob } from "./files";
import { organisation } from "./org";
import { appUser } from "./users";

export const noticeStatus = pgEnum("notice_status", noticeStatuses);
export const noticeAudienceKind = pgEnum("notice_audience_kind", noticeAudienceKinds);

/**
 * An internal notice (thông báo nội bộ) of an organisation's office to its staff. The audience
 * is kept as it was defined (whole organisation, units, people); the people it reached are
 * resolved once, at publication, into notice_recipient, so later staff changes never rewrite
 * who received it.
 */
export const notice = pgTable(
  "notice",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    publisherId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    title: text().notNull(),
    /** tiptap JSON, as the editor gives it; `bodyText` is its plain text for lists and search. */
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    bodyText: text().notNull().default(""),
    audienceKind: noticeAudienceKind().notNull(),
    audienceUnitIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    audienceUserIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    requiresConfirmation: boolean().notNull().default(false),
    status: noticeStatus().notNull().default("draft"),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The office's list of the organisation's notices, newest first.
    index("notice_org_idx").on(t.organisationId, t.createdAt.desc()),
    check("notice_title_ck", sql`length(${t.title}) BETWEEN 1 AND 300`),
    check(
      "notice_audience_ck",
      sql`(${t.audienceKind} = 'organisation' AND cardinality(${t.audienceUnitIds}) = 0 AND cardinality(${t.audienceUserIds}) = 0)
        OR (${t.audienceKind} = 'units' AND cardinality(${t.audienceUnitIds}) BETWEEN 1 AND 200 AND cardinality(${t.audienceUserIds}) = 0)
        OR (${t.audienceKind} = 'people' AND cardinality(${t.audienceUserIds}) BETWEEN 1 AND 2000 AND cardinality(${t.audienceUnitIds}) = 0)`,
    ),
    check("notice_published_ck", sql`(${t.status} = 'draft') = (${t.publishedAt} IS NULL)`),
  ],
);

/** The files of a notice: blobs of the file store, named as the publisher attached them. */
export const noticeAttachment = pgTable(
  "notice_attachment",
  {
    noticeId: uuid()
      .notNull()
      .references(() => notice.id, { onDelete: "cascade" }),
    // Restrict: the orphan sweep keeps a blob a notice still holds.
    sha256: text()
      .notNull()
      .references(() => fileBlob.sha256, { onDelete: "restrict" }),
    fileName: text().notNull(),
    position: smallint().notNull(),
  },
  (t) => [
    primaryKey({ name: "notice_attachment_pk", columns: [t.noticeId, t.sha256] }),
    index("notice_attachment_sha_idx").on(t.sha256),
    check("notice_attachment_name_ck", sql`length(${t.fileName}) BETWEEN 1 AND 255`),
  ],
);

/** One row per person a published notice reached: when they opened, confirmed, were reminded. */
export const noticeRecipient = pgTable(
  "notice_recipient",
  {
    noticeId: uuid()
      .notNull()
      .references(() => notice.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    readAt: timestamp({ withTimezone: true }),
    confirmedAt: timestamp({ withTimezone: true }),
    remindedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "notice_recipient_pk", columns: [t.noticeId, t.userId] }),
    // "My notices": the person's rows, unread ones first.
    index("notice_recipient_user_idx").on(t.userId, t.readAt),
    check("notice_recipient_confirm_ck", sql`${t.confirmedAt} IS NULL OR ${t.readAt} IS NOT NULL`),
  ],
);
