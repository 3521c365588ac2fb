import "server-only";
import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { currentSession } from "../auth/auth";
import { actorOfRequest } from "../authz/request-actor";
import { isPdfMime } from "../files/file-type";
import { contentDisposition, fileErrorResponse } from "../files/http";
import { getFileStore } from "../files/store";
import { localeFromCookieHeader } from "../i18n/locale";
import { findTaskFile } from "./files";

/** GET /api/tasks/<id>/files/<sha256>: the bytes, `?inline=1` shows a PDF in the browser. */
export async function answerTaskFile(
  request: Request,
  taskId: string,
  sha256: string,
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const file = await findTaskFile(db, actor, taskId, sha256);
    const stream = await getFileStore().open(file.sha256);
    const inline =
      new URL(request.url).searchParams.get("inline") === "1" && isPdfMime(file.mimeType);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        etag: `"${file.sha256}"`,
        // Seeing a task can end (taken off it, moved to another unit): revalidated on each use.
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
