// The meeting's workflow for the shared engine: change, cancel, and cancel or move one
// occurrence of a series; each rebooks the room in the same transaction, all or none.
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { meeting, meetingException, meetingParticipant, roomBooking } from "@/db/schema/meetings";
import { formatVietnamDateTime } from "@/lib/meetings";
import {
  cancelOccurrenceInput,
  moveOccurrenceInput,
  updateMeetingInput,
} from "@/lib/schemas/meetings";
import { optionalText } from "@/lib/schemas/fields";
import { appendAudit } from "../audit/append";
import type { Actor } from "../authz/actor";
import { AppError, fieldError } from "../errors";
import { notifyUsers } from "../notify/notify";
import { notifyScheduleDrafters } from "../schedule/drift-notice";
import { applyAction, type BaseOutcome, type Workflow } from "../workflow/engine";
import { exceptionsOf, loadVisibleMeeting, type MeetingRow } from "./access";
import { bookingsOfOccurrences, rebookMeeting } from "./bookings";
import { busyParticipants, type BusyWarning } from "./busy";
import { prepareMeeting, timesOf, usableRoom } from "./prepare";
import { expandOccurrences } from "./recurrence";

export type MeetingStatus = MeetingRow["status"];

const editPayload = updateMeetingInput
  .omit({ id: true, version: true })
  .extend({ action: z.literal("edit") });
const cancelPayload = z.object({ action: z.literal("cancel"), reason: optionalText(500) });
const cancelOccurrencePayload = cancelOccurrenceInput
  .omit({ id: true, version: true })
  .extend({ action: z.literal("cancelOccurrence") });
const moveOccurrencePayload = moveOccurrenceInput
  .omit({ id: true, version: true })
  .extend({ action: z.literal("moveOccurrence") });

const meetingActionInput = z.discriminatedUnion("action", [
  editPayload,
  cancelPayload,
  cancelOccurrencePayload,
  moveOccurrencePayload,
]);
export type MeetingAction = z.infer<typeof meetingActionInput>;

type Ctx = { tx: Tx; actor: Actor; meeting: MeetingRow };

type MeetingOutcome = BaseOutcome<MeetingStatus> & {
  patch?: Partial<typeof meeting.$inferInsert>;
  audit: { action: string; data: Record<string, unknown> };
  /** Who is told, and what. */
  notify: { userIds: string[]; messageKey: string; params?: Record<string, string> }[];
  warnings?: MeetingWarnings;
  /** The meeting, or one occurrence, moved or was called off: schedules made from it drift. */
  drift?: { occurrence: Date | null; cancelled: boolean };
};

export type MeetingWarnings = { busy: BusyWarning[]; overCapacity: boolean };
export type MeetingActionResult = {
  id: string;
  status: MeetingStatus;
  version: number;
  warnings: MeetingWarnings;
};

const noWarnings: MeetingWarnings = { busy: [], overCapacity: false };

function assertOrganiser(ctx: Ctx) {
  if (ctx.meeting.organiserId !== ctx.actor.userId) {
    throw new AppError("FORBIDDEN", "meetings.errors.notOrganiser");
  }
}

async function participantIdsOf(tx: Tx, meetingId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: meetingParticipant.userId })
    .from(meetingParticipant)
    .where(eq(meetingParticipant.meetingId, meetingId));
  return rows.map((r) => r.userId);
}

/** The occurrence a request names, which the series must give and not have cancelled. */
async function occurrenceOf(ctx: Ctx, occurrenceStart: string) {
  const m = ctx.meeting;
  if (!m.recurrence) throw fieldError({ occurrenceStart: "meetings.errors.notSeries" });
  const exceptions = await exceptionsOf(ctx.tx, m.id);
  const start = new Date(occurrenceStart);
  const occurrences = expandOccurrences(m, exceptions);
  const found = occurrences.find((o) => o.originalStart.getTime() === start.getTime());
  if (!found || found.cancelled) {
    throw fieldError({ occurrenceStart: "meetings.errors.occurrenceUnknown" });
  }
  return { found, exceptions };
}

async function rebookWithExceptions(ctx: Ctx) {
  const exceptions = await exceptionsOf(ctx.tx, ctx.meeting.id);
  const occurrences = expandOccurrences(ctx.meeting, exceptions);
  await rebookMeeting(
    ctx.tx,
    ctx.actor,
    ctx.meeting.id,
    bookingsOfOccurrences(ctx.meeting, occurrences),
  );
}

const transitions = [
  {
    action: "edit",
    from: ["scheduled"],
    to: ["scheduled"],
    who: "meeting.organise",
    run: async (ctx: Ctx, p: MeetingAction): Promise<MeetingOutcome> => {
      if (p.action !== "edit") throw new Error("edit");
      assertOrganiser(ctx);
      const m = ctx.meeting;
      const exceptions = await exceptionsOf(ctx.tx, m.id);
      const next = await prepareMeeting(ctx.tx, ctx.actor, p, {
        exceptions,
        sameTimes: (s, e, r) =>
          s.getTime() === m.startsAt.getTime() &&
          e.getTime() === m.endsAt.getTime() &&
          r === m.recurrence,
      });
      const timesChanged =
        next.startsAt.getTime() !== m.startsAt.getTime() ||
        next.endsAt.getTime() !== m.endsAt.getTime() ||
        next.recurrence !== m.recurrence;
      // Exceptions name starts of the old series: a new rhythm leaves them nothing to name.
      if (timesChanged) {
        await ctx.tx.delete(meetingException).where(eq(meetingException.meetingId, m.id));
      }
      await rebookMeeting(ctx.tx, ctx.actor, m.id, next.wanted);

      const before = new Set(await participantIdsOf(ctx.tx, m.id));
      const after = new Set(next.participants.map((p) => p.id));
      const added = [...after].filter((id) => !before.has(id));
      const removed = [...before].filter((id) => !after.has(id));
      const kept = [...after].filter((id) => before.has(id));
      if (removed.length > 0) {
        await ctx.tx
          .delete(meetingParticipant)
          .where(
            and(
              eq(meetingParticipant.meetingId, m.id),
              inArray(meetingParticipant.userId, removed),
            ),
          );
      }
      if (added.length > 0) {
        await ctx.tx
          .insert(meetingParticipant)
          .values(added.map((userId) => ({ meetingId: m.id, userId })));
      }
      // A new time asks everyone again.
      if (timesChanged && kept.length > 0) {
        await ctx.tx
          .update(meetingParticipant)
          .set({
            response: "pending",
            respondedAt: null,
            version: sql`${meetingParticipant.version} + 1`,
          })
          .where(
            and(eq(meetingParticipant.meetingId, m.id), inArray(meetingParticipant.userId, kept)),
          );
      }
      const placeChanged = next.roomId !== m.roomId || next.locationText !== m.locationText;
      const changed =
        timesChanged || placeChanged || next.title !== m.title || next.agenda !== m.agenda;
      const when = formatVietnamDateTime(next.startsAt);
      return {
        patch: {
          title: next.title,
          agenda: next.agenda,
          startsAt: next.startsAt,
          endsAt: next.endsAt,
          recurrence: next.recurrence,
          roomId: next.roomId,
          locationText: next.locationText,
        },
        audit: {
          action: "meeting.updated",
          data: {
            title: next.title,
            start: next.startsAt.toISOString(),
            added: next.participants.filter((p) => added.includes(p.id)).map((p) => p.fullName),
            removed: removed.length,
            timesChanged,
          },
        },
        notify: [
          { userIds: added, messageKey: "meetingInvited", params: { title: next.title, when } },
          ...(changed
            ? [{ userIds: kept, messageKey: "meetingChanged", params: { title: next.title, when } }]
            : []),
          { userIds: removed, messageKey: "meetingUninvited", params: { title: m.title } },
        ],
        ...(timesChanged ? { drift: { occurrence: null, cancelled: false } } : {}),
        warnings: {
          busy: await busyParticipants(ctx.tx, ctx.actor, next.occurrences, [...after], m.id),
          overCapacity: next.overCapacity,
        },
      };
    },
  },
  {
    action: "cancel",
    from: ["scheduled"],
    to: ["cancelled"],
    who: "meeting.organise",
    run: async (ctx: Ctx, p: MeetingAction): Promise<MeetingOutcome> => {
      if (p.action !== "cancel") throw new Error("cancel");
      assertOrganiser(ctx);
      await ctx.tx.delete(roomBooking).where(eq(roomBooking.meetingId, ctx.meeting.id));
      return {
        to: "cancelled",
        drift: { occurrence: null, cancelled: true },
        audit: {
          action: "meeting.cancelled",
          data: { title: ctx.meeting.title, reason: p.reason },
        },
        notify: [
          {
            userIds: await participantIdsOf(ctx.tx, ctx.meeting.id),
            messageKey: "meetingCancelled",
            params: { title: ctx.meeting.title, when: formatVietnamDateTime(ctx.meeting.startsAt) },
          },
        ],
      };
    },
  },
  {
    action: "cancelOccurrence",
    from: ["scheduled"],
    to: ["scheduled"],
    who: "meeting.organise",
    run: async (ctx: Ctx, p: MeetingAction): Promise<MeetingOutcome> => {
      if (p.action !== "cancelOccurrence") throw new Error("cancelOccurrence");
      assertOrganiser(ctx);
      const { found } = await occurrenceOf(ctx, p.occurrenceStart);
      await ctx.tx
        .insert(meetingException)
        .values({ meetingId: ctx.meeting.id, originalStart: found.originalStart, cancelled: true })
        .onConflictDoUpdate({
          target: [meetingException.meetingId, meetingException.originalStart],
          set: { cancelled: true, newStart: null, newEnd: null },
        });
      await rebookWithExceptions(ctx);
      const when = formatVietnamDateTime(found.start);
      return {
        drift: { occurrence: found.originalStart, cancelled: true },
        audit: {
          action: "meeting.occurrenceCancelled",
          data: { title: ctx.meeting.title, occurrence: found.originalStart.toISOString() },
        },
        notify: [
          {
            userIds: await participantIdsOf(ctx.tx, ctx.meeting.id),
            messageKey: "meetingOccurrenceCancelled",
            params: { title: ctx.meeting.title, when },
          },
        ],
      };
    },
  },
  {
    action: "moveOccurrence",
    from: ["scheduled"],
    to: ["scheduled"],
    who: "meeting.organise",
    run: async (ctx: Ctx, p: MeetingAction): Promise<MeetingOutcome> => {
      if (p.action !== "moveOccurrence") throw new Error("moveOccurrence");
      assertOrganiser(ctx);
      const { found } = await occurrenceOf(ctx, p.occurrenceStart);
      const { startsAt, endsAt, errors } = timesOf(
        { ...p, recurrence: { kind: "none" } },
        new Date(),
        false,
      );
      let roomId: string | null = null;
      if (p.roomId) {
        const r = await usableRoom(ctx.tx, ctx.actor, p.roomId);
        if ("key" in r) errors.roomId = r;
        else roomId = r.id;
      }
      if (Object.keys(errors).length > 0) throw fieldError(errors);
      const values = {
        cancelled: false,
        newStart: startsAt,
        newEnd: endsAt,
        title: p.title,
        roomId,
        // The series' place unless another is named.
        locationText: roomId ? null : p.locationText,
      };
      await ctx.tx
        .insert(meetingException)
        .values({ meetingId: ctx.meeting.id, originalStart: found.originalStart, ...values })
        .onConflictDoUpdate({
          target: [meetingException.meetingId, meetingException.originalStart],
          set: values,
        });
      await rebookWithExceptions(ctx);
      return {
        drift: { occurrence: found.originalStart, cancelled: false },
        audit: {
          action: "meeting.occurrenceMoved",
          data: {
            title: ctx.meeting.title,
            occurrence: found.originalStart.toISOString(),
            start: startsAt.toISOString(),
          },
        },
        notify: [
          {
            userIds: await participantIdsOf(ctx.tx, ctx.meeting.id),
            messageKey: "meetingOccurrenceMoved",
            params: {
              title: p.title ?? ctx.meeting.title,
              from: formatVietnamDateTime(found.start),
              when: formatVietnamDateTime(startsAt),
            },
          },
        ],
      };
    },
  },
] as const;

export const meetingWorkflow: Workflow<
  MeetingRow,
  MeetingStatus,
  MeetingAction,
  Ctx,
  MeetingOutcome,
  MeetingActionResult
> = {
  name: "meetings",
  input: meetingActionInput,
  transitions,
  load: (tx, actor, id) => loadVisibleMeeting(tx, actor, id, { forUpdate: true }),
  context: (tx, actor, subject) => ({ tx, actor, meeting: subject }),
  save: async (tx, _actor, m, outcome, to) => {
    const [row] = await tx
      .update(meeting)
      .set({
        ...outcome.patch,
        status: to,
        version: sql`${meeting.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(meeting.id, m.id))
      .returning({ id: meeting.id, status: meeting.status, version: meeting.version });
    return { ...row!, warnings: outcome.warnings ?? noWarnings };
  },
  record: async (tx, actor, m, outcome) => {
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: outcome.audit.action,
      entityType: "meeting",
      entityId: m.id,
      data: outcome.audit.data,
    });
    for (const n of outcome.notify) {
      await notifyUsers(tx, {
        organisationId: actor.organisationId,
        userIds: n.userIds.filter((id) => id !== actor.userId),
        kind: "meeting",
        messageKey: n.messageKey,
        params: { meetingId: m.id, ...n.params },
      });
    }
    if (outcome.drift) {
      await notifyScheduleDrafters(tx, {
        organisationId: actor.organisationId,
        actorId: actor.userId,
        meetingId: m.id,
        ...outcome.drift,
      });
    }
  },
};

/** Applies one action to a meeting through the shared engine. */
export function applyMeetingAction(
  db: Db,
  actor: Actor,
  request: { id: string; version: number; input: MeetingAction },
): Promise<MeetingActionResult> {
  return applyAction(db, actor, meetingWorkflow, request);
}
