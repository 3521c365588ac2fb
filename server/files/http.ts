import { AppError, HTTP_STATUS, type AppErrorCode } from "../errors";
import type { Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";

// The HTTP side of the file routes (which cannot be tRPC: they carry raw bytes).

export type FileErrorBody = { error: { code: AppErrorCode | "INTERNAL"; message: string } };

/** A refusal as JSON `{ error: { code, message } }`, the message in the user's language. */
export function fileErrorResponse(error: unknown, locale: Locale): Response {
  if (!(error instanceof AppError)) {
    console.error("File route failed", error);
    const body: FileErrorBody = {
      error: { code: "INTERNAL", message: translate(locale, "errors.internal") },
    };
    return Response.json(body, { status: 500 });
  }
  const params = { ...error.params };
  if (typeof params.action === "string") {
    params.action = translate(locale, `permissions.${params.action}`);
  }
  const body: FileErrorBody = {
    error: { code: error.code, message: translate(locale, error.messageKey, params) },
  };
  const status = error.messageKey === "files.tooLarge" ? 413 : HTTP_STATUS[error.code];
  return Response.json(body, { status });
}

/**
 * `inline` or `attachment` with the name twice: an ASCII stand-in for old clients, and the exact
 * UTF-8 name (RFC 5987 / 6266) that browsers use, so "Quyết định.pdf" keeps its diacritics.
 */
export function contentDisposition(fileName: string, inline: boolean): string {
  const fallback =
    fileName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/[^\x20-\x7e]|["\\%;]/g, "_")
      .trim() || "file";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? "inline" : "attachment"}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
