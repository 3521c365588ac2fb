// Answers a report download (GET ?from&to&registryId&format, or a sent document's recipients
// ?documentId&format): the session's member, the query, the same rows the screen shows, then a
// PDF or spreadsheet with a Vietnamese file name.
// Refusals are JSON in the caller's language with the matching HTTP status.
import type { Db } from "@/db/client";
import type { Action } from "@/lib/permissions";
import type { z } from "zod";
import {
  deliverySheetQuery,
  reportDownloadQuery,
  type ReportDownloadQuery,
  type ReportFormat,
} from "@/lib/schemas/reports";
import { zodFieldErrors } from "../zod-errors";
import { contentDisposition } from "../files/http";
import { assertCan, type Actor } from "../authz/actor";
import { actorOfRequest } from "../authz/request-actor";
import { AppError, HTTP_STATUS, type FieldError } from "../errors";
import { localeFromCookieHeader, type Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { reportTranslator } from "./book-columns";
import { deliverySheet } from "./delivery-sheet";
import { handlingReport } from "./handling-report";
import { wholeOutgoingBook } from "./outgoing-book";
import {
  renderDeliverySheetPdf,
  renderFollowUpBookPdf,
  renderHandlingReportPdf,
  renderIncomingBookPdf,
  renderOutgoingBookPdf,
} from "./pdf";
import { wholeFollowUpBook, wholeIncomingBook } from "./registry-book";
import {
  renderDeliverySheetXlsx,
  renderFollowUpBookXlsx,
  renderHandlingReportXlsx,
  renderIncomingBookXlsx,
  renderOutgoingBookXlsx,
} from "./xlsx";

export type ReportKind = "incomingBook" | "followUpBook" | "outgoingBook" | "handling";

const permissionOf: Record<ReportKind, Action> = {
  incomingBook: "registry.read",
  followUpBook: "registry.read",
  outgoingBook: "registry.read",
  handling: "incoming.report",
};

const contentTypes = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

function refusal(
  locale: Locale,
  status: number,
  code: string,
  messageKey: string,
  params: Record<string, string | number> = {},
  fields: Record<string, FieldError[]> = {},
): Response {
  const translated = { ...params };
  if (typeof translated.action === "string") {
    translated.action = translate(locale, `permissions.${translated.action}`);
  }
  const fieldErrors = Object.fromEntries(
    Object.entries(fields).map(([f, errs]) => [
      f,
      errs.map((e) => translate(locale, e.key, e.params)),
    ]),
  );
  return Response.json(
    { error: { code, message: translate(locale, messageKey, translated), fieldErrors } },
    { status, headers: { "cache-control": "no-store" } },
  );
}

/** dd-MM-yyyy: a date that can stand in a file name. */
const fileDay = (day: string) => `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;

async function render(
  db: Db,
  actor: Actor,
  kind: ReportKind,
  query: ReportDownloadQuery,
  locale: Locale,
): Promise<Buffer> {
  const ctx = { locale, organisationName: actor.organisationName };
  const range = { registryId: query.registryId, from: query.from, to: query.to };
  const pdf = query.format === "pdf";
  if (kind === "incomingBook") {
    const book = await wholeIncomingBook(db, actor, range);
    return pdf ? renderIncomingBookPdf(book, ctx) : renderIncomingBookXlsx(book, ctx);
  }
  if (kind === "followUpBook") {
    const book = await wholeFollowUpBook(db, actor, range);
    return pdf ? renderFollowUpBookPdf(book, ctx) : renderFollowUpBookXlsx(book, ctx);
  }
  if (kind === "outgoingBook") {
    const book = await wholeOutgoingBook(db, actor, range);
    return pdf ? renderOutgoingBookPdf(book, ctx) : renderOutgoingBookXlsx(book, ctx);
  }
  const report = await handlingReport(db, actor, { from: query.from, to: query.to });
  return pdf ? renderHandlingReportPdf(report, ctx) : renderHandlingReportXlsx(report, ctx);
}

/** The file, or the refusal in the caller's language: never a bare 500. */
async function answer(
  request: Request,
  what: string,
  make: (
    locale: Locale,
  ) => Promise<{ body: Buffer; name: string; format: ReportFormat } | Response>,
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const made = await make(locale);
    if (made instanceof Response) return made;
    return new Response(new Uint8Array(made.body), {
      headers: {
        "content-type": contentTypes[made.format],
        "content-disposition": contentDisposition(`${made.name}.${made.format}`, false),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      return refusal(
        locale,
        HTTP_STATUS[error.code],
        error.code,
        error.messageKey,
        error.params,
        error.fieldErrors,
      );
    }
    console.error(`report ${what} failed`, error);
    return refusal(locale, 500, "INTERNAL", "errors.internal");
  }
}

const invalid = (locale: Locale, error: z.ZodError) =>
  refusal(locale, 400, "VALIDATION", "errors.validation", {}, zodFieldErrors(error));

export function answerReportRequest(
  db: Db,
  session: { userId: string; sessionEpoch: number } | null,
  request: Request,
  kind: ReportKind,
): Promise<Response> {
  return answer(request, kind, async (locale) => {
    const actor = await actorOfRequest(db, session);
    // Permission before the query: someone without it learns nothing from the answer.
    assertCan(actor, permissionOf[kind]);
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = reportDownloadQuery.safeParse(params);
    if (!parsed.success) return invalid(locale, parsed.error);
    const body = await render(db, actor, kind, parsed.data, locale);
    const name = reportTranslator(locale)(`reports.fileNames.${kind}`, {
      from: fileDay(parsed.data.from),
      to: fileDay(parsed.data.to),
    });
    return { body, name, format: parsed.data.format };
  });
}

/** A sent document's recipients and where each has got: GET ?documentId=…&format=pdf|xlsx. */
export function answerDeliverySheetRequest(
  db: Db,
  session: { userId: string; sessionEpoch: number } | null,
  request: Request,
): Promise<Response> {
  return answer(request, "deliveries", async (locale) => {
    const actor = await actorOfRequest(db, session);
    assertCan(actor, "outgoing.approve");
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = deliverySheetQuery.safeParse(params);
    if (!parsed.success) return invalid(locale, parsed.error);
    const sheet = await deliverySheet(db, actor, parsed.data.documentId);
    const ctx = { locale, organisationName: actor.organisationName };
    const body =
      parsed.data.format === "pdf"
        ? await renderDeliverySheetPdf(sheet, ctx)
        : await renderDeliverySheetXlsx(sheet, ctx);
    // "04/UBND" cannot stand in a file name as it is.
    const name = reportTranslator(locale)("reports.fileNames.deliveries", {
      number: sheet.numberNotation.replaceAll("/", "-"),
    });
    return { body, name, format: parsed.data.format };
  });
}
