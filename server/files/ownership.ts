import { and, eq, inArray, or, sql, exists } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document, documentFile } from "@/db/schema/documents";
import { fileBlob, fileUpload } from "@/db/schema/files";
import type { Actor } from "../authz/actor";
import { visibleTo } from "../incoming/visibility";

export type AttachableBlob = { sha256: string; mimeType: string; textContent: string | null };

/**
 * The blobs among `hashes` that the actor may put on a document. A hash is public (the document
 * page, the download's ETag and the history show it), so it proves nothing; a blob qualifies
 * only
 * - when the actor uploaded it, as a member of their present organisation (file_upload): they
 *   hold the bytes already, or
 * - when it is already on a document the actor may see (visibleTo, the rule of the document
 *   page and the download route): they can read the bytes there already.
 * Either way attaching shows the actor nothing they could not already read. Any other blob,
 * another organisation's or one that does not exist, is simply absent from the answer, so the
 * caller gives both the same refusal and nobody learns whether a hash is stored. The rows are
 * locked KEY SHARE so the orphan sweep cannot delete them before the caller's insert.
 */
export async function loadAttachableBlobs(
  tx: DbOrTx,
  actor: Actor,
  hashes: string[],
): Promise<Map<string, AttachableBlob>> {
  if (hashes.length === 0) return new Map();
  const uploadedByActor = exists(
    tx
      .select({ one: sql`1` })
      .from(fileUpload)
      .where(
        and(
          eq(fileUpload.sha256, fileBlob.sha256),
          eq(fileUpload.userId, actor.userId),
          eq(fileUpload.organisationId, actor.organisationId),
        ),
      ),
  );
  const onVisibleDocument = exists(
    tx
      .select({ one: sql`1` })
      .from(documentFile)
      .innerJoin(document, eq(document.id, documentFile.documentId))
      .where(and(eq(documentFile.sha256, fileBlob.sha256), visibleTo(actor))),
  );
  const rows = await tx
    .select({
      sha256: fileBlob.sha256,
      mimeType: fileBlob.mimeType,
      textContent: fileBlob.textContent,
    })
    .from(fileBlob)
    .where(
      and(inArray(fileBlob.sha256, [...new Set(hashes)]), or(uploadedByActor, onVisibleDocument)),
    )
    .for("key share", { of: fileBlob });
  return new Map(rows.map((r) => [r.sha256, r]));
}

/** Records that the actor uploaded these bytes (again): they may now attach them. */
export async function recordUpload(tx: DbOrTx, actor: Actor, sha256: string): Promise<void> {
  await tx
    .insert(fileUpload)
    .values({ sha256, userId: actor.userId, organisationId: actor.organisationId })
    .onConflictDoUpdate({
      target: [fileUpload.sha256, fileUpload.userId],
      set: { organisationId: actor.organisationId, createdAt: sql`now()` },
    });
}
