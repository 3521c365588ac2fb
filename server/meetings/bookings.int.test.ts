// Room bookings made through meetings: of bookings racing for one room exactly one wins, an edit
// into another meeting's time is refused, and a series books every occurrence or none.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { meeting } from "@/db/schema/meetings";
import { addDays } from "@/lib/dates";
import { formatVietnamDateTime, vietnamInstant } from "@/lib/meetings";
import type { Actor } from "@/server/authz/actor";
import { plusDays, refusedWith, type WorkflowWorld } from "@/server/testing/incoming-workflow";
import { roomAvailability } from "./availability";
import { createMeeting } from "./create";
import { reserveRoom } from "./rooms";
import { createMeetingsWorld, mondayAfter, type MeetingsWorld } from "./test-fixtures";
import { applyMeetingAction } from "./workflow";

let world: WorkflowWorld;
let roomId: string;
let otherRoomId: string;
let clerk: Actor;
let chair: Actor;
let input: MeetingsWorld["input"];
let bookingsOf: MeetingsWorld["bookingsOf"];
let meetingCount: MeetingsWorld["meetingCount"];

beforeAll(async () => {
  ({ world, roomId, otherRoomId, clerk, chair, input, bookingsOf, meetingCount } =
    await createMeetingsWorld());
});

describe("room bookings", () => {
  it("of 20 overlapping bookings started together, exactly one holds the room; the others are told why and offered the next free slot", async () => {
    const day = plusDays(5);
    const people = [
      "chutich.dc",
      "phochutich.dc",
      "truongphong.kt",
      "chuyenvien.kt",
      "truongphong.vhxh",
      "chuyenvien.vhxh",
      "vanthu.dc",
    ];
    const actors = await Promise.all(people.map((p) => world.as(p)));
    const before = await meetingCount();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createMeeting(
          world.db,
          actors[i % actors.length]!,
          // Each asks for a slightly different hour around 09:00-10:00: all overlap 09:30.
          input({
            title: `Họp số ${i + 1}`,
            day,
            startTime: i % 2 ? "09:00" : "09:15",
            endTime: i % 2 ? "10:00" : "10:15",
          }),
        ),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) {
      expect(r.reason.code, String(r.reason?.cause ?? r.reason)).toBe("CONFLICT");
      expect(r.reason.messageKey).toMatch(/^meetings\.errors\.roomTaken(Private)?$/);
      expect(r.reason.params.room).toBe("Phòng thử A");
      expect(r.reason.params.taken).toMatch(
        new RegExp(
          `^${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)} 09:(00|15)–10:(00|15)$`,
        ),
      );
      // The next free slot of the same length, the same morning, right after the winner.
      expect(r.reason.params.suggestion).toMatch(/ 10:(00|15)–1[01]:(00|15|30)$/);
    }
    expect(await bookingsOf(roomId)).toBe(1);
    expect(await meetingCount()).toBe(before + 1);
  });

  it("refuses an edit into another meeting's time and leaves the meeting as it was", async () => {
    const day = plusDays(6);
    await createMeeting(
      world.db,
      chair,
      input({ title: "Họp Đảng ủy", day, startTime: "14:00", endTime: "15:00" }),
    );
    const later = await createMeeting(
      world.db,
      clerk,
      input({ title: "Họp tổ", day, startTime: "15:00", endTime: "16:00" }),
    );
    const error = await refusedWith(
      applyMeetingAction(world.db, clerk, {
        id: later.id,
        version: later.version,
        input: {
          action: "edit",
          ...input({ title: "Họp tổ", day, startTime: "14:30", endTime: "15:30" }),
        },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    // The clerk keeps the rooms, so sees whose booking is in the way.
    expect(error.messageKey).toBe("meetings.errors.roomTaken");
    expect(error.params.title).toBe("Họp Đảng ủy");
    expect(error.params.suggestion).toMatch(/ 15:00–16:00$/);
    const [row] = await world.db.select().from(meeting).where(eq(meeting.id, later.id));
    expect(row!.version).toBe(later.version);
    expect(formatVietnamDateTime(row!.startsAt)).toMatch(/ 15:00$/);
    const availability = await roomAvailability(world.db, clerk, {
      roomId,
      day,
      startTime: "14:30",
      endTime: "15:30",
      recurrence: { kind: "none" },
      meetingId: later.id,
    });
    // Its own booking does not count against it; the one before it does.
    expect(availability.conflicts.map((c) => c.title)).toEqual(["Họp Đảng ủy"]);
    expect(availability.suggestion).toMatchObject({ day, startTime: "15:00", endTime: "16:00" });
  });

  it("books a recurring meeting for every occurrence, or for none when one occurrence collides", async () => {
    const monday = mondayAfter(14);
    const third = addDays(monday, 14);
    await reserveRoom(world.db, clerk, {
      roomId: otherRoomId,
      purpose: "Tiếp dân",
      day: third,
      startTime: "07:00",
      endTime: "08:00",
    });
    const before = { bookings: await bookingsOf(otherRoomId), meetings: await meetingCount() };
    const weekly = input({
      title: "Giao ban thứ Hai",
      day: monday,
      startTime: "07:30",
      endTime: "08:30",
      roomId: otherRoomId,
      recurrence: { kind: "weekly", days: ["MO"], end: { count: 5 } },
    });
    const error = await refusedWith(createMeeting(world.db, chair, weekly));
    expect(error.code).toBe("CONFLICT");
    expect(error.messageKey).toBe("meetings.errors.roomTakenPrivate");
    expect(error.params.taken).toContain(`${third.slice(8, 10)}/${third.slice(5, 7)}`);
    // The whole series moves to a time free on every Monday.
    expect(error.params.suggestion).toMatch(/ 08:00–09:00$/);
    expect(await bookingsOf(otherRoomId)).toBe(before.bookings);
    expect(await meetingCount()).toBe(before.meetings);

    const ok = await createMeeting(world.db, chair, {
      ...weekly,
      startTime: "08:00",
      endTime: "09:00",
    });
    expect(await bookingsOf(otherRoomId)).toBe(before.bookings + 5);
    // Cancelling one occurrence frees its room; cancelling the meeting frees them all.
    const firstStart = vietnamInstant(monday, "08:00").toISOString();
    const afterCancel = await applyMeetingAction(world.db, chair, {
      id: ok.id,
      version: ok.version,
      input: { action: "cancelOccurrence", occurrenceStart: firstStart },
    });
    expect(await bookingsOf(otherRoomId)).toBe(before.bookings + 4);
    await applyMeetingAction(world.db, chair, {
      id: ok.id,
      version: afterCancel.version,
      input: { action: "cancel", reason: null },
    });
    expect(await bookingsOf(otherRoomId)).toBe(before.bookings);
  });
});
