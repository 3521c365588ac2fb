import { sql } from "drizzle-orm";
import { bigint, check, pgTable, text, timestamp } from "drizzle-orm/pg-core";

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("file_blob_sha_ck", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("file_blob_size_ck", sql`${t.size} >= 0`),
  ],
);
