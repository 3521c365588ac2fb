import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { documentFile } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import { appUser } from "@/db/schema/users";

/**
 * A document's files as its page lists them, oldest first: name, kind, size, pages, the
 * signatures found on it, who added it. The caller has checked that the actor sees the document.
 */
export function documentFilesOf(db: DbOrTx, documentId: string) {
  return db
    .select({
      id: documentFile.id,
      fileName: documentFile.fileName,
      kind: documentFile.kind,
      sha256: documentFile.sha256,
      size: fileBlob.size,
      mimeType: fileBlob.mimeType,
      pageCount: fileBlob.pageCount,
      signatures: fileBlob.signatureCheck,
      uploadedBy: appUser.fullName,
      createdAt: documentFile.createdAt,
    })
    .from(documentFile)
    .innerJoin(fileBlob, eq(fileBlob.sha256, documentFile.sha256))
    .innerJoin(appUser, eq(appUser.id, documentFile.uploadedById))
    .where(eq(documentFile.documentId, documentId))
    .orderBy(asc(documentFile.createdAt), asc(documentFile.id));
}
