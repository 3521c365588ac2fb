import { execFileSync } from "node:child_process";

// Debian's python3-icalendar reads a file as a calendar program would: an independent parser.
const READ = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
out = {"method": str(cal.get("METHOD")), "name": str(cal.get("X-WR-CALNAME")), "timezones": [str(t.get("TZID")) for t in cal.walk("VTIMEZONE")], "events": []}
for e in cal.walk("VEVENT"):
    start = e.decoded("DTSTART")
    exdates = []
    ex = e.get("EXDATE")
    for group in (ex if isinstance(ex, list) else [ex] if ex else []):
        exdates += [d.dt.isoformat() for d in group.dts]
    rid = e.get("RECURRENCE-ID")
    attendees = e.get("ATTENDEE")
    out["events"].append({
        "uid": str(e.get("UID")),
        "summary": str(e.get("SUMMARY")),
        "start": start.isoformat(),
        "tz": str(getattr(start, "tzinfo", None)),
        "end": e.decoded("DTEND").isoformat(),
        "status": str(e.get("STATUS")) if e.get("STATUS") else None,
        "rrule": e.get("RRULE").to_ical().decode() if e.get("RRULE") else None,
        "exdates": exdates,
        "recurrenceId": rid.dt.isoformat() if rid else None,
        "organizer": str(e.get("ORGANIZER")),
        "attendees": [str(a) for a in (attendees if isinstance(attendees, list) else [attendees] if attendees else [])],
        "location": str(e.get("LOCATION")),
        "url": str(e.get("URL")) if e.get("URL") else None,
    })
print(json.dumps(out))
`;

export type ParsedCalendar = {
  method: string;
  name: string;
  timezones: string[];
  events: {
    uid: string;
    summary: string;
    /** ISO 8601 with its offset (a day alone for all-day events). */
    start: string;
    tz: string;
    end: string;
    status: string | null;
    rrule: string | null;
    exdates: string[];
    recurrenceId: string | null;
    organizer: string;
    attendees: string[];
    location: string;
    url: string | null;
  }[];
};

/** The calendar as python3-icalendar reads it; throws when it cannot. */
export const parseIcalendar = (ics: string): ParsedCalendar =>
  JSON.parse(
    execFileSync("/usr/bin/python3", ["-c", READ], { input: ics, encoding: "utf8" }),
  ) as ParsedCalendar;
