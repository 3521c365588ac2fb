/** Calendar periods as [from, to] in yyyy-MM-dd, both days included, from today's date in Vietnam. */

import { isCalendarDay } from "@/lib/dates";

const lastDay = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const firstDay = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}-01`;

const parts = (today: string) => [Number(today.slice(0, 4)), Number(today.slice(5, 7))] as const;

export function thisMonth(today: string): [string, string] {
  const [y, m] = parts(today);
  return [firstDay(y, m), lastDay(y, m)];
}

export function lastMonth(today: string): [string, string] {
  const [y, m] = parts(today);
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return [firstDay(py, pm), lastDay(py, pm)];
}

export function thisQuarter(today: string): [string, string] {
  const [y, m] = parts(today);
  const first = m - ((m - 1) % 3);
  return [firstDay(y, first), lastDay(y, first + 2)];
}

export function thisYear(today: string): [string, string] {
  const [y] = parts(today);
  return [`${y}-01-01`, `${y}-12-31`];
}

/** The range in a URL (?from&to) when both ends are days in order, else the fallback. */
export function rangeFromParams(
  from: string | null,
  to: string | null,
  fallback: [string, string],
): [string, string] {
  return isCalendarDay(from) && isCalendarDay(to) && from <= to ? [from, to] : fallback;
}

/**
 * The months (yyyy-MM, consecutive) whose flag is set, as runs of neighbours: each run as its
 * first and last month, the same month twice for a run of one.
 */
export function monthRuns(
  months: readonly string[],
  flagged: readonly boolean[],
): [string, string][] {
  const runs: [string, string][] = [];
  months.forEach((month, i) => {
    if (!flagged[i]) return;
    const last = runs.at(-1);
    if (last && flagged[i - 1]) last[1] = month;
    else runs.push([month, month]);
  });
  return runs;
}
