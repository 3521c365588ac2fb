// Domain errors: thrown by services, turned into tRPC errors (and HTTP statuses) in one place.
export type AppErrorCode =
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "STALE"
  | "VALIDATION"
  | "TOO_MANY_REQUESTS";

export type MessageParams = Record<string, string | number>;
export type FieldError = { key: string; params?: MessageParams };

/** The HTTP status a refusal answers with, wherever it leaves as plain HTTP (downloads, feeds). */
export const HTTP_STATUS: Readonly<Record<AppErrorCode, number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE: 409,
  VALIDATION: 400,
  TOO_MANY_REQUESTS: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** A next-intl key under `errors.` (or a full key), translated for the user. */
    readonly messageKey: string,
    readonly params: MessageParams = {},
    readonly fieldErrors: Record<string, FieldError[]> = {},
  ) {
    super(messageKey);
    this.name = "AppError";
  }
}

export const notFound = (what = "record") => new AppError("NOT_FOUND", "errors.notFound", { what });
export const forbidden = (action: string) =>
  new AppError("FORBIDDEN", "errors.forbidden", { action });
export const stale = () => new AppError("STALE", "errors.stale");

/** A validation failure on one or more named fields of a form. */
export function fieldError(fields: Record<string, string | FieldError>): AppError {
  const fieldErrors: Record<string, FieldError[]> = {};
  for (const [name, e] of Object.entries(fields)) {
    fieldErrors[name] = [typeof e === "string" ? { key: e } : e];
  }
  return new AppError("VALIDATION", "errors.validation", {}, fieldErrors);
}
