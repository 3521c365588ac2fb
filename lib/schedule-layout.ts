// The week as offices lay it out, shared by the screen and the printout so both show the same
// entries in the same order: a row per day, each split into morning and afternoon. Monday to
// Friday always appear; Saturday and Sunday only when something is scheduled on them.
import { scheduleSessions, weekdayIndex, type ScheduleSession } from "./schedule";
import { addDays } from "./dates";

export type LayoutEntry = { day: string; session: ScheduleSession; startTime: string };

export type LayoutDay<E> = {
  day: string;
  /** 0 for Monday … 6 for Sunday. */
  weekday: number;
  sessions: { session: ScheduleSession; entries: E[] }[];
};

export function layOutWeek<E extends LayoutEntry>(weekStart: string, entries: E[]): LayoutDay<E>[] {
  const days: LayoutDay<E>[] = [];
  for (let i = 0; i < 7; i++) {
    const day = addDays(weekStart, i);
    const ofDay = entries.filter((e) => e.day === day);
    if (i >= 5 && ofDay.length === 0) continue;
    days.push({
      day,
      weekday: weekdayIndex(day),
      sessions: scheduleSessions.map((session) => ({
        session,
        // The server's order (by start time, then as entered) is kept.
        entries: ofDay.filter((e) => e.session === session),
      })),
    });
  }
  return days;
}

/** `dd/MM/yyyy` of a `yyyy-MM-dd` day. */
export const dayMonthYear = (day: string) =>
  `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
