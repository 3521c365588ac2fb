import "server-only";
import { getDb } from "@/db/client";
import { currentSession } from "../auth/auth";
import { actorOfRequest } from "../authz/request-actor";
import { contentDisposition } from "../files/http";
import { localeFromCookieHeader } from "../i18n/locale";
import { refusal } from "../incoming/print-download";
import { exportPackage } from "./export";

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
