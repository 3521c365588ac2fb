import "server-only";
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { fileBlob } from "@/db/schema/files";
import { noticeAttachment } from "@/db/schema/notices";
import { idField, sha256Field } from "@/lib/schemas/fields";
import { currentSession } from "../auth/auth";
import type { Actor } from "../authz/actor";
import { actorOfRequest } from "../authz/request-actor";
import { notFound } from "../errors";
import { isPdfMime } from "../files/file-type";
import { contentDisposition, fileErrorResponse } from "../files/http";
import { getFileStore } from "../files/store";
import { localeFromCookieHeader } from "../i18n/locale";
import { loadReadableNotice } from "./access";

/**
 * A file of a notice, for those who may read the notice (its recipients, its organisation's
 * office). The hash alone grants nothing: it must be one of this notice's files.
 */
export async function findNoticeFile(db: DbOrTx, actor: Actor, noticeId: string, sha256: string) {
  if (!idField.safeParse(noticeId).success || !sha256Field.safeParse(sha256).success) {
    throw notFound("file");
  }
  await loadReadableNotice(db, actor, noticeId);
  const [row] = await db
    .select({
      sha256: noticeAttachment.sha256,
      fileName: noticeAttachment.fileName,
      size: fileBlob.size,
      mimeType: fileBlob.mimeType,
    })
    .from(noticeAttachment)
    .innerJoin(fileBlob, eq(fileBlob.sha256, noticeAttachment.sha256))
    .where(and(eq(noticeAttachment.noticeId, noticeId), eq(noticeAttachment.sha256, sha256)));
  if (!row) throw notFound("file");
  return row;
}

/** GET /api/notices/<id>/files/<sha256>: the bytes, `?inline=1` shows a PDF in the browser. */
export async function answerNoticeFile(
  request: Request,
  noticeId: string,
  sha256: string,
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const file = await findNoticeFile(db, actor, noticeId, sha256);
    const stream = await getFileStore().open(file.sha256);
    const inline =
      new URL(request.url).searchParams.get("inline") === "1" && isPdfMime(file.mimeType);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        etag: `"${file.sha256}"`,
        // Access to a notice can end (withdrawn, another organisation): revalidated on each use.
        "cache-control": "private, no-cache",
        "x-content-type-options": "nosniff",
        "content-type": file.mimeType,
        "content-length": String(file.size),
        "content-disposition": contentDisposition(file.fileName, inline),
      },
    });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}
