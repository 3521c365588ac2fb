// Answers a report download (GET ?from&to&registryId&format): the session's member, the query,
// the same rows the screen shows, then a PDF or spreadsheet with a Vietnamese file name.
// Refusals are JSON in the caller's language with the matching HTTP status.
import type { Db } from "@/db/client";
import type { Action } from "@/lib/permissions";
import { reportDownloadQuery, type ReportDownloadQuery } from "@/lib/schemas/reports";
import { zodFieldErrors } from "../zod-errors";
import { contentDisposition } from "../files/http";
import { assertCan, type Actor } from "../authz/actor";
import { actorOfRequest } from "../authz/request-actor";
import { AppError, HTTP_STATUS, type FieldError } from "../errors";
import { localeFromCookieHeader, type Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { reportTranslator } from "./book-columns";
import { handlingReport } from "./handling-report";
import { wholeOutgoingBook } from "./outgoing-book";
import {
  renderFollowUpBookPdf,
  renderHandlingReportPdf,
  renderIncomingBookPdf,
  renderOutgoingBookPdf,
} from "./pdf";
import { wholeFollowUpBook, wholeIncomingBook } from "./registry-book";
import {
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

export async function answerReportRequest(
  db: Db,
  session: { userId: string; sessionEpoch: number } | null,
  request: Request,
  kind: ReportKind,
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const actor = await actorOfRequest(db, session);
    // Permission before the query: someone without it learns nothing from the answer.
    assertCan(actor, permissionOf[kind]);
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = reportDownloadQuery.safeParse(params);
    if (!parsed.success) {
      const fields = zodFieldErrors(parsed.error);
      return refusal(locale, 400, "VALIDATION", "errors.validation", {}, fields);
    }
    const body = await render(db, actor, kind, parsed.data, locale);
    const t = reportTranslator(locale);
    const name = t(`reports.fileNames.${kind}`, {
      from: fileDay(parsed.data.from),
      to: fileDay(parsed.data.to),
    });
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": contentTypes[parsed.data.format],
        "content-disposition": contentDisposition(`${name}.${parsed.data.format}`, false),
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
    console.error(`report ${kind} failed`, error);
    return refusal(locale, 500, "INTERNAL", "errors.internal");
  }
}
