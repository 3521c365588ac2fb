import "server-only";
import { getDb } from "@/db/client";
import { currentSession } from "../auth/auth";
import { actorOfRequest } from "../authz/request-actor";
import { AppError } from "../errors";
import { contentDisposition, fileErrorResponse } from "../files/http";
import { localeFromCookieHeader } from "../i18n/locale";
import { loadVisibleDocument } from "../incoming/visibility";
import { draftPdf } from "./pdf";

/**
 * The draft as the PDF it will be signed as (its current version), for those who see the draft.
 * The same bytes the leader's signature will cover.
 */
export async function answerDraftPreview(request: Request, documentId: string): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const doc = await loadVisibleDocument(db, actor, documentId);
    if (doc.direction !== "outgoing") throw new AppError("NOT_FOUND", "errors.notFound");
    const { pdf } = await draftPdf(db, doc);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": contentDisposition(`du-thao-v${doc.version}.pdf`, true),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}
