// The weekly work schedule's vocabulary and its week arithmetic, shared by server and browser.
import { addDays } from "./dates";

export const scheduleStatuses = ["draft", "submitted", "published"] as const;
export type ScheduleStatus = (typeof scheduleStatuses)[number];

export const scheduleSessions = ["morning", "afternoon"] as const;
export type ScheduleSession = (typeof scheduleSessions)[number];

export const scheduleChangeKinds = ["added", "edited", "cancelled"] as const;
export type ScheduleChangeKind = (typeof scheduleChangeKinds)[number];

/** The fields of an entry whose changes after publication are recorded and shown. */
export const scheduleEntryFields = [
  "day",
  "startTime",
  "endTime",
  "content",
  "chair",
  "participants",
  "location",
  "preparing",
  "notes",
] as const;
export type ScheduleEntryField = (typeof scheduleEntryFields)[number];

export type IsoWeek = { year: number; week: number };

/** The ISO week (weeks start Monday; week 1 holds the year's first Thursday) of a day. */
export function isoWeekOf(day: string): IsoWeek {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(d);
  thursday.setUTCDate(d.getUTCDate() - weekday + 3);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = new Date(firstThursday);
  firstMonday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7));
  const week = Math.round((thursday.getTime() - firstMonday.getTime()) / (7 * 86_400_000)) + 1;
  return { year, week };
}

/** The Monday of an ISO week, as `yyyy-MM-dd`. */
export function isoWeekMonday({ year, week }: IsoWeek): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = addDays(jan4.toISOString().slice(0, 10), -((jan4.getUTCDay() + 6) % 7));
  return addDays(monday1, (week - 1) * 7);
}

/** How many ISO weeks a year has: 53 when 28 December falls in week 53. */
export const isoWeeksInYear = (year: number) => isoWeekOf(`${year}-12-28`).week;

export const isRealIsoWeek = ({ year, week }: IsoWeek) =>
  Number.isInteger(year) &&
  Number.isInteger(week) &&
  year >= 2000 &&
  year <= 2100 &&
  week >= 1 &&
  week <= isoWeeksInYear(year);

/** The week `by` weeks after (or before) this one. */
export const shiftWeek = (w: IsoWeek, by: number): IsoWeek =>
  isoWeekOf(addDays(isoWeekMonday(w), by * 7));

/** The seven days of a week, Monday first. */
export const weekDays = (w: IsoWeek) =>
  Array.from({ length: 7 }, (_, i) => addDays(isoWeekMonday(w), i));

/** Morning until noon; an entry starting at 12:00 or later is in the afternoon. */
export const sessionOfTime = (time: string): ScheduleSession =>
  time.slice(0, 5) < "12:00" ? "morning" : "afternoon";

/** "Thứ Hai" … "Chủ nhật" index: 0 for Monday. */
export const weekdayIndex = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** `HH:mm` of a PostgreSQL time (`HH:mm:ss`). */
export const shortTime = (time: string | null) => (time ? time.slice(0, 5) : null);

/** The page of a week's sheet: `/schedule?year=2026&week=50` (and `&unit=<id>` for a unit's). */
export const scheduleHref = (w: IsoWeek, unitId: string | null = null) =>
  `/schedule?year=${w.year}&week=${w.week}${unitId ? `&unit=${unitId}` : ""}`;
