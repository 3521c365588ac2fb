// The next free slot of a room: where a meeting refused for a taken room could go instead.
// Pure: it reads the room's bookings as ranges.
import { vietnamInstant, vietnamParts } from "@/lib/meetings";

export type Range = { start: Date; end: Date };

/** The part of a day in which a slot is offered, local time. */
const DAY_OPENS = "07:00";
const DAY_CLOSES = "21:00";
/** How many days ahead a slot is looked for. */
const DAYS_AHEAD = 14;

const DAY_MS = 86_400_000;
const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

function dayWindow(day: string): Range {
  return { start: vietnamInstant(day, DAY_OPENS), end: vietnamInstant(day, DAY_CLOSES) };
}

/**
 * The smallest shift of the wanted occurrences that leaves every one of them free of the
 * bookings, inside the day's opening hours and not in the past; the day of the first
 * conflicting occurrence is preferred (later that day, then earlier), then the days after it.
 * Answers the slot of the first wanted occurrence after the shift, or null.
 */
export function nextFreeSlot(
  wanted: Range[],
  bookings: Range[],
  now: Date,
  /** The occurrence the shift is reckoned from (the first that conflicts). */
  anchor: Range = wanted[0]!,
): Range | null {
  const length = anchor.end.getTime() - anchor.start.getTime();
  const anchorDay = vietnamParts(anchor.start).day;
  const sorted = [...bookings].sort((a, b) => a.start.getTime() - b.start.getTime());

  const fits = (shift: number) =>
    wanted.every((w) => {
      const slot = {
        start: new Date(w.start.getTime() + shift),
        end: new Date(w.end.getTime() + shift),
      };
      if (slot.start < now) return false;
      const window = dayWindow(vietnamParts(slot.start).day);
      if (slot.start < window.start || slot.end > window.end) return false;
      return !sorted.some((b) => overlaps(b, slot));
    });

  const candidates = (day: string): number[] => {
    const window = dayWindow(day);
    // Right after a booking, or ending right as one begins (the nearest slot before it).
    const starts = [
      window.start,
      ...sorted.map((b) => b.end),
      ...sorted.map((b) => new Date(b.start.getTime() - length)),
    ].filter((s) => s >= window.start && s.getTime() + length <= window.end.getTime());
    return starts.map((s) => s.getTime() - anchor.start.getTime());
  };

  const sameDay = candidates(anchorDay);
  const later = sameDay.filter((s) => s > 0).sort((a, b) => a - b);
  const earlier = sameDay.filter((s) => s < 0).sort((a, b) => b - a);
  for (const shift of [...later, ...earlier]) {
    if (fits(shift)) return shifted(anchor, shift);
  }
  const base = Date.parse(`${anchorDay}T00:00:00Z`);
  for (let i = 1; i <= DAYS_AHEAD; i++) {
    const day = new Date(base + i * DAY_MS).toISOString().slice(0, 10);
    // The same time of day first, then the openings of that day in order.
    const sameTime = i * DAY_MS;
    const shifts = [sameTime, ...candidates(day).sort((a, b) => a - b)];
    for (const shift of shifts) {
      if (fits(shift)) return shifted(anchor, shift);
    }
  }
  return null;
}

const shifted = (r: Range, shift: number): Range => ({
  start: new Date(r.start.getTime() + shift),
  end: new Date(r.end.getTime() + shift),
});
