// Writing PDF syntax by hand for the few values an incremental update needs, byte for byte.
import { PdfSigningError } from "./pdf-signing-error";

/** The bytes of PDF syntax, which is Latin-1 apart from what strings hold. */
export function latin1(text: string): Buffer {
  return Buffer.from(text, "latin1");
}

/** A literal string of printable ASCII, with the three characters that need it escaped. */
function literalString(ascii: string): string {
  return `(${ascii.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** UTF-16BE with a byte-order mark, as a hex string: how a text string holds Vietnamese. */
export function utf16TextString(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) {
    hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  }
  return `<${hex}>`;
}

/** A text string: literal when every character is printable ASCII, UTF-16BE otherwise. */
export function textString(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? literalString(text) : utf16TextString(text);
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A PDF date in Vietnam time (UTC+7 all year), e.g. (D:20260305091530+07'00'). */
export function pdfDate(date: Date): string {
  if (Number.isNaN(date.getTime())) {
    throw new PdfSigningError("INVALID_OPTIONS", "The signing time is not a valid date");
  }
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  const stamp =
    String(local.getUTCFullYear()).padStart(4, "0") +
    two(local.getUTCMonth() + 1) +
    two(local.getUTCDate()) +
    two(local.getUTCHours()) +
    two(local.getUTCMinutes()) +
    two(local.getUTCSeconds());
  return `(D:${stamp}+07'00')`;
}

/** A real number as PDF writes it: no exponent, at most three decimals. */
export function pdfNumber(n: number): string {
  if (!Number.isFinite(n)) {
    throw new PdfSigningError("INVALID_OPTIONS", `${n} is not a number a PDF can hold`);
  }
  const rounded = Math.round(n * 1000) / 1000;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** Hex digits of an already encoded string, with or without its angle brackets. */
export function hexDigits(encoded: string, what: string): string {
  const digits = encoded
    .trim()
    .replace(/^<([^>]*)>$/, "$1")
    .replace(/\s+/g, "");
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(digits)) {
    throw new PdfSigningError("INVALID_OPTIONS", `${what} is not an even run of hex digits`);
  }
  return digits.toUpperCase();
}
