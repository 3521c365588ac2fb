import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import {
  meeting,
  meetingException,
  meetingParticipant,
  room,
  roomBooking,
} from "@/db/schema/meetings";
import { notification } from "@/db/schema/notify";
import { formatVietnamDateTime, vietnamInstant } from "@/lib/meetings";
import type { CreateMeetingInput } from "@/lib/schemas/meetings";
import type { Actor } from "@/server/authz/actor";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "@/server/testing/incoming-workflow";
import { meetingItemsFor } from "./calendar-items";
import { createMeeting } from "./create";
import { getMeeting, myOccurrences, roomAvailability } from "./queries";
import { respondToMeeting } from "./responses";
import { createRoom, reserveRoom, roomWeek } from "./rooms";
import { applyMeetingAction } from "./workflow";

let world: WorkflowWorld;
let roomId: string;
let otherRoomId: string;
let hlRoomId: string;
let clerk: Actor;
let chair: Actor;

/** The first Monday at least `days` days from today. */
function mondayAfter(days: number): string {
  for (let n = days; ; n++) {
    const day = plusDays(n);
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1) return day;
  }
}

const input = (over: Partial<CreateMeetingInput> = {}): CreateMeetingInput => ({
  title: "Họp giao ban",
  agenda: "",
  day: plusDays(3),
  startTime: "09:00",
  endTime: "10:00",
  roomId,
  locationText: null,
  recurrence: { kind: "none" },
  participantIds: [],
  ...over,
});

async function bookingsOf(r: string) {
  const [row] = await world.db
    .select({ n: count() })
    .from(roomBooking)
    .where(and(eq(roomBooking.roomId, r), eq(roomBooking.active, true)));
  return row!.n;
}

async function meetingCount() {
  const [row] = await world.db.select({ n: count() }).from(meeting);
  return row!.n;
}

beforeAll(async () => {
  world = await createWorkflowWorld();
  clerk = await world.as("vanthu.dc");
  chair = await world.as("chutich.dc");
  const equipment = ["Máy chiếu", "Micro"];
  roomId = (
    await createRoom(world.db, clerk, {
      name: "Phòng thử A",
      capacity: 20,
      equipment,
      active: true,
    })
  ).id;
  otherRoomId = (
    await createRoom(world.db, clerk, {
      name: "Phòng thử B",
      capacity: 2,
      equipment: [],
      active: true,
    })
  ).id;
  hlRoomId = (
    await createRoom(world.db, await world.as("vanthu.hl"), {
      name: "Phòng họp Hoàng Liệt",
      capacity: 10,
      equipment: [],
      active: true,
    })
  ).id;
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
    const third = plusDaysFrom(monday, 14);
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

function plusDaysFrom(day: string, n: number) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

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
    const second = plusDaysFrom(monday, 7);
    const third = plusDaysFrom(monday, 14);
    const v1 = await applyMeetingAction(world.db, chair, {
      id: created.id,
      version: created.version,
      input: {
        action: "cancelOccurrence",
        occurrenceStart: vietnamInstant(second, "07:30").toISOString(),
      },
    });
    const tuesday = plusDaysFrom(third, 1);
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
      to: vietnamInstant(plusDaysFrom(monday, 70), "00:00"),
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
      originalStart: at(plusDaysFrom(plusDays(-60), 14), "08:00"),
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

describe("refusals", () => {
  it("refuses bad input with the field and the reason, and changes nothing", async () => {
    const before = { meetings: await meetingCount(), bookings: await bookingsOf(roomId) };
    const hlClerk = await world.as("vanthu.hl");
    const cases: [Partial<CreateMeetingInput>, string, string][] = [
      [{ startTime: "10:00", endTime: "09:00" }, "endTime", "meetings.errors.endBeforeStart"],
      [{ day: plusDays(-1) }, "startTime", "meetings.errors.inPast"],
      [
        { recurrence: { kind: "daily", end: { count: 400 } } },
        "recurrence",
        "meetings.errors.recurrenceTooMany",
      ],
      [
        { recurrence: { kind: "daily", end: { until: plusDays(800) } } },
        "recurrence",
        "meetings.errors.recurrenceTooMany",
      ],
      [
        { recurrence: { kind: "daily", end: { until: plusDays(1) } } },
        "recurrence",
        "meetings.errors.recurrenceUntilBeforeStart",
      ],
      [
        { participantIds: ["00000000-0000-4000-8000-000000000000"] },
        "participantIds",
        "meetings.errors.participantUnknown",
      ],
      [
        { participantIds: [hlClerk.userId] },
        "participantIds",
        "meetings.errors.participantUnknown",
      ],
      [{ roomId: hlRoomId }, "roomId", "meetings.errors.roomUnknown"],
    ];
    for (const [over, field, key] of cases) {
      const error = await refusedWith(
        createMeeting(world.db, chair, input({ day: plusDays(8), ...over })),
      );
      expect(error.code, key).toBe("VALIDATION");
      expect(error.fieldErrors[field]?.[0]?.key).toBe(key);
    }
    expect(await meetingCount()).toBe(before.meetings);
    expect(await bookingsOf(roomId)).toBe(before.bookings);
  });

  it("warns, without refusing, of a full room and of invitees already taken", async () => {
    const day = plusDays(9);
    const specialist = await world.as("chuyenvien.vhxh");
    await createMeeting(
      world.db,
      chair,
      input({
        day,
        startTime: "08:00",
        endTime: "09:00",
        roomId: null,
        participantIds: [specialist.userId],
      }),
    );
    const second = await createMeeting(
      world.db,
      clerk,
      input({
        day,
        startTime: "08:30",
        endTime: "09:30",
        roomId: otherRoomId,
        participantIds: [specialist.userId, chair.userId],
      }),
    );
    expect(second.warnings.overCapacity).toBe(true);
    expect(second.warnings.busy.map((b) => b.fullName).sort()).toEqual(
      ["Nguyễn Đức Thắng", "Đỗ Thị Hạnh"].sort(),
    );
  });
});

describe("invitations and visibility", () => {
  it("lets the invitee accept (recorded, organiser told) and nobody else answer", async () => {
    const specialist = await world.as("chuyenvien.kt");
    const m = await createMeeting(
      world.db,
      chair,
      input({ title: "Họp dân vận", day: plusDays(10), participantIds: [specialist.userId] }),
    );
    const [invited] = await world.db
      .select({ n: count() })
      .from(notification)
      .where(
        and(
          eq(notification.userId, specialist.userId),
          eq(notification.messageKey, "meetingInvited"),
        ),
      );
    expect(invited!.n).toBeGreaterThan(0);
    const detail = await getMeeting(world.db, specialist, m.id);
    const answered = await respondToMeeting(world.db, specialist, {
      id: m.id,
      version: detail.mine!.version,
      response: "accepted",
    });
    expect(answered.response).toBe("accepted");
    // A second click on the old view is stale, not a second answer.
    expect(
      (
        await refusedWith(
          respondToMeeting(world.db, specialist, {
            id: m.id,
            version: detail.mine!.version,
            response: "declined",
          }),
        )
      ).code,
    ).toBe("STALE");
    // Someone not invited cannot answer, nor see it.
    const other = await world.as("chuyenvien.vhxh");
    expect(
      (
        await refusedWith(
          respondToMeeting(world.db, other, { id: m.id, version: 1, response: "accepted" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await refusedWith(getMeeting(world.db, other, m.id))).code).toBe("NOT_FOUND");
    const [row] = await world.db
      .select({ response: meetingParticipant.response })
      .from(meetingParticipant)
      .where(eq(meetingParticipant.meetingId, m.id));
    expect(row!.response).toBe("accepted");
    const [audit] = await world.db
      .select({ n: count() })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, m.id), eq(auditEvent.action, "meeting.accepted")));
    expect(audit!.n).toBe(1);
  });

  it("answers NOT_FOUND to another organisation for a meeting, a room's bookings and its availability", async () => {
    const m = await createMeeting(world.db, chair, input({ day: plusDays(11) }));
    const hl = await world.as("chutich.hl");
    const hlClerk = await world.as("vanthu.hl");
    expect((await refusedWith(getMeeting(world.db, hlClerk, m.id))).code).toBe("NOT_FOUND");
    expect(
      (await refusedWith(roomWeek(world.db, hl, { roomId, weekStart: plusDays(11) }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refusedWith(
          roomAvailability(world.db, hl, {
            roomId,
            day: plusDays(11),
            startTime: "09:00",
            endTime: "10:00",
            recurrence: { kind: "none" },
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refusedWith(
          applyMeetingAction(world.db, hl, {
            id: m.id,
            version: 1,
            input: { action: "cancel", reason: null },
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    const [r] = await world.db
      .select({ status: meeting.status })
      .from(meeting)
      .where(eq(meeting.id, m.id));
    expect(r!.status).toBe("scheduled");
    expect((await world.db.select().from(room).where(eq(room.id, hlRoomId))).length).toBe(1);
  });
});
