import { addDays } from "@/lib/dates";

export type CalendarView = "day" | "week" | "month";

/** Monday = 0 … Sunday = 6, of a `yyyy-MM-dd` day. */
const weekdayFromMonday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

const mondayOf = (day: string) => addDays(day, -weekdayFromMonday(day));

const lastOfMonth = (day: string) => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * The days a view of `day` shows: the day; its week from Monday; or its month from the Monday on
 * or before the 1st to the Sunday on or after the last day (at most six weeks).
 */
export function visibleDays(view: CalendarView, day: string): { from: string; to: string } {
  if (view === "day") return { from: day, to: day };
  if (view === "week") {
    const from = mondayOf(day);
    return { from, to: addDays(from, 6) };
  }
  const from = mondayOf(`${day.slice(0, 7)}-01`);
  const last = lastOfMonth(day);
  return { from, to: addDays(last, 6 - weekdayFromMonday(last)) };
}

/** An instant as the wall-clock time in Vietnam (UTC+7 all year), as the schedule reads it. */
export function vietnamWallClock(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}
