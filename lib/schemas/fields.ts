// The one place for the rules every input follows, whatever form or procedure it comes from.
// PostgreSQL refuses a NUL character, a year 0 or an integer past its column's type with an
// error that would reach the user as "something went wrong"; these blocks refuse them first,
// with a message that says what is wrong. Every procedure's input is built from them (the lint
// configuration forbids bare `z.string()`, `z.number()` and `z.iso` in lib/schemas and
// server/api).
import { z } from "zod";
import { isCalendarDay, MAX_YEAR, MIN_YEAR } from "@/lib/dates";

/** PostgreSQL `integer`: versions, counts, arrival numbers, page numbers. */
export const INT32_MAX = 2_147_483_647;
export const INT32_MIN = -2_147_483_648;

// C0 and C1 control characters; a textarea's newline and tab are let through separately.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
// Half of a surrogate pair alone: not a character, and silently replaced on its way to the database.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

type TextOptions = {
  /** Most characters (Unicode code points, as a person counts them, not UTF-16 units). */
  max: number;
  /** Fewest characters after trimming; 1 makes the field required. */
  min?: number;
  /** A textarea: newlines and tabs are kept (CR LF becomes LF). */
  multiline?: boolean;
  /** Leading and trailing white space is dropped (default); a cursor keeps its text exact. */
  trim?: boolean;
};

/** Characters as a person counts them: Unicode code points, not UTF-16 units. */
export const countCharacters = (v: string) => {
  let n = 0;
  for (const _ of v) n++;
  return n;
};

/**
 * Text as a person typed it: normalised to NFC (so "Quyết" typed with combining marks and
 * precomposed is one word), trimmed, without control characters or broken surrogate pairs,
 * and at most `max` characters long.
 */
export function textField({ max, min = 0, multiline = false, trim = true }: TextOptions) {
  const tooLong = (input: string) =>
    ({ code: "too_big", origin: "string", maximum: max, inclusive: true, input }) as const;
  return z.string().transform((v, ctx) => {
    // Far past the limit, however much of it is white space: no further work on it.
    if (v.length > 4 * max + 1024) {
      ctx.addIssue(tooLong(""));
      return z.NEVER;
    }
    if (LONE_SURROGATE.test(v)) {
      ctx.addIssue({ code: "custom", message: "validation.brokenText" });
      return z.NEVER;
    }
    let s = v.normalize("NFC");
    if (multiline) s = s.replace(/\r\n?/g, "\n");
    if (trim) s = s.trim();
    if (CONTROL.test(s) || (!multiline && LINE_BREAK_OR_TAB.test(s))) {
      ctx.addIssue({ code: "custom", message: "validation.controlCharacters" });
      return z.NEVER;
    }
    const length = countCharacters(s);
    if (length > max) {
      ctx.addIssue(tooLong(s));
      return z.NEVER;
    }
    if (length < min) {
      ctx.addIssue({
        code: "too_small",
        origin: "string",
        minimum: min,
        inclusive: true,
        input: s,
      });
      return z.NEVER;
    }
    return s;
  });
}

/** Required text: at least one character once trimmed. */
export const requiredText = (max: number, options: Omit<TextOptions, "max" | "min"> = {}) =>
  textField({ max, min: 1, ...options });

/** Text that may be left empty: "" and a missing value are both kept as null. */
export const optionalText = (max: number, options: Omit<TextOptions, "max" | "min"> = {}) =>
  textField({ max, ...options })
    .nullish()
    .transform((v) => (v ? v : null));

/** A search box: may be empty (""), never null. */
export const searchText = (max: number) => textField({ max }).default("");

/**
 * A day `yyyy-MM-dd` that exists, between 1900 and 2100: "2026-02-31" and "0000-01-01" are
 * refused with a message that says which rule they break.
 */
export const dayField = z.string().superRefine((v, ctx) => {
  const year = Number(v.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    ctx.addIssue({ code: "custom", message: "validation.dateFormat" });
  } else if (!isCalendarDay(v)) {
    ctx.addIssue({
      code: "custom",
      message:
        year < MIN_YEAR || year > MAX_YEAR ? "validation.dateYearRange" : "validation.dateNotReal",
    });
  }
});

/**
 * A calendar month `yyyy-MM`, between 1900 and 2100: "2026-13" and "2026-00" are refused with a
 * message that says which rule they break.
 */
export const monthField = z.string().superRefine((v, ctx) => {
  const year = Number(v.slice(0, 4));
  const month = Number(v.slice(5, 7));
  if (!/^\d{4}-\d{2}$/.test(v)) {
    ctx.addIssue({ code: "custom", message: "validation.monthFormat" });
  } else if (year < MIN_YEAR || year > MAX_YEAR) {
    ctx.addIssue({ code: "custom", message: "validation.dateYearRange" });
  } else if (month < 1 || month > 12) {
    ctx.addIssue({ code: "custom", message: "validation.monthNotReal" });
  }
});

/** A whole number within PostgreSQL's `integer`, narrowed further by `min` and `max`. */
export const int32Field = ({
  min = INT32_MIN,
  max = INT32_MAX,
}: { min?: number; max?: number } = {}) =>
  z.number().int().min(Math.max(min, INT32_MIN)).max(Math.min(max, INT32_MAX));

/** A row's version for optimistic concurrency (an `integer` column). */
export const versionField = int32Field({ min: 1 });

/** A bigint serial id (notifications, audit sequence) within JavaScript's safe integers. */
export const serialIdField = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Page size of a list, 1 to `max`. */
export const pageLimit = (max: number, fallback: number) =>
  int32Field({ min: 1, max }).default(fallback);

export const idField = z.uuid();

/** An id read back from a cursor or a stored reference, checked as an input would be. */
export const isUuid = (v: unknown): v is string => idField.safeParse(v).success;

/** A file's SHA-256 as lowercase hex: names a stored blob, grants nothing by itself. */
export const sha256Field = z.string().regex(/^[0-9a-f]{64}$/, { message: "validation.format" });

/** A password: kept exactly as typed (no trimming or normalising), only bounded. */
export const secretText = (max: number) => z.string().min(1).max(max);

/** An opaque keyset cursor, as returned in `nextCursor`; its content is checked when decoded. */
export const cursorField = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, { message: "inbox.invalidCursor" })
  .nullish();
