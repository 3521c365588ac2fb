import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document, documentFile } from "@/db/schema/documents";
import type { AttachedFilesInput, DocumentFileKind } from "@/lib/schemas/files";
import type { Actor } from "../authz/actor";
import { fieldError, notFound } from "../errors";
import { isPdfMime } from "./file-type";
import { loadAttachableBlobs } from "./ownership";

/**
 * Most text a document keeps for search. The search vector is recomputed on every update of the
 * document and PostgreSQL refuses a tsvector over 1 MB, which about 580,000 characters of
 * distinct words (tables of figures) reach; 300,000 characters is a hundred pages of prose.
 */
export const CONTENT_TEXT_MAX = 300_000;

export type AttachFilesInput = { documentId: string; files: AttachedFilesInput };
export type AttachedFileRow = {
  id: string;
  sha256: string;
  fileName: string;
  kind: DocumentFileKind;
  mimeType: string;
};

/**
 * Attaches uploaded blobs to a document inside the caller's transaction (reception, handling
 * notes), after the caller has checked its own permission on the document. Each blob must be
 * one the actor may attach (ownership.ts): one they uploaded or can already read; any other hash
 * is refused as missing, whether or not it is stored. The main text must be a PDF. A blob already
 * on the document is not attached twice. The PDFs' text is appended to the document's text, so
 * that search finds the document by its content.
 */
export async function attachFiles(
  tx: DbOrTx,
  actor: Actor,
  input: AttachFilesInput,
): Promise<AttachedFileRow[]> {
  if (input.files.length === 0) return [];
  const hashes = [...new Set(input.files.map((f) => f.sha256))];
  const bySha = await loadAttachableBlobs(tx, actor, hashes);
  const missing = input.files.find((f) => !bySha.has(f.sha256));
  if (missing)
    throw fieldError({ files: { key: "files.missing", params: { name: missing.fileName } } });
  const notPdf = input.files.find(
    (f) => f.kind === "main" && !isPdfMime(bySha.get(f.sha256)!.mimeType),
  );
  if (notPdf) {
    throw fieldError({ files: { key: "files.mainMustBePdf", params: { name: notPdf.fileName } } });
  }

  const [doc] = await tx
    .select({ id: document.id, contentText: document.contentText })
    .from(document)
    .where(
      and(eq(document.id, input.documentId), eq(document.organisationId, actor.organisationId)),
    )
    .for("update");
  if (!doc) throw notFound("document");

  const already = await tx
    .select({ sha256: documentFile.sha256 })
    .from(documentFile)
    .where(and(eq(documentFile.documentId, doc.id), inArray(documentFile.sha256, hashes)));
  const seen = new Set(already.map((r) => r.sha256));
  const fresh: AttachedFilesInput = [];
  for (const f of input.files) {
    if (seen.has(f.sha256)) continue;
    seen.add(f.sha256);
    fresh.push(f);
  }
  if (fresh.length === 0) return [];

  const rows = await tx
    .insert(documentFile)
    .values(
      fresh.map((f) => ({
        documentId: doc.id,
        organisationId: actor.organisationId,
        sha256: f.sha256,
        fileName: f.fileName.trim(),
        kind: f.kind,
        uploadedById: actor.userId,
      })),
    )
    .returning({
      id: documentFile.id,
      sha256: documentFile.sha256,
      fileName: documentFile.fileName,
      kind: documentFile.kind,
    });

  const texts = fresh.map((f) => bySha.get(f.sha256)!.textContent).filter((t): t is string => !!t);
  if (texts.length > 0 && (doc.contentText?.length ?? 0) < CONTENT_TEXT_MAX) {
    const contentText = [doc.contentText, ...texts]
      .filter(Boolean)
      .join("\n\n")
      .slice(0, CONTENT_TEXT_MAX);
    await tx
      .update(document)
      .set({ contentText })
      .where(and(eq(document.id, doc.id), eq(document.organisationId, actor.organisationId)));
  }
  return rows.map((r) => ({ ...r, mimeType: bySha.get(r.sha256)!.mimeType }));
}
