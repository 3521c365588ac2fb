import "server-only";
// One meeting as its page shows it: its people, room and organiser, the actor's own invitation,
// and the coming occurrences of a series.
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { meetingParticipant, room } from "@/db/schema/meetings";
import { appUser } from "@/db/schema/users";
import { recurrenceChoiceOf, type RecurrenceChoice } from "@/lib/meetings";
import { can } from "@/lib/permissions";
import { assertCan, type Actor } from "../authz/actor";
import { exceptionsOf, loadVisibleMeeting } from "./access";
import { whenOf } from "./prepare";
import { expandOccurrences } from "./recurrence";

type Response = "pending" | "accepted" | "declined";

export type MeetingDetail = {
  id: string;
  version: number;
  status: "scheduled" | "cancelled";
  title: string;
  agenda: string;
  startsAt: Date;
  endsAt: Date;
  /** The form's day, times and recurrence choice (null for a rule the form cannot show). */
  form: { day: string; startTime: string; endTime: string; recurrence: RecurrenceChoice | null };
  recurrence: string | null;
  room: { id: string; name: string; capacity: number; equipment: string[] } | null;
  locationText: string | null;
  organiser: { id: string; fullName: string };
  participants: { id: string; fullName: string; jobTitle: string; response: Response }[];
  /** The actor's own invitation, to answer it. */
  mine: { response: Response; version: number } | null;
  isOrganiser: boolean;
  /** The actor drafts a work schedule, so may put the meeting on it. */
  canSchedule: boolean;
  occurrences: {
    originalStart: Date;
    start: Date;
    end: Date;
    cancelled: boolean;
    changed: boolean;
    title: string | null;
  }[];
  /** Occurrences not shown (long series show the next ones). */
  moreOccurrences: number;
};

const SHOWN_OCCURRENCES = 30;

export async function getMeeting(
  db: DbOrTx,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<MeetingDetail> {
  assertCan(actor, "meeting.read");
  const m = await loadVisibleMeeting(db, actor, id);
  const [people, organiserRows, roomRows, exceptions] = await Promise.all([
    db
      .select({
        id: appUser.id,
        fullName: appUser.fullName,
        jobTitle: appUser.jobTitle,
        response: meetingParticipant.response,
        version: meetingParticipant.version,
      })
      .from(meetingParticipant)
      .innerJoin(appUser, eq(appUser.id, meetingParticipant.userId))
      .where(eq(meetingParticipant.meetingId, m.id))
      .orderBy(asc(appUser.fullName)),
    db
      .select({ id: appUser.id, fullName: appUser.fullName })
      .from(appUser)
      .where(eq(appUser.id, m.organiserId)),
    m.roomId
      ? db
          .select({
            id: room.id,
            name: room.name,
            capacity: room.capacity,
            equipment: room.equipment,
          })
          .from(room)
          .where(eq(room.id, m.roomId))
      : Promise.resolve([]),
    exceptionsOf(db, m.id),
  ]);
  const all = expandOccurrences(m, exceptions);
  // Past occurrences of a long series drop out; a single meeting always shows.
  const coming = all.filter((o) => o.end > now);
  const shown = (coming.length > 0 ? coming : all.slice(-1)).slice(0, SHOWN_OCCURRENCES);
  const me = people.find((p) => p.id === actor.userId);
  return {
    id: m.id,
    version: m.version,
    status: m.status,
    title: m.title,
    agenda: m.agenda,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    form: { ...whenOf(m.startsAt, m.endsAt), recurrence: recurrenceChoiceOf(m.recurrence) },
    recurrence: m.recurrence,
    room: roomRows[0] ?? null,
    locationText: m.locationText,
    organiser: organiserRows[0]!,
    participants: people.map(({ version: _v, ...p }) => p),
    mine: me ? { response: me.response, version: me.version } : null,
    isOrganiser: m.organiserId === actor.userId,
    canSchedule: can(actor.roles, "schedule.draft"),
    occurrences: shown.map((o) => ({
      originalStart: o.originalStart,
      start: o.start,
      end: o.end,
      cancelled: o.cancelled,
      changed: o.changed,
      title: o.exception?.title ?? null,
    })),
    moreOccurrences: Math.max(0, (coming.length > 0 ? coming.length : 1) - shown.length),
  };
}
