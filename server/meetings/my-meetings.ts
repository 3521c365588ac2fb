import "server-only";
// The "my meetings" page: the invitations waiting for the person's answer and their meetings of
// the coming weeks.
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { meeting, meetingParticipant, room } from "@/db/schema/meetings";
import { appUser } from "@/db/schema/users";
import { can } from "@/lib/permissions";
import { assertCan, type Actor } from "../authz/actor";
import { myOccurrences } from "./occurrences";

export type InvitationRow = {
  meetingId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  recurring: boolean;
  organiser: string;
  place: string | null;
  version: number;
};

/** Invitations waiting for the actor's answer, of meetings not yet over, soonest first. */
export async function myInvitations(
  db: DbOrTx,
  actor: Actor,
  now = new Date(),
): Promise<InvitationRow[]> {
  assertCan(actor, "meeting.read");
  const organiser = sql<string>`(select ${appUser.fullName} from ${appUser} where ${appUser.id} = ${meeting.organiserId})`;
  const rows = await db
    .select({
      meetingId: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      recurrence: meeting.recurrence,
      organiser,
      roomName: room.name,
      locationText: meeting.locationText,
      version: meetingParticipant.version,
    })
    .from(meetingParticipant)
    .innerJoin(meeting, eq(meeting.id, meetingParticipant.meetingId))
    .leftJoin(room, eq(room.id, meeting.roomId))
    .where(
      and(
        eq(meetingParticipant.userId, actor.userId),
        eq(meetingParticipant.response, "pending"),
        eq(meeting.organisationId, actor.organisationId),
        eq(meeting.status, "scheduled"),
      ),
    )
    .orderBy(asc(meeting.startsAt))
    .limit(100);
  return rows
    .filter((r) => r.recurrence !== null || r.endsAt > now)
    .map((r) => ({
      meetingId: r.meetingId,
      title: r.title,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      recurring: r.recurrence !== null,
      organiser: r.organiser,
      place: r.roomName ?? r.locationText,
      version: r.version,
    }));
}

const DAY_MS = 86_400_000;

/** The "my meetings" page: invitations to answer and the next 60 days. */
export async function myMeetings(db: DbOrTx, actor: Actor, now = new Date()) {
  assertCan(actor, "meeting.read");
  const [invitations, upcoming] = await Promise.all([
    myInvitations(db, actor, now),
    myOccurrences(db, actor, { from: now, to: new Date(now.getTime() + 60 * DAY_MS) }),
  ]);
  return {
    invitations,
    upcoming: upcoming.slice(0, 100),
    canOrganise: can(actor.roles, "meeting.organise"),
  };
}
