import { z } from "zod";
import { dayField, idField, optionalText, requiredText, sha256Field, versionField } from "./fields";

const isoDate = dayField;
const note = (max = 2000) => requiredText(max, { multiline: true });
const optionalNote = (max = 2000) => optionalText(max, { multiline: true });

const fileRef = z.object({ sha256: sha256Field, fileName: requiredText(255) });

/** A unit or a person who receives part of a document, with their own deadline. */
export const assigneeTarget = z
  .object({
    unitId: idField.nullish(),
    userId: idField.nullish(),
    deadline: isoDate.nullish(),
  })
  .refine((t) => Boolean(t.unitId) !== Boolean(t.userId), { message: "incoming.targetOneOf" });
export type AssigneeTarget = z.infer<typeof assigneeTarget>;

/** Every action on an incoming document, one shape per action. */
export const incomingActionInput = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("present"),
    leaderId: idField,
    note: optionalNote(),
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
    assignmentId: idField,
    userId: idField,
    deadline: isoDate.nullish(),
    note: optionalNote(),
  }),
  z.object({
    action: z.literal("addNote"),
    note: note(),
    files: z.array(fileRef).max(10).default([]),
  }),
  z.object({
    action: z.literal("requestExtension"),
    assignmentId: idField,
    requestedDeadline: isoDate,
    reason: note(1000),
  }),
  z.object({
    action: z.literal("decideExtension"),
    requestId: idField,
    approve: z.boolean(),
    deadline: isoDate.nullish(),
    note: optionalNote(1000),
  }),
  z.object({
    action: z.literal("submitResult"),
    assignmentId: idField,
    result: note(),
    files: z.array(fileRef).max(10).default([]),
    /** The outgoing document drafted as the answer, when the result is a reply. */
    replyDocumentId: idField.nullish(),
  }),
  z
    .object({
      action: z.literal("reviewResult"),
      assignmentId: idField,
      accept: z.boolean(),
      note: optionalNote(1000),
    })
    .refine((p) => p.accept || Boolean(p.note), {
      message: "incoming.sendBackNeedsReason",
      path: ["note"],
    }),
  z.object({ action: z.literal("withdrawDirection"), reason: optionalNote(1000) }),
  z.object({
    action: z.literal("forward"),
    info: z.array(assigneeTarget).min(1).max(50),
    note: optionalNote(),
  }),
  z.object({ action: z.literal("returnToLeader"), assignmentId: idField, reason: note(1000) }),
  z.object({ action: z.literal("markRead") }),
  z.object({ action: z.literal("returnToSender"), reason: note(1000) }),
  /** The clerk answers the sender's request to recall the document (a refusal says why). */
  z
    .object({ action: z.literal("answerRecall"), accept: z.boolean(), note: optionalNote(1000) })
    .refine((p) => p.accept || Boolean(p.note), {
      message: "incoming.sendBackNeedsReason",
      path: ["note"],
    }),
  /** A document delivered electronically is registered with its metadata as it came. */
  z.object({
    action: z.literal("register"),
    registryId: idField.nullish(),
    deadline: isoDate.nullish(),
    notes: optionalNote(),
  }),
]);
export type IncomingActionInput = z.infer<typeof incomingActionInput>;
/** An action as a caller writes it: optional fields may be left out. */
export type IncomingActionRequest = z.input<typeof incomingActionInput>;
export type IncomingActionName = IncomingActionInput["action"];

export const applyIncomingActionInput = z.object({
  documentId: idField,
  /** The version the user saw: a document changed since is refused as stale. */
  version: versionField,
  input: incomingActionInput,
});

/**
 * The clerk registers several documents that arrived electronically in one go, each at the
 * version listed; `registryId` is the book for ordinary ones (secret ones go to the secret book).
 */
export const registerManyInput = z.object({
  items: z
    .array(z.object({ documentId: idField, version: versionField }))
    .min(1)
    .max(50),
  registryId: idField.nullish(),
});
