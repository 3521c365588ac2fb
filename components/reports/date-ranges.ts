/** Calendar periods as [from, to] in yyyy-MM-dd, both days included, from today's date in Vietnam. */

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

/** A real calendar day in yyyy-MM-dd: "2026-02-30" is not one, though Date.parse accepts it. */
export function isCalendarDay(v: string | null): v is string {
  if (v === null || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
}

/** The range in a URL (?from&to) when both ends are days in order, else the fallback. */
export function rangeFromParams(
  from: string | null,
  to: string | null,
  fallback: [string, string],
): [string, string] {
  return isCalendarDay(from) && isCalendarDay(to) && from <= to ? [from, to] : fallback;
}
