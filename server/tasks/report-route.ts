import "server-only";
import { getDb } from "@/db/client";
import { currentSession } from "../auth/auth";
import { actorOfRequest } from "../authz/request-actor";
import { contentDisposition, fileErrorResponse } from "../files/http";
import { localeFromCookieHeader } from "../i18n/locale";
import { taskReport } from "./report";
import { renderTaskReportXlsx } from "./report-xlsx";

/** GET ?from=yyyy-MM-dd&to=yyyy-MM-dd: the task report as a spreadsheet. */
export async function answerTaskReportXlsx(request: Request): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const params = new URL(request.url).searchParams;
    const report = await taskReport(db, actor, {
      from: params.get("from") ?? "",
      to: params.get("to") ?? "",
    });
    const bytes = await renderTaskReportXlsx(report, {
      locale,
      organisationName: actor.organisationName,
    });
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": contentDisposition(
          `bao-cao-cong-viec-${report.from}-${report.to}.xlsx`,
          false,
        ),
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}
