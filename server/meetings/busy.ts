// Who among the invited is already taken at the meeting's times: a warning the organiser sees,
// never a refusal (a person may well choose between two meetings).
import { and, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { meeting, meetingException, meetingParticipant } from "@/db/schema/meetings";
import { appUser } from "@/db/schema/users";
import type { Actor } from "../authz/actor";
import type { Range } from "./free-slots";
import { expandOccurrences, type ExceptionSpec, type Occurrence } from "./recurrence";
import { compareVietnamese } from "@/lib/collate";

export type BusyWarning = {
  userId: string;
  fullName: string;
  /** The first time they are taken. */
  start: Date;
  end: Date;
};

/**
 * The invited people who organise, or have accepted or not yet answered, another meeting of the
 * organisation at one of `occurrences`' times.
 */
export async function busyParticipants(
  db: DbOrTx,
  actor: Actor,
  occurrences: Occurrence[],
  participantIds: string[],
  exceptMeetingId: string | null,
): Promise<BusyWarning[]> {
  const live = occurrences.filter((o) => !o.cancelled);
  if (live.length === 0 || participantIds.length === 0) return [];
  const ids = [...new Set(participantIds)];
  const last = new Date(Math.max(...live.map((o) => o.end.getTime())));
  const first = new Date(Math.min(...live.map((o) => o.start.getTime())));
  const taking = sql`exists (select 1 from ${meetingParticipant}
    where ${meetingParticipant.meetingId} = ${meeting.id}
      and ${meetingParticipant.response} <> 'declined'
      and ${meetingParticipant.userId} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`;
  // A moved occurrence may land later than the series' first start: the start bound is loose.
  const others = await db
    .select({
      id: meeting.id,
      organiserId: meeting.organiserId,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      recurrence: meeting.recurrence,
    })
    .from(meeting)
    .where(
      and(
        eq(meeting.organisationId, actor.organisationId),
        eq(meeting.status, "scheduled"),
        exceptMeetingId ? ne(meeting.id, exceptMeetingId) : undefined,
        lt(meeting.startsAt, last),
        or(inArray(meeting.organiserId, ids), taking),
      ),
    );
  if (others.length === 0) return [];
  const otherIds = others.map((m) => m.id);
  const [people, exceptions] = await Promise.all([
    db
      .select({
        meetingId: meetingParticipant.meetingId,
        userId: meetingParticipant.userId,
        response: meetingParticipant.response,
      })
      .from(meetingParticipant)
      .where(
        and(
          inArray(meetingParticipant.meetingId, otherIds),
          inArray(meetingParticipant.userId, ids),
        ),
      ),
    db.select().from(meetingException).where(inArray(meetingException.meetingId, otherIds)),
  ]);
  const names = new Map(
    (
      await db
        .select({ id: appUser.id, fullName: appUser.fullName })
        .from(appUser)
        .where(inArray(appUser.id, ids))
    ).map((u) => [u.id, u.fullName]),
  );
  const found = new Map<string, BusyWarning>();
  for (const m of others) {
    const takers = new Set(
      people.filter((p) => p.meetingId === m.id && p.response !== "declined").map((p) => p.userId),
    );
    if (ids.includes(m.organiserId)) takers.add(m.organiserId);
    const theirs: ExceptionSpec[] = exceptions.filter((e) => e.meetingId === m.id);
    const busy = expandOccurrences(m, theirs).filter(
      (o) => !o.cancelled && o.end > first && o.start < last,
    );
    const clash = firstClash(live, busy);
    if (!clash) continue;
    for (const userId of takers) {
      const seen = found.get(userId);
      if (!seen || clash.start < seen.start) {
        found.set(userId, { userId, fullName: names.get(userId) ?? "", ...clash });
      }
    }
  }
  return [...found.values()].sort((a, b) => compareVietnamese(a.fullName, b.fullName));
}

function firstClash(mine: Range[], theirs: Range[]): Range | null {
  let best: Range | null = null;
  for (const a of mine) {
    for (const b of theirs) {
      if (a.start < b.end && b.start < a.end && (!best || b.start < best.start)) {
        best = { start: b.start, end: b.end };
      }
    }
  }
  return best;
}
