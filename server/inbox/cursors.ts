// Keyset paging: the sort key of a list's last row, handed to the client and checked on return.
import type { Urgency } from "@/lib/documents";
import { urgencies } from "@/lib/documents";
import { isCalendarDay } from "@/lib/dates";
import { fieldError } from "../errors";
import { NO_DEADLINE } from "../incoming/participants";

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The sort key in a cursor; a cursor that was tampered with or is from another list is refused. */
export function decodeCursor<T extends unknown[]>(
  cursor: string,
  valid: (key: unknown[]) => key is T,
): T {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || !valid(key)) throw fieldError({ cursor: "inbox.invalidCursor" });
  return key;
}

// A cursor comes back from the client, so its key is checked as strictly as any input: only
// values that PostgreSQL takes without complaint, in the form this code wrote them.

/** A day of the accepted years (lib/dates.ts), or the 'infinity' of "no deadline". */
export const isDayOrInfinity = (v: unknown): v is string => v === NO_DEADLINE || isCalendarDay(v);

/** A moment as `clerkSortAt` writes it: UTC, to the microsecond, `2026-11-20T08:15:30.123456Z`. */
export function isUtcMicros(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/.exec(v);
  return m !== null && isCalendarDay(m[1]);
}
export const isUrgency = (v: unknown): v is Urgency => urgencies.includes(v as Urgency);
