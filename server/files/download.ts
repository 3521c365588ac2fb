import type { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { documentFile } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import { assertCan, type Actor } from "../authz/actor";
import { notFound } from "../errors";
import { loadVisibleDocument } from "../incoming/visibility";
import { getFileStore, type FileStore } from "./store";

export type DocumentFileMeta = {
  id: string;
  documentId: string;
  fileName: string;
  sha256: string;
  size: number;
  mimeType: string;
};

/**
 * A file of a document the actor may see. Another organisation's file, a file of a document the
 * actor takes no part in, and a missing id all look the same: NOT_FOUND.
 */
export async function findDocumentFile(
  db: DbOrTx,
  actor: Actor,
  fileId: string,
): Promise<DocumentFileMeta> {
  assertCan(actor, "incoming.read");
  if (!z.uuid().safeParse(fileId).success) throw notFound("file");
  const [row] = await db
    .select({
      id: documentFile.id,
      documentId: documentFile.documentId,
      fileName: documentFile.fileName,
      sha256: documentFile.sha256,
      size: fileBlob.size,
      mimeType: fileBlob.mimeType,
    })
    .from(documentFile)
    .innerJoin(fileBlob, eq(fileBlob.sha256, documentFile.sha256))
    .where(and(eq(documentFile.id, fileId), eq(documentFile.organisationId, actor.organisationId)))
    .limit(1);
  if (!row) throw notFound("file");
  await loadVisibleDocument(db, actor, row.documentId);
  return row;
}

/** The file's facts and its bytes, for the download route. */
export async function openDocumentFile(
  db: DbOrTx,
  actor: Actor,
  fileId: string,
  options: { store?: FileStore } = {},
): Promise<DocumentFileMeta & { stream: Readable }> {
  const file = await findDocumentFile(db, actor, fileId);
  const stream = await (options.store ?? getFileStore()).open(file.sha256);
  return { ...file, stream };
}
