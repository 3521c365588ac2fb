// Files on a task after it was given: the people working on it and its assigner add them while
// it is open; the one who added a file, or the assigner, takes it off again. Taking a file off
// removes its link to the task only: the stored blob stays, and the orphan sweep deletes it
// once nothing else refers to it. The history keeps the file's name either way.
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { fileBlob } from "@/db/schema/files";
import { taskFile } from "@/db/schema/tasks";
import {
  attachTaskFilesInput,
  removeTaskFileInput,
  type AttachTaskFilesInput,
  type RemoveTaskFileInput,
} from "@/lib/schemas/tasks";
import { idField, sha256Field } from "@/lib/schemas/fields";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError, notFound } from "../errors";
import { loadAttachableBlobs } from "../files/ownership";
import { zodFieldErrors } from "../zod-errors";
import { notifyTask, recordTaskEvent } from "./history";
import { loadVisibleTask, type TaskRow } from "./visibility";
import { isOpenStatus, refuse, workersOf } from "./workflow-support";

/** How many files one task may hold: a task is not a document store. */
export const MAX_TASK_FILES = 30;

function invalid(error: Parameters<typeof zodFieldErrors>[0]): AppError {
  return new AppError("VALIDATION", "errors.validation", {}, zodFieldErrors(error));
}

/** Those who work on a task: its assigner, its lead and its co-assignees (not its watchers). */
export function mayWorkOnFiles(
  actor: Actor,
  t: Pick<TaskRow, "assignerId" | "leadUserId">,
  workers: string[],
): boolean {
  return t.assignerId === actor.userId || workers.includes(actor.userId);
}

/** The task, locked, if it is open and the actor may see it; its workers with it. */
async function openTaskForFiles(tx: Tx, actor: Actor, taskId: string) {
  const t = await loadVisibleTask(tx, actor, taskId, { forUpdate: true });
  if (!isOpenStatus(t.status)) throw refuse("tasks.closedNoFiles");
  return { t, workers: await workersOf(tx, t.id) };
}

export async function addTaskFiles(
  db: Db,
  actor: Actor,
  raw: AttachTaskFilesInput,
): Promise<{ added: number }> {
  assertCan(actor, "task.work");
  const parsed = attachTaskFilesInput.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const { t, workers } = await openTaskForFiles(tx, actor, input.taskId);
    if (!mayWorkOnFiles(actor, t, workers)) throw refuse("tasks.onlyWorkersAddFiles");
    const files = [...new Map(input.files.map((f) => [f.sha256, f])).values()];
    // Already on the task, whoever put it there: said before asking whose the bytes are.
    const present = await tx
      .select({ sha256: taskFile.sha256, fileName: taskFile.fileName })
      .from(taskFile)
      .where(eq(taskFile.taskId, t.id));
    const twin = files.find((f) => present.some((p) => p.sha256 === f.sha256));
    if (twin) {
      const on = present.find((p) => p.sha256 === twin.sha256)!;
      throw fieldError({
        files: { key: "tasks.fileAlreadyOnTask", params: { name: on.fileName } },
      });
    }
    const blobs = await loadAttachableBlobs(
      tx,
      actor,
      files.map((f) => f.sha256),
    );
    const missing = files.find((f) => !blobs.has(f.sha256));
    if (missing)
      throw fieldError({ files: { key: "files.missing", params: { name: missing.fileName } } });
    if (present.length + files.length > MAX_TASK_FILES)
      throw fieldError({ files: { key: "tasks.tooManyFiles", params: { max: MAX_TASK_FILES } } });
    await tx.insert(taskFile).values(
      files.map((f) => ({
        taskId: t.id,
        organisationId: t.organisationId,
        sha256: f.sha256,
        fileName: f.fileName,
        uploadedById: actor.userId,
      })),
    );
    await recordTaskEvent(tx, actor, {
      taskId: t.id,
      title: t.title,
      action: "filesAdded",
      data: { files: files.map((f) => f.fileName) },
    });
    await notifyTask(tx, actor, t, [t.assignerId, ...workers], "taskFilesAdded", {
      count: files.length,
    });
    return { added: files.length };
  });
}

export async function removeTaskFile(
  db: Db,
  actor: Actor,
  raw: RemoveTaskFileInput,
): Promise<{ removed: string }> {
  assertCan(actor, "task.work");
  const parsed = removeTaskFileInput.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const { t } = await openTaskForFiles(tx, actor, input.taskId);
    const [file] = await tx
      .select()
      .from(taskFile)
      .where(and(eq(taskFile.id, input.fileId), eq(taskFile.taskId, t.id)));
    if (!file) throw notFound("file");
    if (file.uploadedById !== actor.userId && t.assignerId !== actor.userId)
      throw refuse("tasks.onlyAdderRemovesFile");
    await tx.delete(taskFile).where(eq(taskFile.id, file.id));
    await recordTaskEvent(tx, actor, {
      taskId: t.id,
      title: t.title,
      action: "fileRemoved",
      data: { fileName: file.fileName },
    });
    // The one who added it learns it is gone, when someone else took it off.
    await notifyTask(tx, actor, t, [file.uploadedById], "taskFileRemoved", {
      file: file.fileName.slice(0, 120),
    });
    return { removed: file.fileName };
  });
}

/**
 * A file of a task, for those who may see the task. The hash in the address grants nothing by
 * itself: it must be one of this very task's files, and the task one the actor sees.
 */
export async function findTaskFile(db: DbOrTx, actor: Actor, taskId: string, sha256: string) {
  assertCan(actor, "task.work");
  if (!idField.safeParse(taskId).success || !sha256Field.safeParse(sha256).success)
    throw notFound("file");
  await loadVisibleTask(db, actor, taskId);
  const [row] = await db
    .select({
      sha256: taskFile.sha256,
      fileName: taskFile.fileName,
      size: fileBlob.size,
      mimeType: fileBlob.mimeType,
    })
    .from(taskFile)
    .innerJoin(fileBlob, eq(fileBlob.sha256, taskFile.sha256))
    .where(
      and(
        eq(taskFile.taskId, taskId),
        eq(taskFile.sha256, sha256),
        eq(taskFile.organisationId, actor.organisationId),
      ),
    );
  if (!row) throw notFound("file");
  return row;
}
