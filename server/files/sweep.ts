import { and, eq, lt, notExists, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documentFile } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import { noticeAttachment } from "@/db/schema/notices";
import { taskFile } from "@/db/schema/tasks";
import { getFileStore, type FileStore } from "./store";
import { lockBlob } from "./upload";

const BATCH = 500;

/**
 * Deletes blobs uploaded but never attached to anything (a form abandoned after its upload)
 * once they are older than the threshold: the row, then the bytes. Each blob is taken under the
 * same lock as an upload of it, and re-checked there, so a blob being uploaded again or attached
 * at that moment is kept. Runs as a scheduled job; returns how many blobs it removed.
 */
export async function sweepOrphanBlobs(
  db: Db,
  olderThanHours: number,
  options: { store?: FileStore } = {},
): Promise<number> {
  const store = options.store ?? getFileStore();
  const cutoff = sql`now() - make_interval(hours => ${olderThanHours})`;
  const orphan = (extra?: SQL) =>
    and(
      lt(fileBlob.createdAt, cutoff),
      // Every table that attaches a stored file to something: a document, a task, a notice.
      notExists(
        db
          .select({ one: sql`1` })
          .from(documentFile)
          .where(eq(documentFile.sha256, fileBlob.sha256)),
      ),
      notExists(
        db
          .select({ one: sql`1` })
          .from(taskFile)
          .where(eq(taskFile.sha256, fileBlob.sha256)),
      ),
      notExists(
        db
          .select({ one: sql`1` })
          .from(noticeAttachment)
          .where(eq(noticeAttachment.sha256, fileBlob.sha256)),
      ),
      extra,
    );
  let removed = 0;
  let after = "";
  for (;;) {
    // Keyset over the hash: each pass looks at blobs it has not yet seen.
    const candidates = await db
      .select({ sha256: fileBlob.sha256 })
      .from(fileBlob)
      .where(and(orphan(), sql`${fileBlob.sha256} > ${after}`))
      .orderBy(fileBlob.sha256)
      .limit(BATCH);
    if (candidates.length === 0) return removed;
    for (const { sha256 } of candidates) {
      if (await sweepOne(db, store, sha256, orphan(eq(fileBlob.sha256, sha256)))) removed++;
    }
    after = candidates[candidates.length - 1]!.sha256;
  }
}

async function sweepOne(
  db: Db,
  store: FileStore,
  sha256: string,
  stillOrphan: SQL | undefined,
): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      await lockBlob(tx, sha256);
      const deleted = await tx
        .delete(fileBlob)
        .where(stillOrphan)
        .returning({ sha256: fileBlob.sha256 });
      if (deleted.length === 0) return false;
      // Bytes go while the lock is held: an upload of the same bytes waits and stores them anew.
      await store.remove?.(sha256);
      return true;
    });
  } catch (error) {
    // Attached by a transaction that committed after our check: it is no orphan any more.
    const e = error as { code?: string; cause?: { code?: string } };
    if (e.code === "23503" || e.cause?.code === "23503") return false;
    throw error;
  }
}
