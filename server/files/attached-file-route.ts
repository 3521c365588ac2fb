import "server-only";
import { Readable } from "node:stream";
import { getDb, type Db } from "@/db/client";
import { currentSession } from "../auth/auth";
import type { Actor } from "../authz/actor";
import { actorOfRequest } from "../authz/request-actor";
import { localeFromCookieHeader } from "../i18n/locale";
import { isPdfMime } from "./file-type";
import { contentDisposition, fileErrorResponse } from "./http";
import { getFileStore } from "./store";

export type AttachedFile = { sha256: string; mimeType: string; size: number; fileName: string };

/**
 * GET of a file attached to a record (a task's, a notice's): `find` checks that the caller may
 * see that very record and that the file is one of its own, else NOT_FOUND. The bytes, with
 * `?inline=1` a PDF shown in the browser. Seeing a record can end (taken off a task, a notice
 * withdrawn), so the browser revalidates on each use.
 */
export async function answerAttachedFile(
  request: Request,
  find: (db: Db, actor: Actor) => Promise<AttachedFile>,
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const file = await find(db, actor);
    const stream = await getFileStore().open(file.sha256);
    const inline =
      new URL(request.url).searchParams.get("inline") === "1" && isPdfMime(file.mimeType);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        etag: `"${file.sha256}"`,
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
