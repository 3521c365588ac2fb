// Answers GET /api/schedule/<sheet id>/pdf: the sheet as printed, for whoever may see it.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisation } from "@/db/schema/org";
import { isUuid } from "@/lib/schemas/fields";
import { assertCan } from "../authz/actor";
import { actorOfRequest } from "../authz/request-actor";
import { notFound } from "../errors";
import { contentDisposition, fileErrorResponse } from "../files/http";
import { localeFromCookieHeader } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { loadVisibleSheet } from "./access";
import { renderSchedulePdf } from "./pdf";
import { sheetView } from "./view";

export async function answerSchedulePdf(
  db: Db,
  session: { userId: string; sessionEpoch: number } | null,
  request: Request,
  sheetId: string,
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const actor = await actorOfRequest(db, session);
    assertCan(actor, "schedule.read");
    if (!isUuid(sheetId)) throw notFound("scheduleSheet");
    const sheet = await loadVisibleSheet(db, actor, sheetId);
    const [org] = await db
      .select({ name: organisation.name, parentId: organisation.parentId })
      .from(organisation)
      .where(eq(organisation.id, actor.organisationId));
    const [parent] = org?.parentId
      ? await db
          .select({ name: organisation.name })
          .from(organisation)
          .where(eq(organisation.id, org.parentId))
      : [];
    const body = await renderSchedulePdf(await sheetView(db, sheet), {
      organisationName: org?.name ?? actor.organisationName,
      parentName: parent?.name ?? null,
    });
    const name = translate("vi", "schedule.pdf.fileName", {
      week: String(sheet.week),
      year: String(sheet.year),
    });
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": contentDisposition(`${name}.pdf`, true),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}
