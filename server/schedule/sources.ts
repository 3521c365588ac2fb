// An entry made from what the office already has: an incoming invitation (giấy mời) or one
// occurrence of a meeting. Its time, content, chair, participants and place are suggested from
// the source, so nothing is typed twice; the entry keeps the link, shown on the sheet, and a
// second entry from the same source on the same sheet is refused.
import { and, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assignment } from "@/db/schema/handling";
import { meeting, meetingParticipant, room } from "@/db/schema/meetings";
import { appUser } from "@/db/schema/users";
import { addDays, vietnamToday } from "@/lib/dates";
import { formatNumberNotation } from "@/lib/documents";
import { vietnamParts } from "@/lib/meetings";
import { isoWeekOf } from "@/lib/schedule";
import { dayMonthYear } from "@/lib/schedule-layout";
import type { ScheduleEntrySource } from "@/lib/schemas/schedule";
import { assertCan, type Actor } from "../authz/actor";
import { fieldError } from "../errors";
import { translate } from "../i18n/translate";
import { loadVisibleDocument } from "../incoming/visibility";
import {
  exceptionsOf,
  exceptionsOfMeetings,
  loadVisibleMeeting,
  meetingVisibleTo,
} from "../meetings/access";
import { expandOccurrences } from "../meetings/recurrence";

/** The columns an entry's source sets, once the actor is found to see that very source. */
export type SourceColumns = {
  sourceDocumentId: string | null;
  sourceMeetingId: string | null;
  sourceOccurrence: Date | null;
};

export type SchedulePrefill = {
  week: { year: number; week: number };
  values: {
    day: string;
    startTime: string;
    endTime: string | null;
    content: string;
    chairUserId: string | null;
    participantUserIds: string[];
    location: string | null;
    notes: string | null;
  };
};

/** Active members of the actor's organisation among the ids, in their order. */
async function membersAmong(db: DbOrTx, actor: Actor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(
      and(
        inArray(appUser.id, ids),
        eq(appUser.organisationId, actor.organisationId),
        eq(appUser.active, true),
      ),
    );
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => found.has(id));
}

async function meetingOccurrence(db: DbOrTx, actor: Actor, id: string, occurrenceStart: string) {
  const m = await loadVisibleMeeting(db, actor, id);
  const wanted = new Date(occurrenceStart).getTime();
  const found = expandOccurrences(m, await exceptionsOf(db, m.id)).find(
    (o) => o.originalStart.getTime() === wanted,
  );
  if (!found || found.cancelled || m.status === "cancelled") {
    throw fieldError({ source: "schedule.errors.sourceOccurrenceUnknown" });
  }
  return { meeting: m, occurrence: found };
}

/**
 * Checks that the actor may see the source and answers the columns that link an entry to it:
 * a document or meeting of another organisation, or one the actor has no part in, is not found.
 */
export async function sourceColumns(
  db: DbOrTx,
  actor: Actor,
  source: ScheduleEntrySource | null | undefined,
): Promise<SourceColumns> {
  if (!source) return { sourceDocumentId: null, sourceMeetingId: null, sourceOccurrence: null };
  if (source.kind === "document") {
    const doc = await loadVisibleDocument(db, actor, source.id);
    return { sourceDocumentId: doc.id, sourceMeetingId: null, sourceOccurrence: null };
  }
  const { meeting: m, occurrence } = await meetingOccurrence(
    db,
    actor,
    source.id,
    source.occurrenceStart,
  );
  return {
    sourceDocumentId: null,
    sourceMeetingId: m.id,
    sourceOccurrence: occurrence.originalStart,
  };
}

/** The entry a source suggests, for the office to check and complete before adding it. */
export async function schedulePrefill(
  db: DbOrTx,
  actor: Actor,
  source: ScheduleEntrySource,
): Promise<SchedulePrefill> {
  assertCan(actor, "schedule.draft");
  if (source.kind === "meeting") {
    const { meeting: m, occurrence } = await meetingOccurrence(
      db,
      actor,
      source.id,
      source.occurrenceStart,
    );
    const start = vietnamParts(occurrence.start);
    const end = vietnamParts(occurrence.end);
    const roomId = occurrence.exception?.roomId ?? m.roomId;
    const [place] = roomId
      ? await db.select({ name: room.name }).from(room).where(eq(room.id, roomId))
      : [];
    const invited = await db
      .select({ userId: meetingParticipant.userId })
      .from(meetingParticipant)
      .where(
        and(eq(meetingParticipant.meetingId, m.id), ne(meetingParticipant.response, "declined")),
      );
    const [chair] = await membersAmong(db, actor, [m.organiserId]);
    return {
      week: isoWeekOf(start.day),
      values: {
        day: start.day,
        startTime: start.time,
        endTime: end.day === start.day && end.time > start.time ? end.time : null,
        content: occurrence.exception?.title ?? m.title,
        chairUserId: chair ?? null,
        participantUserIds: (
          await membersAmong(
            db,
            actor,
            invited.map((p) => p.userId),
          )
        ).filter((id) => id !== chair),
        location: place?.name ?? occurrence.exception?.locationText ?? m.locationText ?? null,
        notes: null,
      },
    };
  }
  const doc = await loadVisibleDocument(db, actor, source.id);
  const handlers = await db
    .select({ userId: assignment.userId })
    .from(assignment)
    .where(and(eq(assignment.documentId, doc.id), ne(assignment.status, "withdrawn")));
  const [chair] = await membersAmong(db, actor, doc.presentedToId ? [doc.presentedToId] : []);
  const participants = await membersAmong(db, actor, [
    ...new Set(handlers.map((h) => h.userId).filter((id): id is string => !!id)),
  ]);
  // An invitation names its own day in its text; the deadline is the office's best guess.
  const today = vietnamToday();
  const day = doc.deadline && doc.deadline >= today ? doc.deadline : addDays(today, 1);
  // The schedule is an official paper in Vietnamese, whoever drafts it.
  const notation = formatNumberNotation(doc.codeNumber, doc.codeNotation);
  const reference = [
    translate("vi", `documentTypes.${doc.documentType}`),
    notation ? `số ${notation}` : null,
    doc.documentDate ? `ngày ${dayMonthYear(doc.documentDate)}` : null,
    `của ${doc.issuerName}`,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    week: isoWeekOf(day),
    values: {
      day,
      startTime: "08:00",
      endTime: null,
      content: doc.subject.slice(0, 2000),
      chairUserId: chair ?? null,
      participantUserIds: participants.filter((id) => id !== chair),
      location: null,
      notes: `Theo ${reference}`.slice(0, 1000),
    },
  };
}

/** What a meeting occurrence has become, against the entry made from it. */
export type SourceDrift =
  | { cancelled: true }
  | {
      cancelled: false;
      day: string;
      startTime: string;
      endTime: string | null;
      location: string | null;
    };

type LinkedEntry = {
  id: string;
  cancelled: boolean;
  day: string;
  startTime: string;
  endTime: string | null;
  location: string | null;
  source: { kind: "document" | "meeting"; id: string; occurrenceStart: string | null } | null;
};

/**
 * The entries whose meeting occurrence moved to another day or time, or was called off, since
 * the entry was made, as the actor may see those meetings: the drafter is shown what to bring the sheet
 * in line with. Meetings the actor does not see tell nothing.
 */
export async function meetingDrift(
  db: DbOrTx,
  actor: Actor,
  entries: LinkedEntry[],
): Promise<Map<string, SourceDrift>> {
  const drift = new Map<string, SourceDrift>();
  const linked = entries.filter(
    (e) => !e.cancelled && e.source?.kind === "meeting" && e.source.occurrenceStart,
  );
  if (linked.length === 0) return drift;
  const idOf = (e: LinkedEntry) => e.source!.id;
  const meetings = await db
    .select()
    .from(meeting)
    .where(and(inArray(meeting.id, [...new Set(linked.map(idOf))]), meetingVisibleTo(actor)));
  if (meetings.length === 0) return drift;
  const [exceptions, rooms] = await Promise.all([
    exceptionsOfMeetings(
      db,
      meetings.map((m) => m.id),
    ),
    db
      .select({ id: room.id, name: room.name })
      .from(room)
      .where(eq(room.organisationId, actor.organisationId)),
  ]);
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  const byId = new Map(meetings.map((m) => [m.id, m]));
  for (const e of linked) {
    const m = byId.get(idOf(e));
    if (!m) continue;
    const wanted = new Date(e.source!.occurrenceStart!).getTime();
    const o = expandOccurrences(m, exceptions.get(m.id) ?? []).find(
      (x) => x.originalStart.getTime() === wanted,
    );
    if (!o || o.cancelled || m.status === "cancelled") {
      drift.set(e.id, { cancelled: true });
      continue;
    }
    const start = vietnamParts(o.start);
    const end = vietnamParts(o.end);
    const roomId = o.exception?.roomId ?? (o.exception?.locationText ? null : m.roomId);
    const now = {
      day: start.day,
      startTime: start.time,
      endTime: end.day === start.day ? end.time : null,
      location:
        (roomId ? roomName.get(roomId) : (o.exception?.locationText ?? m.locationText)) ?? null,
    };
    // The day and time decide; the place the office may have written its own way comes along.
    if (
      now.day !== e.day ||
      now.startTime !== e.startTime ||
      (now.endTime !== null && now.endTime !== e.endTime)
    ) {
      drift.set(e.id, { cancelled: false, ...now });
    }
  }
  return drift;
}
