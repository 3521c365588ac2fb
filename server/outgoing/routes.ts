import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentFile } from "@/db/schema/documents";
import { currentSession } from "../auth/auth";
import { actorOfRequest } from "../authz/request-actor";
import { AppError } from "../errors";
import { contentDisposition, fileErrorResponse } from "../files/http";
import { localeFromCookieHeader } from "../i18n/locale";
import { loadVisibleDocument } from "../incoming/visibility";
import { draftPdf } from "./pdf";

/**
 * The draft as the PDF it will be signed as (its current version), for those who see the draft:
 * the same bytes the leader's signature will cover. Once signed, the signed file instead.
 */
export async function answerDraftPreview(request: Request, documentId: string): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const doc = await loadVisibleDocument(db, actor, documentId);
    if (doc.direction !== "outgoing") throw new AppError("NOT_FOUND", "errors.notFound");
    // Once signed, the document is its signed file: never a fresh layout beside it.
    const [main] = await db
      .select({ id: documentFile.id })
      .from(documentFile)
      .where(and(eq(documentFile.documentId, doc.id), eq(documentFile.kind, "main")));
    if (main) {
      return new Response(null, {
        status: 303,
        headers: {
          location: `/api/files/${main.id}?inline=1`,
          "cache-control": "private, no-store",
        },
      });
    }
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
