// Calendar days as `yyyy-MM-dd` text, the form PostgreSQL's `date` and the forms exchange.
// Shared by server and browser; no time zone other than Vietnam's matters here.

/** Vietnam keeps UTC+7 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86_400_000;

/**
 * The years a date of this application may fall in. Official documents of the archive go back
 * to the 1940s at most, deadlines a few years ahead; PostgreSQL would refuse year 0 outright.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/**
 * Today's date in Vietnam as `yyyy-MM-dd`, whatever the server's or browser's time zone. Asked on
 * every request, so it is plain arithmetic rather than an `Intl.DateTimeFormat`, whose
 * construction costs a tenth of a millisecond.
 */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A day that exists, written `yyyy-MM-dd`, between MIN_YEAR and MAX_YEAR: "2026-02-31" is not
 * one, though `Date.parse` accepts it, and neither is "0000-01-01".
 */
export function isCalendarDay(v: unknown): v is string {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const year = Number(v.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one day to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
