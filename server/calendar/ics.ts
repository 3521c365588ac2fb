// RFC 5545 calendars: one VCALENDAR from events of any area (a meeting and its series, a
// schedule entry, a deadline), in Vietnam's time zone with its VTIMEZONE, so a calendar program
// shows 07:30 as 07:30 and expands a weekly series on the right weekday.
import ical, {
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  ICalWeekday,
  type ICalRepeatingOptions,
} from "ical-generator";
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";
import type { CalendarItem } from "./items";

dayjs.extend(utc);
dayjs.extend(timezone);

export const ICS_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** Vietnam keeps UTC+7 all year (no daylight saving since 1975): one STANDARD block says it all. */
const VIETNAM_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${ICS_TIME_ZONE}`,
  `X-LIC-LOCATION:${ICS_TIME_ZONE}`,
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0700",
  "TZOFFSETTO:+0700",
  "TZNAME:+07",
  "DTSTART:19700101T000000",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/**
 * An instant as ical-generator writes it under TZID: a plain Date would be written with the
 * server process's local clock, whatever the TZID says.
 */
const local = (d: Date) => dayjs(d).tz(ICS_TIME_ZONE);

export type IcsPerson = { name: string; email: string };

export type IcsEvent = {
  /** Stable across versions of the same event (and shared by the occurrences of a series). */
  uid: string;
  /** Raised on each change, so calendar programs replace what they hold. */
  sequence?: number;
  summary: string;
  description?: string | null;
  location?: string | null;
  start: Date;
  end: Date;
  allDay?: boolean;
  status?: "confirmed" | "tentative" | "cancelled";
  url?: string | null;
  organizer?: IcsPerson | null;
  attendees?: (IcsPerson & { response: "pending" | "accepted" | "declined" })[];
  /** A series: its RRULE body (`FREQ=WEEKLY;BYDAY=MO;COUNT=10`) and the starts it leaves out. */
  recurrence?: { rule: string; exdates: Date[] } | null;
  /** One occurrence of a series changed: the start the series gives it. */
  recurrenceId?: Date | null;
  updatedAt?: Date;
};

export type IcsMethod = "REQUEST" | "PUBLISH" | "CANCEL";

const WEEKDAYS: Record<string, ICalWeekday> = {
  MO: ICalWeekday.MO,
  TU: ICalWeekday.TU,
  WE: ICalWeekday.WE,
  TH: ICalWeekday.TH,
  FR: ICalWeekday.FR,
  SA: ICalWeekday.SA,
  SU: ICalWeekday.SU,
};

const FREQUENCIES: Record<string, ICalEventRepeatingFreq> = {
  DAILY: ICalEventRepeatingFreq.DAILY,
  WEEKLY: ICalEventRepeatingFreq.WEEKLY,
  MONTHLY: ICalEventRepeatingFreq.MONTHLY,
  YEARLY: ICalEventRepeatingFreq.YEARLY,
};

/** An RRULE body as ical-generator's options (it writes RRULE and EXDATE from them). */
export function repeatingOptions(rule: string, exdates: Date[]): ICalRepeatingOptions {
  const fields = new Map(
    rule.split(";").map((p) => {
      const [k, v] = p.split("=");
      return [k ?? "", v ?? ""] as const;
    }),
  );
  const freq = FREQUENCIES[fields.get("FREQ") ?? ""];
  if (!freq) throw new Error(`Unsupported RRULE ${rule}`);
  const options: ICalRepeatingOptions = { freq };
  const count = fields.get("COUNT");
  if (count) options.count = Number(count);
  const interval = fields.get("INTERVAL");
  if (interval) options.interval = Number(interval);
  const until = fields.get("UNTIL");
  if (until) {
    options.until = new Date(
      `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}T${until.slice(9, 11)}:${until.slice(11, 13)}:${until.slice(13, 15)}Z`,
    );
  }
  const byDay = fields.get("BYDAY");
  if (byDay) options.byDay = byDay.split(",").map((d) => WEEKDAYS[d]!);
  const byMonthDay = fields.get("BYMONTHDAY");
  if (byMonthDay) options.byMonthDay = byMonthDay.split(",").map(Number);
  const wkst = fields.get("WKST");
  if (wkst && WEEKDAYS[wkst]) options.startOfWeek = WEEKDAYS[wkst];
  if (exdates.length > 0) options.exclude = exdates.map(local);
  return options;
}

const ATTENDEE_STATUS = {
  pending: ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  declined: ICalAttendeeStatus.DECLINED,
} as const;

const EVENT_STATUS = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

/** One VCALENDAR holding the events, their times in Asia/Ho_Chi_Minh. */
export function buildCalendar(
  events: IcsEvent[],
  options: { name: string; method?: IcsMethod; prodId?: string },
): string {
  const calendar = ical({
    name: options.name,
    prodId: options.prodId ?? { company: "Lien Thong", product: "e-office", language: "VI" },
    timezone: { name: ICS_TIME_ZONE, generator: () => VIETNAM_VTIMEZONE },
  });
  if (options.method) calendar.method(ICalCalendarMethod[options.method]);
  for (const e of events) {
    const event = calendar.createEvent({
      id: e.uid,
      sequence: e.sequence ?? 0,
      summary: e.summary,
      description: e.description ?? null,
      location: e.location ?? null,
      start: local(e.start),
      end: local(e.end),
      allDay: e.allDay ?? false,
      timezone: ICS_TIME_ZONE,
      status: e.status ? EVENT_STATUS[e.status] : null,
      url: e.url ?? null,
      stamp: e.updatedAt ?? new Date(),
      ...(e.updatedAt ? { lastModified: e.updatedAt } : {}),
    });
    if (e.organizer) event.organizer({ name: e.organizer.name, email: e.organizer.email });
    for (const a of e.attendees ?? []) {
      event.createAttendee({
        name: a.name,
        email: a.email,
        status: ATTENDEE_STATUS[a.response],
        rsvp: a.response === "pending",
      });
    }
    if (e.recurrence) {
      event.repeating(repeatingOptions(e.recurrence.rule, e.recurrence.exdates));
    }
    if (e.recurrenceId) event.recurrenceId(local(e.recurrenceId));
  }
  return calendar.toString();
}

/**
 * Calendar items of any area as events (for a person's feed): each item one event, its UID
 * from the item's id, a cancelled occurrence marked cancelled.
 */
export function eventsOfItems(items: CalendarItem[], origin: string, domain: string): IcsEvent[] {
  return items.map((item) => ({
    uid: `${item.id}@${domain}`,
    summary: item.title,
    location: item.location,
    start: new Date(item.start),
    end: new Date(item.end),
    allDay: item.allDay,
    url: new URL(item.href, origin).toString(),
    status:
      item.state === "cancelled"
        ? "cancelled"
        : item.response === "pending"
          ? "tentative"
          : "confirmed",
  }));
}
