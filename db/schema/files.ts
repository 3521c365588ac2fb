import type { SignatureCheck } from "@/lib/signature-check";
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisation } from "./org";
import { appUser } from "./users";

/**
 * Immutable content, addressed by its SHA-256. The bytes live in the file store (disk today,
 * object storage later) under the same hash; a row exists only once the bytes are stored.
 */
export const fileBlob = pgTable(
  "file_blob",
  {
    sha256: text().primaryKey(),
    size: bigint({ mode: "number" }).notNull(),
    mimeType: text().notNull(),
    /** Text layer of a PDF, extracted once for search. */
    textContent: text(),
    pageCount: bigint({ mode: "number" }),
    /** Our verifier's report on a signed PDF, made when the bytes first arrive. */
    signatureCheck: jsonb().$type<SignatureCheck>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("file_blob_sha_ck", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("file_blob_size_ck", sql`${t.size} >= 0`),
  ],
);

/**
 * Who uploaded a blob. Bytes are shared by everyone who uploads them, so a hash names content,
 * not a right to it: a blob may be attached to a document only by a person of the organisation
 * who uploaded it (server/files/ownership.ts), or when it is already on a document that person
 * may see. Uploading the same bytes again renews the person's row.
 */
export const fileUpload = pgTable(
  "file_upload",
  {
    sha256: text()
      .notNull()
      .references(() => fileBlob.sha256, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Attaching asks (hash, person): the key answers it.
    primaryKey({ name: "file_upload_pk", columns: [t.sha256, t.userId] }),
    index("file_upload_user_idx").on(t.userId),
  ],
);
