// A meeting as an iCalendar invitation (METHOD:REQUEST): the series with its RRULE, the
// cancelled occurrences as EXDATE, each moved occurrence as its own VEVENT with RECURRENCE-ID.
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { meetingParticipant, room } from "@/db/schema/meetings";
import { appUser } from "@/db/schema/users";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/actor";
import { buildCalendar, type IcsEvent, type IcsPerson } from "../calendar/ics";
import { exceptionsOfMeetings, loadVisibleMeeting, type MeetingRow } from "./access";
import { expandOccurrences } from "./recurrence";

const DOMAIN = "lienthong.invalid";

/** A person's address in the invitation: their e-mail, or a name that cannot be mistaken for one. */
const personOf = (u: { fullName: string; email: string | null; username: string }): IcsPerson => ({
  name: u.fullName,
  email: u.email ?? `${u.username}@${DOMAIN}`,
});

/**
 * A meeting the actor may see as iCalendar events: the series with its RRULE and EXDATEs, and
 * each moved occurrence as its own event with RECURRENCE-ID (for an invitation and for feeds).
 */
export async function meetingEvents(
  db: DbOrTx,
  actor: Actor,
  id: string,
  origin: string,
): Promise<{ meeting: MeetingRow; events: IcsEvent[] }> {
  assertCan(actor, "meeting.read");
  const m = await loadVisibleMeeting(db, actor, id);
  return { meeting: m, events: await eventsOfMeeting(db, m, origin) };
}

/** The events of a meeting already loaded; whoever calls has decided who may see it. */
export async function eventsOfMeeting(
  db: DbOrTx,
  m: MeetingRow,
  origin: string,
): Promise<IcsEvent[]> {
  return (await eventsOfMeetings(db, [m], origin)).get(m.id) ?? [];
}

/**
 * The events of meetings already loaded, by meeting id, in four queries however many there
 * are (a feed holds months of them); whoever calls has decided who may see them.
 */
export async function eventsOfMeetings(
  db: DbOrTx,
  meetings: MeetingRow[],
  origin: string,
): Promise<Map<string, IcsEvent[]>> {
  const result = new Map<string, IcsEvent[]>();
  if (meetings.length === 0) return result;
  const ids = meetings.map((m) => m.id);
  const person = {
    id: appUser.id,
    fullName: appUser.fullName,
    email: appUser.email,
    username: appUser.username,
  };
  const [organisers, attendees, rooms, exceptions] = await Promise.all([
    db
      .select(person)
      .from(appUser)
      .where(inArray(appUser.id, [...new Set(meetings.map((m) => m.organiserId))])),
    db
      .select({
        ...person,
        meetingId: meetingParticipant.meetingId,
        response: meetingParticipant.response,
      })
      .from(meetingParticipant)
      .innerJoin(appUser, eq(appUser.id, meetingParticipant.userId))
      .where(inArray(meetingParticipant.meetingId, ids)),
    db
      .select({ id: room.id, name: room.name })
      .from(room)
      .where(inArray(room.organisationId, [...new Set(meetings.map((m) => m.organisationId))])),
    exceptionsOfMeetings(db, ids),
  ]);
  const organiserOf = new Map(organisers.map((o) => [o.id, o]));
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  for (const m of meetings) {
    const own = exceptions.get(m.id) ?? [];
    const place = (m.roomId ? roomName.get(m.roomId) : m.locationText) ?? null;
    const base: Omit<IcsEvent, "start" | "end"> = {
      uid: `meeting-${m.id}@${DOMAIN}`,
      sequence: m.version - 1,
      summary: m.title,
      description: m.agenda || null,
      location: place,
      status: m.status === "cancelled" ? "cancelled" : "confirmed",
      url: new URL(`/meetings/${m.id}`, origin).toString(),
      organizer: personOf(organiserOf.get(m.organiserId)!),
      attendees: attendees
        .filter((a) => a.meetingId === m.id)
        .map((a) => ({ ...personOf(a), response: a.response })),
      updatedAt: m.updatedAt,
    };
    const events: IcsEvent[] = [
      {
        ...base,
        start: m.startsAt,
        end: m.endsAt,
        recurrence: m.recurrence
          ? {
              rule: m.recurrence,
              exdates: own.filter((e) => e.cancelled).map((e) => e.originalStart),
            }
          : null,
      },
    ];
    if (m.recurrence) {
      for (const o of expandOccurrences(m, own)) {
        if (!o.changed || !o.exception) continue;
        const e = o.exception;
        const movedPlace = e.roomId || e.locationText;
        events.push({
          ...base,
          summary: e.title ?? m.title,
          location: movedPlace
            ? ((e.roomId ? roomName.get(e.roomId) : e.locationText) ?? null)
            : place,
          start: o.start,
          end: o.end,
          recurrenceId: o.originalStart,
        });
      }
    }
    result.set(m.id, events);
  }
  return result;
}

export async function meetingIcs(
  db: DbOrTx,
  actor: Actor,
  id: string,
  origin: string,
): Promise<{ filename: string; content: string }> {
  const { meeting: m, events } = await meetingEvents(db, actor, id, origin);
  const content = buildCalendar(events, {
    name: m.title,
    method: m.status === "cancelled" ? "CANCEL" : "REQUEST",
  });
  return { filename: `cuoc-hop-${m.id.slice(0, 8)}.ics`, content };
}
