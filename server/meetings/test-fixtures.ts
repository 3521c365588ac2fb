// What the meeting tests share: a fresh database with the demo organisations, two rooms of
// Phường Định Công and one of Phường Hoàng Liệt, the form's input with its defaults, and counts of
// the meetings and room bookings written.
import { and, count, eq } from "drizzle-orm";
import { meeting, roomBooking } from "@/db/schema/meetings";
import type { CreateMeetingInput } from "@/lib/schemas/meetings";
import { createWorkflowWorld, plusDays } from "@/server/testing/incoming-workflow";
import { createRoom } from "./rooms";

/** The first Monday at least `days` days from today. */
export function mondayAfter(days: number): string {
  for (let n = days; ; n++) {
    const day = plusDays(n);
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1) return day;
  }
}

/** A fresh database for one test file: Phường Định Công's chair and clerk, and three rooms. */
export async function createMeetingsWorld() {
  const world = await createWorkflowWorld();
  const clerk = await world.as("vanthu.dc");
  const chair = await world.as("chutich.dc");
  const equipment = ["Máy chiếu", "Micro"];
  const roomId = (
    await createRoom(world.db, clerk, {
      name: "Phòng thử A",
      capacity: 20,
      equipment,
      active: true,
    })
  ).id;
  const otherRoomId = (
    await createRoom(world.db, clerk, {
      name: "Phòng thử B",
      capacity: 2,
      equipment: [],
      active: true,
    })
  ).id;
  const hlRoomId = (
    await createRoom(world.db, await world.as("vanthu.hl"), {
      name: "Phòng họp Hoàng Liệt",
      capacity: 10,
      equipment: [],
      active: true,
    })
  ).id;

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

  return { world, clerk, chair, roomId, otherRoomId, hlRoomId, input, bookingsOf, meetingCount };
}

export type MeetingsWorld = Awaited<ReturnType<typeof createMeetingsWorld>>;
