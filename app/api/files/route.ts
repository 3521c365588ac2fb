import { getDb } from "@/db/client";
import { currentSession } from "@/server/auth/auth";
import { loadActor } from "@/server/authz/actor";
import { AppError } from "@/server/errors";
import { fileErrorResponse } from "@/server/files/http";
import { receiveUpload, tooLarge, uploadLimitBytes } from "@/server/files/upload";
import { localeFromCookieHeader } from "@/server/i18n/locale";

export const dynamic = "force-dynamic";

/**
 * Upload: the raw file is the body (streamed, never buffered), its name in `x-file-name`
 * (URL-encoded), its type in `content-type`. Answers `{ sha256, size, mimeType, pageCount,
 * fileName }`, to be attached to a document by a later call.
 */
export async function POST(request: Request): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const session = await currentSession();
    const db = getDb();
    const actor = session ? await loadActor(db, session) : null;
    if (!actor) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
    const maxBytes = uploadLimitBytes();
    // Refused before a byte is read when the client says how big the file is.
    if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
    if (!request.body) throw new AppError("VALIDATION", "files.empty");
    const uploaded = await receiveUpload(
      db,
      actor,
      {
        stream: request.body,
        fileName: decodeFileName(request.headers.get("x-file-name")),
        declaredType: request.headers.get("content-type"),
      },
      { maxBytes },
    );
    return Response.json(uploaded, { status: 201 });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}

function decodeFileName(header: string | null): string {
  try {
    return decodeURIComponent(header ?? "");
  } catch {
    throw new AppError("VALIDATION", "files.nameInvalid");
  }
}
