// Who sees and answers a meeting: the invitee answers once (recorded, the organiser told), anyone
// not invited cannot, and another organisation is told the meeting and the room do not exist.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import { meeting, meetingParticipant, room } from "@/db/schema/meetings";
import { notification } from "@/db/schema/notify";
import type { Actor } from "@/server/authz/actor";
import { plusDays, refusedWith, type WorkflowWorld } from "@/server/testing/incoming-workflow";
import { roomAvailability } from "./availability";
import { createMeeting } from "./create";
import { getMeeting } from "./detail";
import { respondToMeeting } from "./responses";
import { roomWeek } from "./rooms";
import { createMeetingsWorld, type MeetingsWorld } from "./test-fixtures";
import { applyMeetingAction } from "./workflow";

let world: WorkflowWorld;
let roomId: string;
let hlRoomId: string;
let chair: Actor;
let input: MeetingsWorld["input"];

beforeAll(async () => {
  ({ world, roomId, hlRoomId, chair, input } = await createMeetingsWorld());
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
