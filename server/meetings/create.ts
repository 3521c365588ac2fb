import "server-only";
// Creating a meeting: checked, written with its participants and room bookings (all or none),
// recorded and announced to the invited in one transaction.
import type { Db } from "@/db/client";
import { meeting, meetingParticipant } from "@/db/schema/meetings";
import { formatVietnamDateTime } from "@/lib/meetings";
import type { CreateMeetingInput } from "@/lib/schemas/meetings";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { notifyUsers } from "../notify/notify";
import { rebookMeeting } from "./bookings";
import { busyParticipants } from "./busy";
import { prepareMeeting } from "./prepare";
import type { MeetingActionResult } from "./workflow";

export async function createMeeting(
  db: Db,
  actor: Actor,
  input: CreateMeetingInput,
  now = new Date(),
): Promise<MeetingActionResult> {
  assertCan(actor, "meeting.organise");
  return db.transaction(async (tx) => {
    const m = await prepareMeeting(tx, actor, input, { now });
    const [row] = await tx
      .insert(meeting)
      .values({
        organisationId: actor.organisationId,
        organiserId: actor.userId,
        title: m.title,
        agenda: m.agenda,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        roomId: m.roomId,
        locationText: m.locationText,
        recurrence: m.recurrence,
      })
      .returning({ id: meeting.id, status: meeting.status, version: meeting.version });
    const id = row!.id;
    if (m.participants.length > 0) {
      await tx
        .insert(meetingParticipant)
        .values(m.participants.map((p) => ({ meetingId: id, userId: p.id })));
    }
    await rebookMeeting(tx, actor, id, m.wanted);
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "meeting.created",
      entityType: "meeting",
      entityId: id,
      data: {
        title: m.title,
        start: m.startsAt.toISOString(),
        room: m.room?.name ?? m.locationText,
        recurrence: m.recurrence,
        participants: m.participants.map((p) => p.fullName),
      },
    });
    await notifyUsers(tx, {
      organisationId: actor.organisationId,
      userIds: m.participants.map((p) => p.id),
      kind: "meeting",
      messageKey: "meetingInvited",
      params: { meetingId: id, title: m.title, when: formatVietnamDateTime(m.startsAt) },
    });
    const busy = await busyParticipants(
      tx,
      actor,
      m.occurrences,
      m.participants.map((p) => p.id),
      id,
    );
    return { ...row!, warnings: { busy, overCapacity: m.overCapacity } };
  });
}
