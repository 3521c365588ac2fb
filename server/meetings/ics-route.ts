import "server-only";
// The download of a meeting's invitation file (app/api/meetings/[id]/ics): for whoever may see
// the meeting; anyone else, and another organisation, is answered 404 as for a meeting that
// does not exist.
import type { Db } from "@/db/client";
import { isUuid } from "@/lib/schemas/fields";
import { actorOfRequest } from "../authz/request-actor";
import { AppError } from "../errors";
import { contentDisposition, fileErrorResponse } from "../files/http";
import { localeFromCookieHeader } from "../i18n/locale";
import { meetingIcs } from "./ics";

export async function answerMeetingIcs(
  db: Db,
  session: { userId: string; sessionEpoch: number } | null,
  request: Request,
  id: string,
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const actor = await actorOfRequest(db, session);
    if (!isUuid(id)) throw new AppError("NOT_FOUND", "errors.notFound", { what: "meeting" });
    const { filename, content } = await meetingIcs(db, actor, id, new URL(request.url).origin);
    return new Response(content, {
      headers: {
        "content-type": "text/calendar; charset=utf-8; method=REQUEST",
        "content-disposition": contentDisposition(filename, false),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}
