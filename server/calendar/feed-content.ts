import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meeting } from "@/db/schema/meetings";
import { unit } from "@/db/schema/org";
import { scheduleSheet } from "@/db/schema/schedule";
import { addDays, vietnamDayStart, vietnamToday } from "@/lib/dates";
import { meetingVisibleTo } from "../meetings/access";
import { eventsOfMeetings } from "../meetings/ics";
import { itemsOfPublishedSheets } from "../schedule/items";
import { translate } from "../i18n/translate";
import { calendarItems } from "./calendar";
import type { OpenedFeed } from "./feeds";
import { buildCalendar, eventsOfItems, type IcsEvent } from "./ics";
import type { CalendarItem } from "./items";

/** What a subscribed calendar holds: the last month and the next six. */
const PAST_DAYS = 31;
const FUTURE_DAYS = 183;

/** A secret document's deadline leaves the application without its subject. */
const withoutSecrets = (items: CalendarItem[]) =>
  items.map((i) =>
    i.restricted ? { ...i, title: translate("vi", "calendar.restrictedTitle") } : i,
  );

/** The published weeks of one schedule (the leadership's, or a unit's) in the window. */
async function scheduleFeedItems(db: Db, feed: OpenedFeed, first: string, last: string) {
  const sheets = await db
    .select()
    .from(scheduleSheet)
    .where(
      and(
        eq(scheduleSheet.organisationId, feed.actor.organisationId),
        feed.unitId ? eq(scheduleSheet.unitId, feed.unitId) : isNull(scheduleSheet.unitId),
        eq(scheduleSheet.status, "published"),
        gte(scheduleSheet.weekStart, addDays(first, -6)),
        lte(scheduleSheet.weekStart, last),
      ),
    )
    .orderBy(asc(scheduleSheet.weekStart));
  return itemsOfPublishedSheets(db, feed.actor, sheets);
}

async function scheduleName(db: Db, feed: OpenedFeed) {
  if (!feed.unitId) {
    return translate("vi", "calendar.feedNames.leadership", {
      organisation: feed.actor.organisationName,
    });
  }
  const [found] = await db.select({ name: unit.name }).from(unit).where(eq(unit.id, feed.unitId));
  return translate("vi", "calendar.feedNames.unit", { unit: found?.name ?? "" });
}

/**
 * The iCalendar text a subscription address serves, as its owner may see it today: their own
 * calendar, or a published schedule, from a month back to six months ahead.
 */
export async function feedCalendar(db: Db, feed: OpenedFeed, origin: string, now = new Date()) {
  const today = vietnamToday(now);
  const first = addDays(today, -PAST_DAYS);
  const last = addDays(today, FUTURE_DAYS);
  const domain = new URL(origin).hostname || "lienthong";
  if (feed.scope === "schedule") {
    const items = await scheduleFeedItems(db, feed, first, last);
    return buildCalendar(eventsOfItems(items, origin, domain), {
      name: await scheduleName(db, feed),
      method: "PUBLISH",
    });
  }
  const items = await calendarItems(db, feed.actor, {
    from: vietnamDayStart(first),
    to: vietnamDayStart(addDays(last, 1)),
  });
  // A meeting goes as its series (RRULE, EXDATE, moved occurrences), not one event per
  // occurrence, so that a calendar application knows the occurrences belong together.
  const meetingIds = [
    ...new Set(items.filter((i) => i.kind === "meeting").map((i) => i.id.split(":")[1]!)),
  ];
  const meetings = meetingIds.length
    ? await db
        .select()
        .from(meeting)
        .where(and(inArray(meeting.id, meetingIds), meetingVisibleTo(feed.actor)))
    : [];
  const series = [...(await eventsOfMeetings(db, meetings, origin)).values()];
  const others = items.filter((i) => i.kind !== "meeting");
  const events: IcsEvent[] = [
    ...series.flat(),
    ...eventsOfItems(withoutSecrets(others), origin, domain),
  ];
  return buildCalendar(events, {
    name: translate("vi", "calendar.feedNames.mine", { name: feed.actor.fullName }),
    method: "PUBLISH",
  });
}
