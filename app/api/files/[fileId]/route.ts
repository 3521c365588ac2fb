import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { currentSession } from "@/server/auth/auth";
import { loadActor } from "@/server/authz/actor";
import { AppError } from "@/server/errors";
import { findDocumentFile } from "@/server/files/download";
import { isPdfMime } from "@/server/files/file-type";
import { contentDisposition, fileErrorResponse } from "@/server/files/http";
import { getFileStore } from "@/server/files/store";
import { localeFromCookieHeader } from "@/server/i18n/locale";

export const dynamic = "force-dynamic";

/**
 * Download of a document's file, for those who may see the document (else 404). `?inline=1`
 * shows a PDF in the browser; anything else is saved. The bytes never change, so the hash is a
 * strong ETag.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ fileId: string }> },
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const session = await currentSession();
    const db = getDb();
    const actor = session ? await loadActor(db, session) : null;
    if (!actor) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
    const file = await findDocumentFile(db, actor, (await params).fileId);
    const etag = `"${file.sha256}"`;
    const headers = {
      etag,
      // Kept by the browser only, and revalidated on each use: access to a document can end.
      "cache-control": "private, no-cache",
      "x-content-type-options": "nosniff",
    };
    if (request.headers.get("if-none-match") === etag) {
      return new Response(null, { status: 304, headers });
    }
    const stream = await getFileStore().open(file.sha256);
    const inline =
      new URL(request.url).searchParams.get("inline") === "1" && isPdfMime(file.mimeType);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        ...headers,
        "content-type": file.mimeType,
        // `next start` (16.4) drops it from streamed responses; other hosts and proxies keep it.
        "content-length": String(file.size),
        "content-disposition": contentDisposition(file.fileName, inline),
      },
    });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}
