import { z } from "zod";
import {
  cursorField,
  dayField,
  idField,
  int32Field,
  optionalText,
  pageLimit,
  requiredText,
  searchText,
  sha256Field,
  versionField,
} from "./fields";
import { draftBody } from "./outgoing";

export const taskStatuses = ["new", "in_progress", "done", "cancelled"] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskPriorities = ["low", "normal", "high", "urgent"] as const;
export type TaskPriority = (typeof taskPriorities)[number];
export const taskViews = ["mine", "assigned", "unit"] as const;
export type TaskView = (typeof taskViews)[number];
export const taskSorts = ["deadline", "priority", "created"] as const;

const note = (max = 2000) => requiredText(max, { multiline: true });
const optionalNote = (max = 2000) => optionalText(max, { multiline: true });

const fileRef = z.object({ sha256: sha256Field, fileName: requiredText(255) });

/** A person or a unit to lead the task (a unit's head then hands it to one of its people). */
export const taskLeadTarget = z
  .object({ userId: idField.nullish(), unitId: idField.nullish() })
  .refine((t) => Boolean(t.userId) !== Boolean(t.unitId), { message: "tasks.leadOneOf" });

export const taskFields = z.object({
  title: requiredText(500),
  /** The editor's tiptap document, the same nodes as a draft's body; its text is derived. */
  description: draftBody.nullish(),
  lead: taskLeadTarget,
  coIds: z.array(idField).max(30).default([]),
  watcherIds: z.array(idField).max(30).default([]),
  startDate: dayField,
  deadline: dayField,
  priority: z.enum(taskPriorities).default("normal"),
  parentId: idField.nullish(),
  documentIds: z.array(idField).max(10).default([]),
  files: z.array(fileRef).max(10).default([]),
});

export const createTaskInput = taskFields.refine((t) => t.deadline >= t.startDate, {
  message: "tasks.deadlineBeforeStart",
  path: ["deadline"],
});
export type CreateTaskInput = z.input<typeof createTaskInput>;

/** Tasks from a leader's direction on an incoming document: one or several in one step. */
export const tasksFromDirectionInput = z.object({
  documentId: idField,
  tasks: z
    .array(
      z
        .object({
          title: requiredText(500),
          lead: taskLeadTarget,
          coIds: z.array(idField).max(30).default([]),
          startDate: dayField,
          deadline: dayField,
          priority: z.enum(taskPriorities).default("normal"),
        })
        .refine((t) => t.deadline >= t.startDate, {
          message: "tasks.deadlineBeforeStart",
          path: ["deadline"],
        }),
    )
    .min(1)
    .max(10),
});
export type TasksFromDirectionInput = z.input<typeof tasksFromDirectionInput>;

/** Every workflow action on a task, one shape per action. */
export const taskActionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("start") }),
  z.object({ action: z.literal("handOver"), userId: idField, note: optionalNote() }),
  z.object({
    action: z.literal("reportProgress"),
    percent: int32Field({ min: 0, max: 100 }),
    note: note(),
  }),
  z
    .object({
      action: z.literal("decideReport"),
      reportId: idField,
      approve: z.boolean(),
      note: optionalNote(1000),
    })
    .refine((p) => p.approve || Boolean(p.note), {
      message: "tasks.returnNeedsReason",
      path: ["note"],
    }),
  z.object({
    action: z.literal("requestExtension"),
    deadline: dayField,
    reason: note(1000),
  }),
  z
    .object({
      action: z.literal("decideExtension"),
      extensionId: idField,
      approve: z.boolean(),
      note: optionalNote(1000),
    })
    .refine((p) => p.approve || Boolean(p.note), {
      message: "tasks.refuseNeedsReason",
      path: ["note"],
    }),
  z
    .object({
      action: z.literal("edit"),
      title: requiredText(500),
      description: draftBody.nullish(),
      startDate: dayField,
      deadline: dayField,
      priority: z.enum(taskPriorities),
      coIds: z.array(idField).max(30).default([]),
      watcherIds: z.array(idField).max(30).default([]),
      documentIds: z.array(idField).max(10).default([]),
    })
    .refine((p) => p.deadline >= p.startDate, {
      message: "tasks.deadlineBeforeStart",
      path: ["deadline"],
    }),
  z.object({ action: z.literal("complete"), note: optionalNote() }),
  z.object({ action: z.literal("cancel"), reason: note(1000) }),
  z.object({ action: z.literal("reopen"), reason: note(1000) }),
]);
export type TaskActionInput = z.infer<typeof taskActionInput>;
export type TaskActionName = TaskActionInput["action"];
/** An action as a caller sends it (optional fields may be left out). */
export type TaskActionRequest = z.input<typeof taskActionInput>;

export const applyTaskActionInput = z.object({
  taskId: idField,
  version: versionField,
  input: taskActionInput,
});

export const addTaskCommentInput = z.object({
  taskId: idField,
  body: note(4000),
  mentionIds: z.array(idField).max(20).default([]),
});

export const attachTaskFilesInput = z.object({
  taskId: idField,
  files: z.array(fileRef).min(1).max(10),
});
export type AttachTaskFilesInput = z.input<typeof attachTaskFilesInput>;

export const removeTaskFileInput = z.object({ taskId: idField, fileId: idField });
export type RemoveTaskFileInput = z.input<typeof removeTaskFileInput>;

export const listTasksInput = z
  .object({
    view: z.enum(taskViews),
    status: z.array(z.enum(taskStatuses)).max(4).default([]),
    priority: z.array(z.enum(taskPriorities)).max(4).default([]),
    overdue: z.boolean().default(false),
    deadlineFrom: dayField.nullish(),
    deadlineTo: dayField.nullish(),
    q: searchText(200),
    sort: z.enum(taskSorts).default("deadline"),
    limit: pageLimit(100, 30),
    cursor: cursorField,
  })
  .refine((p) => !p.deadlineFrom || !p.deadlineTo || p.deadlineFrom <= p.deadlineTo, {
    message: "tasks.rangeReversed",
    path: ["deadlineTo"],
  });
export type ListTasksInput = z.input<typeof listTasksInput>;

export const taskReportInput = z
  .object({ from: dayField, to: dayField })
  .refine((p) => p.from <= p.to, { message: "tasks.rangeReversed", path: ["to"] });
