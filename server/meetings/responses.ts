import "server-only";
// An invitee's answer, through the shared engine: accept or decline, change one's mind, never
// on a cancelled meeting, never for someone else.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { meeting, meetingParticipant } from "@/db/schema/meetings";
import type { RespondInput } from "@/lib/schemas/meetings";
import { appendAudit } from "../audit/append";
import type { Actor } from "../authz/actor";
import { AppError, notFound } from "../errors";
import { notifyUsers } from "../notify/notify";
import { applyAction, type BaseOutcome, type Workflow } from "../workflow/engine";

type Response = "pending" | "accepted" | "declined";

type Invitation = {
  meetingId: string;
  userId: string;
  status: Response;
  version: number;
  title: string;
  organiserId: string;
  meetingStatus: "scheduled" | "cancelled";
};

const payload = z.object({ action: z.enum(["accept", "decline"]) });
type Payload = z.infer<typeof payload>;
type Ctx = { invitation: Invitation };
type Outcome = BaseOutcome<Response>;
export type ResponseResult = { id: string; response: Response; version: number };

const answer =
  (to: "accepted" | "declined") =>
  async ({ invitation }: Ctx): Promise<Outcome> => {
    if (invitation.meetingStatus !== "scheduled") {
      throw new AppError("CONFLICT", "meetings.errors.cancelled");
    }
    return { to };
  };

const responseWorkflow: Workflow<Invitation, Response, Payload, Ctx, Outcome, ResponseResult> = {
  name: "meetings",
  input: payload,
  transitions: [
    {
      action: "accept",
      from: ["pending", "declined"],
      to: ["accepted"],
      who: "meeting.read",
      run: answer("accepted"),
    },
    {
      action: "decline",
      from: ["pending", "accepted"],
      to: ["declined"],
      who: "meeting.read",
      run: answer("declined"),
    },
  ],
  // Only the invitee's own row: an id of someone else's meeting finds nothing.
  load: async (tx: Tx, actor: Actor, id: string) => {
    const [row] = await tx
      .select({
        meetingId: meetingParticipant.meetingId,
        userId: meetingParticipant.userId,
        status: meetingParticipant.response,
        version: meetingParticipant.version,
        title: meeting.title,
        organiserId: meeting.organiserId,
        meetingStatus: meeting.status,
      })
      .from(meetingParticipant)
      .innerJoin(meeting, eq(meeting.id, meetingParticipant.meetingId))
      .where(
        and(
          eq(meetingParticipant.meetingId, id),
          eq(meetingParticipant.userId, actor.userId),
          eq(meeting.organisationId, actor.organisationId),
        ),
      )
      .for("update", { of: meetingParticipant });
    if (!row) throw notFound("meeting");
    return row;
  },
  context: (_tx, _actor, invitation) => ({ invitation }),
  save: async (tx, _actor, inv, _outcome, to) => {
    const [row] = await tx
      .update(meetingParticipant)
      .set({
        response: to,
        respondedAt: new Date(),
        version: sql`${meetingParticipant.version} + 1`,
      })
      .where(
        and(
          eq(meetingParticipant.meetingId, inv.meetingId),
          eq(meetingParticipant.userId, inv.userId),
        ),
      )
      .returning({ response: meetingParticipant.response, version: meetingParticipant.version });
    return { id: inv.meetingId, ...row! };
  },
  record: async (tx, actor, inv, _outcome, to) => {
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: to === "accepted" ? "meeting.accepted" : "meeting.declined",
      entityType: "meeting",
      entityId: inv.meetingId,
      data: { title: inv.title },
    });
    await notifyUsers(tx, {
      organisationId: actor.organisationId,
      userIds: [inv.organiserId].filter((id) => id !== actor.userId),
      kind: "meeting",
      messageKey: to === "accepted" ? "meetingAccepted" : "meetingDeclined",
      params: { meetingId: inv.meetingId, title: inv.title, person: actor.fullName },
    });
  },
};

export function respondToMeeting(
  db: Db,
  actor: Actor,
  input: RespondInput,
): Promise<ResponseResult> {
  return applyAction(db, actor, responseWorkflow, {
    id: input.id,
    version: input.version,
    input: { action: input.response === "accepted" ? "accept" : "decline" },
  });
}
