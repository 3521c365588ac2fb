import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { vietnamInstant } from "@/lib/meetings";
import type { Actor } from "@/server/authz/actor";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "@/server/testing/incoming-workflow";
import { createMeeting } from "./create";
import { meetingIcs } from "./ics";
import { createRoom } from "./rooms";
import { applyMeetingAction } from "./workflow";

// Debian's python3-icalendar reads the file as a calendar program would.
const READ = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
out = {"method": str(cal.get("METHOD")), "timezones": [str(t.get("TZID")) for t in cal.walk("VTIMEZONE")], "events": []}
for e in cal.walk("VEVENT"):
    start = e.decoded("DTSTART")
    exdates = []
    ex = e.get("EXDATE")
    for group in (ex if isinstance(ex, list) else [ex] if ex else []):
        exdates += [d.dt.isoformat() for d in group.dts]
    rid = e.get("RECURRENCE-ID")
    out["events"].append({
        "summary": str(e.get("SUMMARY")),
        "start": start.isoformat(),
        "tz": str(start.tzinfo),
        "end": e.decoded("DTEND").isoformat(),
        "rrule": e.get("RRULE").to_ical().decode() if e.get("RRULE") else None,
        "exdates": exdates,
        "recurrenceId": rid.dt.isoformat() if rid else None,
        "organizer": str(e.get("ORGANIZER")),
        "attendees": [str(a) for a in (e.get("ATTENDEE") if isinstance(e.get("ATTENDEE"), list) else [e.get("ATTENDEE")] if e.get("ATTENDEE") else [])],
        "location": str(e.get("LOCATION")),
    })
print(json.dumps(out))
`;

type Parsed = {
  method: string;
  timezones: string[];
  events: {
    summary: string;
    start: string;
    tz: string;
    end: string;
    rrule: string | null;
    exdates: string[];
    recurrenceId: string | null;
    organizer: string;
    attendees: string[];
    location: string;
  }[];
};

const parse = (ics: string): Parsed =>
  JSON.parse(
    execFileSync("/usr/bin/python3", ["-c", READ], { input: ics, encoding: "utf8" }),
  ) as Parsed;

let world: WorkflowWorld;
let chair: Actor;

function mondayAfter(days: number): string {
  for (let n = days; ; n++) {
    const day = plusDays(n);
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1) return day;
  }
}
const dayPlus = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  world = await createWorkflowWorld();
  chair = await world.as("chutich.dc");
});

describe("a meeting's invitation file", () => {
  it("parses as RFC 5545 with local times, RRULE, EXDATE, a moved occurrence, organiser and attendees", async () => {
    const clerk = await world.as("vanthu.dc");
    const specialist = await world.as("chuyenvien.kt");
    const r = await createRoom(world.db, clerk, {
      name: "Phòng họp số 1",
      capacity: 20,
      equipment: [],
      active: true,
    });
    const monday = mondayAfter(7);
    const m = await createMeeting(world.db, chair, {
      title: "Giao ban đầu tuần",
      agenda: "Điểm lại công việc tuần trước",
      day: monday,
      startTime: "07:30",
      endTime: "08:30",
      roomId: r.id,
      locationText: null,
      recurrence: { kind: "weekly", days: ["MO"], end: { count: 6 } },
      participantIds: [specialist.userId],
    });
    const second = dayPlus(monday, 7);
    const third = dayPlus(monday, 14);
    const v = await applyMeetingAction(world.db, chair, {
      id: m.id,
      version: m.version,
      input: {
        action: "cancelOccurrence",
        occurrenceStart: vietnamInstant(second, "07:30").toISOString(),
      },
    });
    await applyMeetingAction(world.db, chair, {
      id: m.id,
      version: v.version,
      input: {
        action: "moveOccurrence",
        occurrenceStart: vietnamInstant(third, "07:30").toISOString(),
        day: third,
        startTime: "14:00",
        endTime: "15:00",
        roomId: null,
        locationText: "Hội trường UBND",
        title: null,
      },
    });
    const { content, filename } = await meetingIcs(
      world.db,
      specialist,
      m.id,
      "https://lienthong.example",
    );
    expect(filename).toMatch(/\.ics$/);
    const cal = parse(content);
    expect(cal.method).toBe("REQUEST");
    expect(cal.timezones).toEqual(["Asia/Ho_Chi_Minh"]);
    const [series, moved] = cal.events;
    expect(series).toMatchObject({
      summary: "Giao ban đầu tuần",
      start: `${monday}T07:30:00+07:00`,
      end: `${monday}T08:30:00+07:00`,
      rrule: "FREQ=WEEKLY;COUNT=6;BYDAY=MO",
      exdates: [`${second}T07:30:00+07:00`],
      location: "Phòng họp số 1",
      recurrenceId: null,
    });
    expect(series!.organizer.toLowerCase()).toContain("mailto:");
    expect(series!.attendees).toHaveLength(1);
    expect(moved).toMatchObject({
      start: `${third}T14:00:00+07:00`,
      recurrenceId: `${third}T07:30:00+07:00`,
      location: "Hội trường UBND",
    });
  });

  it("is NOT_FOUND for another organisation and for a member not invited", async () => {
    const m = await createMeeting(world.db, chair, {
      title: "Họp kín",
      agenda: "",
      day: plusDays(4),
      startTime: "09:00",
      endTime: "10:00",
      roomId: null,
      locationText: null,
      recurrence: { kind: "none" },
      participantIds: [],
    });
    for (const username of ["chutich.hl", "vanthu.hl", "chuyenvien.vhxh"]) {
      const error = await refusedWith(
        meetingIcs(world.db, await world.as(username), m.id, "https://x.example"),
      );
      expect(error.code, username).toBe("NOT_FOUND");
    }
  });
});
