// Recurring meetings as a person's calendar sees them: every occurrence at the same local time,
// cancelled and moved occurrences in their place, and series over before the range left out.
import { beforeAll, describe, expect, it } from "vitest";
import { meeting, meetingException } from "@/db/schema/meetings";
import { addDays } from "@/lib/dates";
import { formatVietnamDateTime, vietnamInstant } from "@/lib/meetings";
import type { Actor } from "@/server/authz/actor";
import { plusDays, type WorkflowWorld } from "@/server/testing/incoming-workflow";
import { meetingItemsFor } from "./calendar-items";
import { createMeeting } from "./create";
import { myOccurrences } from "./occurrences";
import { createMeetingsWorld, mondayAfter, type MeetingsWorld } from "./test-fixtures";
import { applyMeetingAction } from "./workflow";

let world: WorkflowWorld;
let chair: Actor;
let input: MeetingsWorld["input"];

beforeAll(async () => {
  ({ world, chair, input } = await createMeetingsWorld());
});

describe("recurring meetings", () => {
  it("expands a Monday 07:30 briefing at 07:30 local in every month, with a cancelled and a moved occurrence", async () => {
    const monday = mondayAfter(35);
    const specialist = await world.as("chuyenvien.kt");
    const created = await createMeeting(
      world.db,
      chair,
      input({
        title: "Giao ban đầu tuần",
        day: monday,
        startTime: "07:30",
        endTime: "08:30",
        roomId: null,
        locationText: "Hội trường tầng 2",
        recurrence: { kind: "weekly", days: ["MO"], end: { count: 8 } },
        participantIds: [specialist.userId],
      }),
    );
    const second = addDays(monday, 7);
    const third = addDays(monday, 14);
    const v1 = await applyMeetingAction(world.db, chair, {
      id: created.id,
      version: created.version,
      input: {
        action: "cancelOccurrence",
        occurrenceStart: vietnamInstant(second, "07:30").toISOString(),
      },
    });
    const tuesday = addDays(third, 1);
    await applyMeetingAction(world.db, chair, {
      id: created.id,
      version: v1.version,
      input: {
        action: "moveOccurrence",
        occurrenceStart: vietnamInstant(third, "07:30").toISOString(),
        day: tuesday,
        startTime: "14:00",
        endTime: "15:00",
        roomId: null,
        locationText: null,
        title: null,
      },
    });
    const items = await meetingItemsFor(world.db, specialist, {
      from: vietnamInstant(monday, "00:00"),
      to: vietnamInstant(addDays(monday, 70), "00:00"),
    });
    const mine = items.filter((i) => i.href === `/meetings/${created.id}`);
    expect(mine).toHaveLength(8);
    expect(mine.map((i) => formatVietnamDateTime(i.start).slice(11))).toEqual([
      "07:30",
      "07:30",
      "14:00",
      "07:30",
      "07:30",
      "07:30",
      "07:30",
      "07:30",
    ]);
    // The eight weeks cross at least one change of month, at the same local time.
    expect(
      new Set(mine.map((i) => formatVietnamDateTime(i.start).slice(3, 5))).size,
    ).toBeGreaterThan(1);
    expect(mine[1]).toMatchObject({ state: "cancelled", response: "pending" });
    expect(mine[2]).toMatchObject({ state: "changed", location: "Hội trường tầng 2" });
    expect(formatVietnamDateTime(mine[2]!.start).slice(0, 10)).toBe(
      `${tuesday.slice(8, 10)}/${tuesday.slice(5, 7)}/${tuesday.slice(0, 4)}`,
    );
  });
});

describe("a person's meetings in a range", () => {
  it("leave out series finished before it, and keep one whose occurrence was moved into it", async () => {
    const who = await world.as("phochutich.dc");
    const at = (day: string, time: string) => vietnamInstant(day, time);
    const series = async (title: string, first: string, recurrence: string) => {
      const [row] = await world.db
        .insert(meeting)
        .values({
          organisationId: who.organisationId,
          organiserId: who.userId,
          title,
          agenda: "",
          startsAt: at(first, "08:00"),
          endsAt: at(first, "09:00"),
          recurrence,
        })
        .returning({ id: meeting.id });
      return row!.id;
    };
    // Three Mondays two months ago; the same, its last Monday moved to next week; a daily
    // series until the day after tomorrow; a weekly one by UNTIL, finished last month.
    const finished = await series("Đã xong theo số buổi", plusDays(-60), "FREQ=WEEKLY;COUNT=3");
    const moved = await series("Có buổi dời sang tuần sau", plusDays(-60), "FREQ=WEEKLY;COUNT=3");
    await world.db.insert(meetingException).values({
      meetingId: moved,
      originalStart: at(addDays(plusDays(-60), 14), "08:00"),
      cancelled: false,
      newStart: at(plusDays(7), "08:00"),
      newEnd: at(plusDays(7), "09:00"),
    });
    const daily = await series(
      "Hằng ngày đến ngày kia",
      plusDays(-10),
      `FREQ=DAILY;UNTIL=${plusDays(2).replaceAll("-", "")}T165959Z`,
    );
    const untilPast = await series(
      "Đã xong theo ngày",
      plusDays(-90),
      `FREQ=WEEKLY;UNTIL=${plusDays(-40).replaceAll("-", "")}T165959Z`,
    );
    const seen = await myOccurrences(world.db, who, {
      from: at(plusDays(0), "00:00"),
      to: at(plusDays(14), "00:00"),
    });
    const ids = new Set(seen.map((o) => o.meetingId));
    expect(ids.has(finished)).toBe(false);
    expect(ids.has(untilPast)).toBe(false);
    expect(seen.filter((o) => o.meetingId === moved).map((o) => o.start)).toEqual([
      at(plusDays(7), "08:00"),
    ]);
    // Today, tomorrow and the day after.
    expect(seen.filter((o) => o.meetingId === daily)).toHaveLength(3);
  });
});
