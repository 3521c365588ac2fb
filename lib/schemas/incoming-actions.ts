import { z } from "zod";

const isoDate = z.iso.date();
const note = (max = 2000) => z.string().trim().min(1).max(max);

/** A unit or a person who receives part of a document, with their own deadline. */
export const assigneeTarget = z
  .object({
    unitId: z.uuid().nullish(),
    userId: z.uuid().nullish(),
    deadline: isoDate.nullish(),
  })
  .refine((t) => Boolean(t.unitId) !== Boolean(t.userId), { message: "incoming.targetOneOf" });
export type AssigneeTarget = z.infer<typeof assigneeTarget>;

const fileRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().trim().min(1).max(255),
});

/** Every action on an incoming document, one shape per action. */
export const incomingActionInput = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("present"),
    leaderId: z.uuid(),
    note: z.string().trim().max(2000).optional(),
  }),
  z.object({
    action: z.literal("direct"),
    direction: note(),
    lead: assigneeTarget,
    co: z.array(assigneeTarget).max(30).default([]),
    info: z.array(assigneeTarget).max(50).default([]),
  }),
  z.object({
    action: z.literal("assignToSpecialist"),
    assignmentId: z.uuid(),
    userId: z.uuid(),
    deadline: isoDate.nullish(),
    note: z.string().trim().max(2000).optional(),
  }),
  z.object({
    action: z.literal("addNote"),
    note: note(),
    files: z.array(fileRef).max(10).default([]),
  }),
  z.object({
    action: z.literal("requestExtension"),
    assignmentId: z.uuid(),
    requestedDeadline: isoDate,
    reason: note(1000),
  }),
  z.object({
    action: z.literal("decideExtension"),
    requestId: z.uuid(),
    approve: z.boolean(),
    deadline: isoDate.nullish(),
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({ action: z.literal("complete"), assignmentId: z.uuid(), result: note() }),
  z.object({ action: z.literal("returnToLeader"), assignmentId: z.uuid(), reason: note(1000) }),
  z.object({ action: z.literal("markRead") }),
  z.object({ action: z.literal("returnToSender"), reason: note(1000) }),
]);
export type IncomingActionInput = z.infer<typeof incomingActionInput>;
export type IncomingActionName = IncomingActionInput["action"];

export const applyIncomingActionInput = z.object({
  documentId: z.uuid(),
  /** The version the user saw: a document changed since is refused as stale. */
  version: z.number().int().positive(),
  input: incomingActionInput,
});
