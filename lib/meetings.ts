// Meeting times as the form and the server exchange them: a day `yyyy-MM-dd` and a wall-clock
// time `HH:mm` in Asia/Ho_Chi_Minh, and the recurrence a person picks, written as an RRULE.
// Shared by server and browser.

/** Vietnam keeps UTC+7 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

export const MEETING_TIME_ZONE = "Asia/Ho_Chi_Minh";
/** Most occurrences a series may have: a daily meeting for a year. */
export const MAX_OCCURRENCES = 366;
export const MAX_PARTICIPANTS = 200;

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The instant a wall-clock time of a day in Vietnam names. */
export function vietnamInstant(day: string, time: string): Date {
  return new Date(Date.parse(`${day}T${time}:00Z`) - VIETNAM_OFFSET_MS);
}

/** The day and wall-clock time in Vietnam of an instant. */
export function vietnamParts(instant: Date | string): { day: string; time: string } {
  const iso = new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** "dd/MM/yyyy HH:mm" in Vietnam. */
export function formatVietnamDateTime(instant: Date | string): string {
  const { day, time } = vietnamParts(instant);
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)} ${time}`;
}

/** "HH:mm" in Vietnam. */
export const formatVietnamTime = (instant: Date | string) => vietnamParts(instant).time;

export const weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof weekdays)[number];

/** The weekday of a day `yyyy-MM-dd`, as an RRULE names it. */
export const weekdayOfDay = (day: string): Weekday =>
  weekdays[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7] ?? "MO";

/** The recurrence choices of the meeting form. */
export type RecurrenceChoice =
  | { kind: "none" }
  | {
      kind: "daily" | "weekly" | "monthly";
      /** For weekly: the days of the week it falls on. */
      days?: Weekday[];
      /** It ends after a number of occurrences, or on a day (included). */
      end: { count: number } | { until: string };
    };

/**
 * The RRULE of a choice (without DTSTART), or null for a single meeting. UNTIL is the last
 * instant of the chosen day in Vietnam, written in UTC as RFC 5545 asks when DTSTART has a zone.
 */
export function recurrenceRule(choice: RecurrenceChoice): string | null {
  if (choice.kind === "none") return null;
  const parts = [`FREQ=${choice.kind.toUpperCase()}`];
  if (choice.kind === "weekly" && choice.days && choice.days.length > 0) {
    const ordered = weekdays.filter((d) => choice.days!.includes(d));
    parts.push(`BYDAY=${ordered.join(",")}`);
  }
  if ("count" in choice.end) {
    parts.push(`COUNT=${choice.end.count}`);
  } else {
    const last = new Date(vietnamInstant(choice.end.until, "23:59").getTime() + 59_000);
    parts.push(`UNTIL=${last.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);
  }
  return parts.join(";");
}

/** The choice a stored RRULE came from, for editing it in the form (null when it is not one). */
export function recurrenceChoiceOf(rule: string | null): RecurrenceChoice | null {
  if (!rule) return { kind: "none" };
  const fields = new Map(
    rule.split(";").map((p) => {
      const [k, v] = p.split("=");
      return [k ?? "", v ?? ""] as const;
    }),
  );
  const freq = fields.get("FREQ");
  if (freq !== "DAILY" && freq !== "WEEKLY" && freq !== "MONTHLY") return null;
  const count = fields.get("COUNT");
  const until = fields.get("UNTIL");
  let end: { count: number } | { until: string };
  if (count) end = { count: Number(count) };
  else if (until && /^\d{8}T\d{6}Z$/.test(until)) {
    const iso = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}T${until.slice(9, 11)}:${until.slice(11, 13)}:00Z`;
    end = { until: vietnamParts(iso).day };
  } else return null;
  const days = (fields.get("BYDAY") ?? "")
    .split(",")
    .filter((d): d is Weekday => (weekdays as readonly string[]).includes(d));
  return {
    kind: freq.toLowerCase() as "daily" | "weekly" | "monthly",
    ...(freq === "WEEKLY" ? { days } : {}),
    end,
  };
}
