// What signing a PDF can refuse. Callers turn a code into the user's message (and an AppError) in
// one place; the English message here is for logs and tests.
export type PdfSigningErrorCode =
  | "BROKEN_PDF"
  | "UNSUPPORTED_PDF"
  | "ENCRYPTED_PDF"
  | "FIELD_NOT_FOUND"
  | "WRONG_FIELD_TYPE"
  | "FIELD_ALREADY_SIGNED"
  | "SIGNATURE_TOO_LARGE"
  | "INVALID_OPTIONS";

export class PdfSigningError extends Error {
  constructor(
    readonly code: PdfSigningErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PdfSigningError";
  }
}
