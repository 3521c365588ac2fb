// A meeting the form sends with bad input is refused with the field and the reason, and nothing
// is written; a full room and invitees already taken are warnings, not refusals.
import { beforeAll, describe, expect, it } from "vitest";
import type { CreateMeetingInput } from "@/lib/schemas/meetings";
import type { Actor } from "@/server/authz/actor";
import { plusDays, refusedWith, type WorkflowWorld } from "@/server/testing/incoming-workflow";
import { createMeeting } from "./create";
import { createMeetingsWorld, type MeetingsWorld } from "./test-fixtures";

let world: WorkflowWorld;
let roomId: string;
let otherRoomId: string;
let hlRoomId: string;
let clerk: Actor;
let chair: Actor;
let input: MeetingsWorld["input"];
let bookingsOf: MeetingsWorld["bookingsOf"];
let meetingCount: MeetingsWorld["meetingCount"];

beforeAll(async () => {
  ({ world, roomId, otherRoomId, hlRoomId, clerk, chair, input, bookingsOf, meetingCount } =
    await createMeetingsWorld());
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
