// Answers the two print downloads of a document: the handling slip, and a copy of the main PDF
// with the arrival stamp on page 1. Both are made on request and never stored; both go only to
// someone who may see the document, and a document they may not see answers 404 like an
// unknown one. Refusals are in the caller's language: JSON for a script, a short page for a
// browser tab opened on the link.
import { buffer } from "node:stream/consumers";
import type { DbOrTx } from "@/db/client";
import { DEFAULT_STAMP_POSITION } from "@/lib/arrival-stamp";
import { actorOfRequest } from "../authz/request-actor";
import { AppError, HTTP_STATUS } from "../errors";
import { contentDisposition } from "../files/http";
import { getFileStore, type FileStore } from "../files/store";
import { localeFromCookieHeader, type Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { stampedCopy } from "../pdf/arrival-stamp";
import { renderHandlingSlipPdf } from "../pdf/handling-slip";
import { loadHandlingSlip, loadStampSource } from "./slip";

type Session = { userId: string; sessionEpoch: number } | null;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A browser tab that followed the link, rather than a script that fetched it. */
const isNavigation = (request: Request) =>
  request.headers.get("sec-fetch-mode") === "navigate" ||
  (request.headers.get("accept") ?? "").includes("text/html");

/** A refusal in the caller's language: JSON for a script, a short page for a browser tab. */
export function refusal(request: Request, locale: Locale, error: unknown, what: string): Response {
  const known = error instanceof AppError;
  if (!known) console.error(`${what} failed`, error);
  const code = known ? error.code : "INTERNAL";
  const status = known ? HTTP_STATUS[error.code] : 500;
  const message = known
    ? translate(locale, error.messageKey, error.params)
    : translate(locale, "errors.internal");
  const headers = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" };
  if (!isNavigation(request)) {
    return Response.json({ error: { code, message } }, { status, headers });
  }
  const title = escapeHtml(translate(locale, "prints.errorTitle"));
  const page =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
    `<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">` +
    `<h1 style="font-size: 1.25rem">${title}</h1><p>${escapeHtml(message)}</p></body></html>`;
  return new Response(page, {
    status,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}

function pdfResponse(request: Request, body: Uint8Array, fileName: string): Response {
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(body.byteLength),
      "content-disposition": contentDisposition(fileName, inline),
      // Made for this person now: access to a document can end, and the slip changes with it.
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** GET /api/documents/<id>/slip[?inline=1]: the handling slip as an A4 PDF. */
export async function answerHandlingSlip(
  db: DbOrTx,
  session: Session,
  request: Request,
  documentId: string,
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const actor = await actorOfRequest(db, session);
    const slip = await loadHandlingSlip(db, actor, documentId);
    const body = await renderHandlingSlipPdf(slip, locale);
    const number = slip.document.registryNumber;
    const name =
      number == null
        ? translate(locale, "prints.fileNames.slipUnregistered")
        : translate(locale, "prints.fileNames.slip", { number });
    return pdfResponse(request, body, `${name}.pdf`);
  } catch (error) {
    return refusal(request, locale, error, "slip");
  }
}

/** A number of points from the query, or the default when absent or not a number. */
function coordinate(value: string | null, fallback: number): number {
  const n = value === null || value.trim() === "" ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 14_400 ? n : fallback;
}

/**
 * GET /api/documents/<id>/stamped-copy[?inline=1][&x=&y=]: the main PDF with the arrival stamp
 * on page 1 (x, y: points from the page's top-left corner), for printing.
 */
export async function answerStampedCopy(
  db: DbOrTx,
  session: Session,
  request: Request,
  documentId: string,
  options: { store?: FileStore } = {},
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const actor = await actorOfRequest(db, session);
    const { stamp, file } = await loadStampSource(db, actor, documentId);
    const original = await buffer(await (options.store ?? getFileStore()).open(file.sha256));
    const query = new URL(request.url).searchParams;
    const body = await stampedCopy(original, stamp, {
      x: coordinate(query.get("x"), DEFAULT_STAMP_POSITION.x),
      y: coordinate(query.get("y"), DEFAULT_STAMP_POSITION.y),
    });
    const base = file.fileName.replace(/\.pdf$/i, "") || "van-ban";
    return pdfResponse(
      request,
      body,
      `${translate(locale, "prints.fileNames.stamped", { name: base })}.pdf`,
    );
  } catch (error) {
    return refusal(request, locale, error, "stampedCopy");
  }
}
