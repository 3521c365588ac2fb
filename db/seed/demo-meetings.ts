// Demo meeting rooms and meetings of Phường Định Công: three rooms, the leadership's Monday
// 07:30 briefing (one Monday moved to a Tuesday afternoon, a later one cancelled), a few
// meetings this week with invitations waiting, and a room reserved for the citizens' reception.
import type { Db, Tx } from "../client";
import { meeting, meetingException, meetingParticipant, room } from "../schema/meetings";
import { addDays, vietnamToday } from "@/lib/dates";
import { vietnamInstant } from "@/lib/meetings";
import { appendAudit } from "@/server/audit/append";
import { loadActor, type Actor } from "@/server/authz/actor";
import { bookingsOfOccurrences, insertBookings, rebookMeeting } from "@/server/meetings/bookings";
import { expandOccurrences } from "@/server/meetings/recurrence";

type Seeded = { orgs: Record<string, string>; users: Record<string, string> };

/** The Monday of the week a day falls in. */
function mondayOf(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

export async function seedDemoMeetings(db: Db, seeded: Seeded, today = vietnamToday()) {
  const orgId = seeded.orgs.dinhcong!;
  const user = (name: string) => seeded.users[name]!;
  await db.transaction(async (tx) => {
    const actorOf = async (name: string) =>
      (await loadActor(tx, { userId: user(name), sessionEpoch: 1 }))!;
    const rooms = await tx
      .insert(room)
      .values([
        {
          organisationId: orgId,
          name: "Phòng họp số 1 (tầng 2)",
          capacity: 20,
          equipment: ["Máy chiếu", "Micro", "Màn hình LED"],
        },
        {
          organisationId: orgId,
          name: "Phòng họp nhỏ (tầng 3)",
          capacity: 8,
          equipment: ["Tivi"],
        },
        {
          organisationId: orgId,
          name: "Hội trường UBND phường",
          capacity: 80,
          equipment: ["Âm thanh hội trường", "Máy chiếu", "Bục phát biểu"],
        },
      ])
      .returning({ id: room.id, name: room.name });
    const [big, small, hall] = rooms.map((r) => r.id) as [string, string, string];

    const monday = mondayOf(today);
    await addMeeting(tx, seeded.users, await actorOf("chutich.dc"), {
      title: "Giao ban lãnh đạo UBND phường",
      agenda: "Điểm lại công việc tuần trước, thống nhất lịch công tác tuần này.",
      day: monday,
      start: "07:30",
      end: "08:30",
      roomId: big,
      recurrence: "FREQ=WEEKLY;BYDAY=MO;COUNT=26",
      people: {
        "phochutich.dc": "accepted",
        "truongphong.kt": "accepted",
        "truongphong.vhxh": "pending",
        "vanthu.dc": "accepted",
      },
      exceptions: [
        {
          originalStart: vietnamInstant(addDays(monday, 7), "07:30"),
          cancelled: false,
          newStart: vietnamInstant(addDays(monday, 8), "14:00"),
          newEnd: vietnamInstant(addDays(monday, 8), "15:00"),
          title: "Giao ban lãnh đạo (dời sang chiều thứ Ba)",
          roomId: null,
          locationText: null,
        },
        {
          originalStart: vietnamInstant(addDays(monday, 21), "07:30"),
          cancelled: true,
          newStart: null,
          newEnd: null,
          title: null,
          roomId: null,
          locationText: null,
        },
      ],
    });
    await addMeeting(tx, seeded.users, await actorOf("phochutich.dc"), {
      title: "Triển khai chuyển đổi số năm 2027",
      agenda: "1. Kết quả năm 2026.\n2. Kế hoạch năm 2027.\n3. Phân công thực hiện.",
      day: addDays(today, 2),
      start: "14:00",
      end: "16:00",
      roomId: hall,
      recurrence: null,
      people: {
        "chuyenvien.kt": "pending",
        "chuyenvien.vhxh": "accepted",
        "truongphong.kt": "pending",
      },
      exceptions: [],
    });
    await addMeeting(tx, seeded.users, await actorOf("truongphong.kt"), {
      title: "Tổ công tác cải cách hành chính",
      agenda: "Rà soát thủ tục hành chính một cửa.",
      day: addDays(today, 1),
      start: "09:00",
      end: "10:30",
      roomId: small,
      recurrence: null,
      people: { "chuyenvien.kt": "pending", "vanthu.dc": "declined" },
      exceptions: [],
    });
    const clerk = await actorOf("vanthu.dc");
    const thursday = addDays(monday, today > addDays(monday, 3) ? 10 : 3);
    await insertBookings(
      tx,
      clerk,
      [
        {
          roomId: hall,
          start: vietnamInstant(thursday, "08:00"),
          end: vietnamInstant(thursday, "11:00"),
          occurrenceStart: null,
        },
      ],
      { meetingId: null, purpose: "Tiếp công dân định kỳ" },
    );
  });
}

type DemoMeeting = {
  title: string;
  agenda: string;
  day: string;
  start: string;
  end: string;
  roomId: string | null;
  recurrence: string | null;
  people: Record<string, "pending" | "accepted" | "declined">;
  exceptions: Parameters<typeof expandOccurrences>[1];
};

async function addMeeting(
  tx: Tx,
  users: Record<string, string>,
  organiser: Actor,
  m: DemoMeeting,
): Promise<string> {
  const startsAt = vietnamInstant(m.day, m.start);
  const endsAt = vietnamInstant(m.day, m.end);
  const [row] = await tx
    .insert(meeting)
    .values({
      organisationId: organiser.organisationId,
      organiserId: organiser.userId,
      title: m.title,
      agenda: m.agenda,
      startsAt,
      endsAt,
      roomId: m.roomId,
      recurrence: m.recurrence,
    })
    .returning({ id: meeting.id });
  const id = row!.id;
  await tx.insert(meetingParticipant).values(
    Object.entries(m.people).map(([username, response]) => ({
      meetingId: id,
      userId: users[username]!,
      response,
      respondedAt: response === "pending" ? null : new Date(),
    })),
  );
  if (m.exceptions.length > 0) {
    await tx.insert(meetingException).values(m.exceptions.map((e) => ({ meetingId: id, ...e })));
  }
  const occurrences = expandOccurrences(
    { startsAt, endsAt, recurrence: m.recurrence },
    m.exceptions,
  );
  await rebookMeeting(tx, organiser, id, bookingsOfOccurrences({ roomId: m.roomId }, occurrences));
  await appendAudit(tx, {
    organisationId: organiser.organisationId,
    actor: null,
    action: "meeting.created",
    entityType: "meeting",
    entityId: id,
    data: { title: m.title, start: startsAt.toISOString(), demo: true },
  });
  return id;
}
