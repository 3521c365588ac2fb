import "server-only";
import type { Db } from "@/db/client";
import { addDays, vietnamDayStart } from "@/lib/dates";
import type { CalendarRangeInput } from "@/lib/schemas/calendar";
import { assertCan, type Actor } from "../authz/actor";
import { meetingItemsFor } from "../meetings/calendar-items";
import { scheduleItemsFor } from "../schedule/items";
import { taskItemsFor } from "../tasks/calendar";
import { documentItemsFor } from "./document-items";
import type { CalendarItem, CalendarRange } from "./items";
import { compareVietnamese } from "@/lib/collate";

type Source = (db: Db, actor: Actor, range: CalendarRange) => Promise<CalendarItem[]>;

/** Everything that puts something on a person's calendar. */
const sources: Source[] = [scheduleItemsFor, meetingItemsFor, taskItemsFor, documentItemsFor];

/** The instants of a range of Vietnamese days, the last one included. */
export const rangeOfDays = (input: CalendarRangeInput): CalendarRange => ({
  from: vietnamDayStart(input.from),
  to: vietnamDayStart(addDays(input.to, 1)),
});

/** Everything of the person's in a range, in the order a day's list shows it. */
export async function calendarItems(
  db: Db,
  actor: Actor,
  range: CalendarRange,
): Promise<CalendarItem[]> {
  const lists = await Promise.all(sources.map((source) => source(db, actor, range)));
  return lists.flat().sort(
    (a, b) =>
      // Starts are ISO texts of one form: compared as they are, not by locale.
      (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
      Number(b.allDay) - Number(a.allDay) ||
      compareVietnamese(a.title, b.title),
  );
}

/** The person's calendar between two days, as the calendar page asks for it. */
export async function myCalendar(db: Db, actor: Actor, input: CalendarRangeInput) {
  assertCan(actor, "calendar.read");
  return calendarItems(db, actor, rangeOfDays(input));
}
