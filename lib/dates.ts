// Calendar days as `yyyy-MM-dd` text, the form PostgreSQL's `date` and the forms exchange.
// Shared by server and browser; no time zone other than Vietnam's matters here.

import { foldVietnamese } from "./collate";

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

/** The moment a day (`yyyy-MM-dd`) begins in Vietnam: "2026-03-01" is 2026-02-28T17:00Z. */
export function vietnamDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day `days` working days (Monday to Friday) after `day`. */
export function addWorkingDays(day: string, days: number): string {
  let at = day;
  for (let left = days; left > 0;) {
    at = addDays(at, 1);
    const weekday = new Date(`${at}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return at;
}

/**
 * The last day on which something that arrived is, by `today`, late: a whole working day has
 * passed after it (`today` comes after the working day following its arrival). Everything that
 * arrived on this day or before is late, everything after it is not, so a table of a hundred
 * arrivals is told apart by one comparison each.
 */
export function lastLateArrival(today: string): string {
  let day = addDays(today, -1);
  while (!(today > addWorkingDays(day, 1))) day = addDays(day, -1);
  return day;
}

/**
 * The first moment whose arrival is not late at `now`: midnight in Vietnam after the last late
 * arrival day. An arrival is late when it came before this, one comparison of times that an
 * index on the arrival time can answer.
 */
export function lateArrivalBefore(now: Date): Date {
  return vietnamDayStart(addDays(lastLateArrival(vietnamToday(now)), 1));
}

/** Whole days from one day to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export type TypedDay =
  | { day: string }
  | { error: "validation.dateFormat" | "validation.dateNotReal" | "validation.dateYearRange" };

/** Words for a day near today, without diacritics, as people type them. */
const DAY_WORDS: Record<string, number> = {
  "hom nay": 0,
  nay: 0,
  today: 0,
  "hom qua": -1,
  qua: -1,
  yesterday: -1,
  "hom kia": -2,
  "ngay mai": 1,
  mai: 1,
  tomorrow: 1,
  "ngay kia": 2,
};

/**
 * Digits typed without separators: the year is the last four (seven or eight digits) or the last
 * two; before it, day and month, "4122026" being 4/12 rather than 41/2.
 */
function unpack(digits: string): [string, string, string] | null {
  const yearLength = digits.length >= 7 ? 4 : 2;
  const year = digits.slice(-yearLength);
  const dayMonth = digits.slice(0, -yearLength);
  const splits: [string, string][] =
    dayMonth.length === 4
      ? [[dayMonth.slice(0, 2), dayMonth.slice(2)]]
      : dayMonth.length === 3
        ? [
            [dayMonth.slice(0, 1), dayMonth.slice(1)],
            [dayMonth.slice(0, 2), dayMonth.slice(2)],
          ]
        : dayMonth.length === 2
          ? [[dayMonth.slice(0, 1), dayMonth.slice(1)]]
          : [];
  const fullYear = year.length === 2 ? `20${year}` : year;
  const fits = splits.find(([d, m]) =>
    isCalendarDay(`${fullYear}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`),
  );
  const [d, m] = fits ?? splits[0] ?? [];
  return d && m ? [year, m, d] : null;
}

/**
 * A day as people type it, read against today (`yyyy-MM-dd`): "6/12/2026", "06-12-26",
 * "6.12", "06122026", "061226", "2026-12-06", or words ("hôm nay", "hôm qua", "ngày mai",
 * "today", "yesterday"). A two-digit year is of this century; a day without a year is of this
 * year. Null when nothing was typed; otherwise the day, or why it is not one.
 */
export function parseTypedDay(text: string, today: string): TypedDay | null {
  const typed = foldVietnamese(text);
  if (!typed) return null;
  const offset = DAY_WORDS[typed];
  if (offset !== undefined) return { day: addDays(today, offset) };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const separated = /^(\d{1,2})[/.\- ](\d{1,2})(?:[/.\- ](\d{2}|\d{4}))?$/.exec(typed);
  let parts: [string, string, string] | null = null;
  if (iso) parts = [iso[1]!, iso[2]!, iso[3]!];
  else if (separated) parts = [separated[3] ?? today.slice(0, 4), separated[2]!, separated[1]!];
  else if (/^\d{4,8}$/.test(typed)) parts = unpack(typed);
  if (!parts) return { error: "validation.dateFormat" };
  const [y, m, d] = parts;
  const year = y.length === 2 ? `20${y}` : y;
  const day = `${year}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  if (isCalendarDay(day)) return { day };
  const n = Number(year);
  return {
    error: n < MIN_YEAR || n > MAX_YEAR ? "validation.dateYearRange" : "validation.dateNotReal",
  };
}

export type TypedTime =
  { time: string } | { error: "validation.timeFormat" | "validation.timeNotReal" };

/** Words after a time that put it in the afternoon or evening, or keep it in the morning. */
const HALF_DAY: Record<string, "am" | "pm"> = {
  am: "am",
  "a.m.": "am",
  sang: "am",
  pm: "pm",
  "p.m.": "pm",
  chieu: "pm",
  toi: "pm",
};

/**
 * A time of day as people type it, as `HH:mm` on the 24-hour clock: "14:30", "14h30", "14g30",
 * "14 giờ 30", "1430", "7.30", "7", "2:30 pm", "2 giờ chiều". Null when nothing was typed;
 * otherwise the time, or why it is not one.
 */
export function parseTypedTime(text: string): TypedTime | null {
  let typed = foldVietnamese(text);
  if (!typed) return null;
  let half: "am" | "pm" | null = null;
  const word = / ?(a\.m\.|p\.m\.|am|pm|sang|chieu|toi)$/.exec(typed);
  if (word) {
    half = HALF_DAY[word[1]!]!;
    typed = typed.slice(0, word.index).trim();
  }
  const digits = /^(\d{1,2})(\d{2})$/.exec(typed);
  const separated = /^(\d{1,2})(?: ?(?::|\.|h|g|gio) ?(\d{2})? ?(?:phut|p)?)?$/.exec(typed);
  const parts = digits ?? separated;
  if (!parts) return { error: "validation.timeFormat" };
  let hours = Number(parts[1]);
  const minutes = Number(parts[2] ?? "0");
  if (half) {
    if (hours < 1 || hours > 12) return { error: "validation.timeNotReal" };
    hours = (hours % 12) + (half === "pm" ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return { error: "validation.timeNotReal" };
  return { time: `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}` };
}

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A moment as `dd/MM/yyyy HH:mm` in Vietnam time, whatever the browser's zone. */
export function formatDateTime(at: Date | string, withYear = true): string {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(new Date(at)).map((p) => [p.type, p.value]),
  );
  const date = withYear
    ? `${parts.day}/${parts.month}/${parts.year}`
    : `${parts.day}/${parts.month}`;
  return `${date} ${parts.hour}:${parts.minute}`;
}
