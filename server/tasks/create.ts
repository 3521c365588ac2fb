import type { Db, Tx } from "@/db/client";
import { task, taskDocument, taskFile, taskParticipant } from "@/db/schema/tasks";
import { createTaskInput, type CreateTaskInput } from "@/lib/schemas/tasks";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError } from "../errors";
import { loadAttachableBlobs } from "../files/ownership";
import { loadVisibleDocument } from "../incoming/visibility";
import { zodFieldErrors } from "../zod-errors";
import { afterParent } from "./deadlines";
import { notifyTask, recordTaskEvent } from "./history";
import { resolveTaskPeople } from "./people";
import { plainText } from "./plain-text";
import { loadVisibleTask } from "./visibility";
import { isOpenStatus } from "./workflow-support";

export type NewTask = {
  title: string;
  description?: Record<string, unknown> | null;
  lead: { userId?: string | null; unitId?: string | null };
  coIds: string[];
  watcherIds: string[];
  startDate: string;
  deadline: string;
  priority: "low" | "normal" | "high" | "urgent";
  parentId?: string | null;
  documentIds: string[];
  files: { sha256: string; fileName: string }[];
};

/** Creates a task (see `insertTask`), validating the input as the router does for other callers. */
export async function createTask(
  db: Db,
  actor: Actor,
  input: CreateTaskInput,
): Promise<{ id: string; version: number }> {
  assertCan(actor, "task.work");
  const parsed = createTaskInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("VALIDATION", "errors.validation", {}, zodFieldErrors(parsed.error));
  return db.transaction((tx) => insertTask(tx, actor, parsed.data));
}

/**
 * Writes a new task in the caller's transaction, with its people, documents and files, its first
 * history step, the audit event and the bells of the people it is given to. Every id in the
 * input is checked against the actor: people and units of the organisation within the actor's
 * reach, documents and a parent task the actor may see, files the actor may attach.
 */
export async function insertTask(
  tx: Tx,
  actor: Actor,
  input: NewTask,
  options: { field?: string; fromDirection?: boolean } = {},
): Promise<{ id: string; version: number }> {
  const f = (name: string) => (options.field ? `${options.field}.${name}` : name);
  if (input.deadline < input.startDate)
    throw fieldError({ [f("deadline")]: "tasks.deadlineBeforeStart" });
  const people = await resolveTaskPeople(tx, actor, input, options.field);
  if (input.parentId) {
    // Locked, so that the parent cannot be finished or cancelled while its subtask is written.
    // A new task has no subtasks of its own and a parent is never changed afterwards, so the
    // tree cannot close into a cycle.
    const parent = await loadVisibleTask(tx, actor, input.parentId, { forUpdate: true }).catch(
      () => null,
    );
    if (!parent) throw fieldError({ [f("parentId")]: "tasks.parentNotFound" });
    if (!isOpenStatus(parent.status))
      throw fieldError({
        [f("parentId")]: { key: "tasks.parentClosed", params: { title: parent.title } },
      });
    const late = afterParent(parent, input.deadline);
    if (late) throw fieldError({ [f("deadline")]: late });
  }
  const documentIds = [...new Set(input.documentIds)];
  for (const [i, id] of documentIds.entries()) {
    const doc = await loadVisibleDocument(tx, actor, id).catch(() => null);
    if (!doc) throw fieldError({ [f(`documentIds.${i}`)]: "tasks.documentNotFound" });
  }
  const blobs = await loadAttachableBlobs(
    tx,
    actor,
    input.files.map((file) => file.sha256),
  );
  const missing = input.files.find((file) => !blobs.has(file.sha256));
  if (missing)
    throw fieldError({
      [f("files")]: { key: "files.missing", params: { name: missing.fileName } },
    });

  const [row] = await tx
    .insert(task)
    .values({
      organisationId: actor.organisationId,
      title: input.title,
      description: input.description ?? null,
      descriptionText: input.description ? plainText(input.description) : "",
      assignerId: actor.userId,
      leadUserId: people.leadUserId,
      leadUnitId: people.leadUnitId,
      unitId: people.unitId,
      startDate: input.startDate,
      deadline: input.deadline,
      priority: input.priority,
      parentId: input.parentId ?? null,
    })
    .returning({ id: task.id, version: task.version });
  const id = row!.id;
  const participants = [
    ...(people.leadUserId ? [{ userId: people.leadUserId, role: "lead" as const }] : []),
    ...people.coIds.map((userId) => ({ userId, role: "co" as const })),
    ...people.watcherIds.map((userId) => ({ userId, role: "watcher" as const })),
  ];
  if (participants.length > 0) {
    await tx
      .insert(taskParticipant)
      .values(
        participants.map((p) => ({ ...p, taskId: id, organisationId: actor.organisationId })),
      );
  }
  if (documentIds.length > 0) {
    await tx.insert(taskDocument).values(
      documentIds.map((documentId) => ({
        taskId: id,
        documentId,
        organisationId: actor.organisationId,
        fromDirection: options.fromDirection ?? false,
      })),
    );
  }
  const files = [...new Map(input.files.map((file) => [file.sha256, file])).values()];
  if (files.length > 0) {
    await tx.insert(taskFile).values(
      files.map((file) => ({
        taskId: id,
        organisationId: actor.organisationId,
        sha256: file.sha256,
        fileName: file.fileName,
        uploadedById: actor.userId,
      })),
    );
  }
  await recordTaskEvent(tx, actor, {
    taskId: id,
    title: input.title,
    action: options.fromDirection ? "createdFromDirection" : "created",
    toStatus: "new",
    data: { lead: people.leadName, deadline: input.deadline },
  });
  const subject = { id, title: input.title };
  await notifyTask(
    tx,
    actor,
    subject,
    people.toldLead,
    people.leadUnitId ? "taskToUnit" : "taskAssigned",
  );
  await notifyTask(tx, actor, subject, people.coIds, "taskCoAssigned");
  await notifyTask(tx, actor, subject, people.watcherIds, "taskWatching");
  return row!;
}
