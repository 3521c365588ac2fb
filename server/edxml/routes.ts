import "server-only";
import { getDb } from "@/db/client";
import { currentSession } from "../auth/auth";
import { actorOfRequest } from "../authz/request-actor";
import { contentDisposition, fileErrorResponse } from "../files/http";
import { AppError } from "../errors";
import { localeFromCookieHeader } from "../i18n/locale";
import { refusal } from "../incoming/print-download";
import { exportPackage } from "./export";
import { importPackage } from "./import";
import { EDXML_MAX_BYTES } from "./parse";

/** GET /api/documents/<id>/edxml: the issued document as a signed edXML package. */
export async function edxmlExportRoute(request: Request, documentId: string): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const { xml, fileName } = await exportPackage(db, actor, documentId);
    const body = Buffer.from(xml, "utf8");
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/xml; charset=utf-8",
        "content-length": String(body.byteLength),
        "content-disposition": contentDisposition(fileName, false),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return refusal(request, locale, error, "edxmlExport");
  }
}

/**
 * POST /api/edxml/import (the package as the body): the document arrives in the caller's
 * reception queue, or is found again if it already has. Answers {documentId, duplicate,
 * warnings, signer}; a broken package is refused with the reason.
 */
export async function edxmlImportRoute(request: Request): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const tooLarge = new AppError("VALIDATION", "edxml.tooLarge", {
      max: Math.round(EDXML_MAX_BYTES / 1024 / 1024),
    });
    if (Number(request.headers.get("content-length") ?? 0) > EDXML_MAX_BYTES) throw tooLarge;
    const body = Buffer.from(await request.arrayBuffer());
    if (body.length === 0) throw new AppError("VALIDATION", "files.empty");
    if (body.length > EDXML_MAX_BYTES) throw tooLarge;
    const result = await importPackage(db, actor, body, locale);
    return Response.json(result, { status: result.duplicate ? 200 : 201 });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}
