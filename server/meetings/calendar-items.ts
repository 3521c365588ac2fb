import "server-only";
// The actor's meetings as calendar items, for the calendar view, the ICS feed and the home page.
import type { DbOrTx } from "@/db/client";
import { can } from "@/lib/permissions";
import type { Actor } from "../authz/actor";
import type { CalendarItem, CalendarRange } from "../calendar/items";
import { myOccurrences, type MyOccurrence } from "./occurrences";

/**
 * Every occurrence in the range of a meeting the actor organises or is invited to. Declined
 * ones stay (marked by `response`), so a person can change their mind from the calendar;
 * cancelled occurrences of a series are marked `cancelled`, moved ones `changed`.
 */
export async function meetingItemsFor(
  db: DbOrTx,
  actor: Actor,
  range: CalendarRange,
): Promise<CalendarItem[]> {
  if (!can(actor.roles, "meeting.read")) return [];
  const occurrences = await myOccurrences(db, actor, range);
  return occurrences.map(itemOf);
}

export function itemOf(o: MyOccurrence): CalendarItem {
  return {
    id: `meeting:${o.meetingId}:${o.originalStart.toISOString()}`,
    kind: "meeting",
    title: o.title,
    start: o.start.toISOString(),
    end: o.end.toISOString(),
    allDay: false,
    location: o.place,
    href: `/meetings/${o.meetingId}`,
    response: o.organiser ? "accepted" : (o.response ?? "pending"),
    ...(o.cancelled
      ? { state: "cancelled" as const }
      : o.changed
        ? { state: "changed" as const }
        : {}),
  };
}

/**
 * The home page's meetings: the rest of today (not declined, not cancelled), or when today has
 * none left, the next one within two weeks.
 */
export async function myMeetingsToday(
  db: DbOrTx,
  actor: Actor,
  now = new Date(),
): Promise<{ today: CalendarItem[]; next: CalendarItem | null }> {
  if (!can(actor.roles, "meeting.read")) return { today: [], next: null };
  const vietnamMidnight = (d: Date) => {
    const local = new Date(d.getTime() + 7 * 3600_000);
    local.setUTCHours(24, 0, 0, 0);
    return new Date(local.getTime() - 7 * 3600_000);
  };
  const endOfToday = vietnamMidnight(now);
  const soon = await myOccurrences(db, actor, {
    from: now,
    to: new Date(now.getTime() + 14 * 86_400_000),
  });
  const live = soon.filter((o) => !o.cancelled && o.response !== "declined");
  const today = live.filter((o) => o.start < endOfToday).map(itemOf);
  const later = live.find((o) => o.start >= endOfToday);
  return { today, next: today.length === 0 && later ? itemOf(later) : null };
}
