// The published schedule on a person's calendar, on the home page and in a sheet's feed.
import { and, asc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { scheduleChange, scheduleEntry, scheduleSheet } from "@/db/schema/schedule";
import { addDays, vietnamToday } from "@/lib/dates";
import { scheduleHref, shortTime } from "@/lib/schedule";
import { can } from "@/lib/permissions";
import { assertCan, type Actor } from "../authz/actor";
import type { CalendarItem, CalendarRange } from "../calendar/items";
import { notFound } from "../errors";
import { loadVisibleSheet, maySeeSheet, type SheetRow } from "./access";
import { entriesOfSheet, type EntryView } from "./view";

/** Vietnam keeps UTC+7 all year. */
const instant = (day: string, time: string) => new Date(`${day}T${time.slice(0, 5)}:00+07:00`);
/** Vietnam's day of an instant. */
const vietnamDay = (d: Date) => vietnamToday(d);

type ItemSource = {
  id: string;
  day: string;
  startTime: string;
  endTime: string | null;
  content: string;
  location: string | null;
  cancelled: boolean;
  changed: boolean;
  year: number;
  week: number;
  unitId: string | null;
};

function toItem(e: ItemSource): CalendarItem {
  const start = instant(e.day, e.startTime);
  // Without an end the entry holds an hour, as calendars show a meeting of unknown length.
  const end = e.endTime ? instant(e.day, e.endTime) : new Date(start.getTime() + 3600_000);
  return {
    id: `schedule:${e.id}`,
    kind: "schedule",
    title: e.content,
    start: start.toISOString(),
    end: end.toISOString(),
    allDay: false,
    location: e.location,
    href: scheduleHref({ year: e.year, week: e.week }, e.unitId),
    ...(e.cancelled
      ? { state: "cancelled" as const }
      : e.changed
        ? { state: "changed" as const }
        : {}),
  };
}

const changedSql = sql<boolean>`exists (select 1 from ${scheduleChange} where ${scheduleChange.entryId} = ${scheduleEntry.id} and ${scheduleChange.kind} = 'edited')`;

const itemColumns = {
  id: scheduleEntry.id,
  day: scheduleEntry.day,
  startTime: scheduleEntry.startTime,
  endTime: scheduleEntry.endTime,
  content: scheduleEntry.content,
  location: scheduleEntry.location,
  cancelled: sql<boolean>`${scheduleEntry.cancelledAt} is not null`,
  changed: changedSql,
  year: scheduleSheet.year,
  week: scheduleSheet.week,
  unitId: scheduleSheet.unitId,
};

/** The leadership's sheet and the actor's unit's sheet. */
const ownSheets = (actor: Actor) =>
  actor.unitId
    ? or(isNull(scheduleSheet.unitId), eq(scheduleSheet.unitId, actor.unitId))
    : isNull(scheduleSheet.unitId);

/**
 * The published entries the actor chairs or takes part in (by name or through their unit), of
 * the leadership's sheet and of their unit's, within the range. A cancelled entry stays, marked
 * cancelled, so that a calendar shows it no longer holds.
 */
export async function scheduleItemsFor(
  db: DbOrTx,
  actor: Actor,
  range: CalendarRange,
): Promise<CalendarItem[]> {
  const concerns = or(
    eq(scheduleEntry.chairUserId, actor.userId),
    sql`${actor.userId}::uuid = any(${scheduleEntry.participantUserIds})`,
    actor.unitId
      ? sql`${actor.unitId}::uuid = any(${scheduleEntry.participantUnitIds})`
      : undefined,
  );
  const rows = await db
    .select(itemColumns)
    .from(scheduleEntry)
    .innerJoin(scheduleSheet, eq(scheduleSheet.id, scheduleEntry.sheetId))
    .where(
      and(
        eq(scheduleEntry.organisationId, actor.organisationId),
        eq(scheduleSheet.status, "published"),
        ownSheets(actor),
        // Whole days around the range; the instants are checked below.
        gte(scheduleEntry.day, vietnamDay(range.from)),
        lt(scheduleEntry.day, addDays(vietnamDay(range.to), 1)),
        concerns,
      ),
    )
    .orderBy(asc(scheduleEntry.day), asc(scheduleEntry.startTime));
  return rows
    .map((r) => toItem({ ...r, startTime: shortTime(r.startTime)!, endTime: shortTime(r.endTime) }))
    .filter((i) => new Date(i.end) > range.from && new Date(i.start) < range.to);
}

export type TodayEntry = EntryView & { sheetId: string; unitId: string | null; href: string };

/**
 * Today's entries (Vietnam time) of the published leadership sheet and of the actor's unit's,
 * for the home page: the leadership's first, each in the order of the sheet.
 */
export async function todayScheduleFor(
  db: DbOrTx,
  actor: Actor,
  today = vietnamToday(),
): Promise<TodayEntry[]> {
  assertCan(actor, "schedule.read");
  const sheets = await db
    .select()
    .from(scheduleSheet)
    .where(
      and(
        eq(scheduleSheet.organisationId, actor.organisationId),
        eq(scheduleSheet.status, "published"),
        ownSheets(actor),
        sql`${scheduleSheet.weekStart} <= ${today}::date`,
        sql`${scheduleSheet.weekStart} + 6 >= ${today}::date`,
      ),
    );
  sheets.sort((a, b) => (a.unitId === null ? -1 : b.unitId === null ? 1 : 0));
  const out: TodayEntry[] = [];
  for (const sheet of sheets) {
    const entries = await entriesOfSheet(db, sheet);
    for (const e of entries.filter((x) => x.day === today)) {
      out.push({
        ...e,
        sheetId: sheet.id,
        unitId: sheet.unitId,
        href: scheduleHref({ year: sheet.year, week: sheet.week }, sheet.unitId),
      });
    }
  }
  return out;
}

/**
 * Every entry of a published sheet the actor may read, as calendar items (a feed of the whole
 * sheet); another organisation's sheet, or one not published, is not found.
 */
export async function publishedSheetItems(
  db: DbOrTx,
  actor: Actor,
  sheetId: string,
): Promise<{
  sheet: { id: string; year: number; week: number; unitId: string | null };
  items: CalendarItem[];
}> {
  assertCan(actor, "schedule.read");
  const sheet = await loadVisibleSheet(db, actor, sheetId);
  if (sheet.status !== "published") throw notFound("scheduleSheet");
  return {
    sheet: { id: sheet.id, year: sheet.year, week: sheet.week, unitId: sheet.unitId },
    items: await itemsOfPublishedSheets(db, actor, [sheet]),
  };
}

/**
 * The entries of published sheets already loaded (a feed's months of weeks) in one query,
 * in printed order; a sheet the actor may not see, or not published, gives nothing.
 */
export async function itemsOfPublishedSheets(
  db: DbOrTx,
  actor: Actor,
  sheets: SheetRow[],
): Promise<CalendarItem[]> {
  if (!can(actor.roles, "schedule.read")) return [];
  const ids = sheets
    .filter((s) => s.status === "published" && s.organisationId === actor.organisationId)
    .filter((s) => maySeeSheet(actor, s))
    .map((s) => s.id);
  if (ids.length === 0) return [];
  const rows = await db
    .select(itemColumns)
    .from(scheduleEntry)
    .innerJoin(scheduleSheet, eq(scheduleSheet.id, scheduleEntry.sheetId))
    .where(inArray(scheduleEntry.sheetId, ids))
    .orderBy(asc(scheduleEntry.day), asc(scheduleEntry.session), asc(scheduleEntry.startTime));
  return rows.map((r) =>
    toItem({ ...r, startTime: shortTime(r.startTime)!, endTime: shortTime(r.endTime) }),
  );
}
