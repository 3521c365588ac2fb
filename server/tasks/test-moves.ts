// What the task tests after creation share: a task given by one person to another, an action
// on it at its current version, the edit that changes nothing, everything an edit or a file step
// may write (to show a refused one wrote nothing), a person's bells, and an uploaded file.
import { and, count, eq } from "drizzle-orm";
import { auditEvent } from "@/db/schema/audit";
import { fileBlob } from "@/db/schema/files";
import { notification } from "@/db/schema/notify";
import { task, taskDocument, taskEvent, taskFile, taskParticipant } from "@/db/schema/tasks";
import type { TaskActionRequest } from "@/lib/schemas/tasks";
import { recordUpload } from "../files/ownership";
import { plusDays, type WorkflowWorld } from "../testing/incoming-workflow";
import { createTask } from "./create";
import { getTask } from "./detail";
import { applyTaskAction } from "./workflow";

/** An id nobody has. */
export const someone = "00000000-0000-4000-8000-000000000000";

/** A task's text as the editor writes it. */
export const description = {
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Rà soát từng hộ" }] }],
};

/** The steps, on the world the test file made in its `beforeAll`. */
export function taskMoves(world: () => WorkflowWorld) {
  async function newTask(
    by: string,
    lead: string,
    extra: Partial<Parameters<typeof createTask>[2]> = {},
  ) {
    const w = world();
    return createTask(w.db, await w.as(by), {
      title: "Rà soát hồ sơ đất đai tổ dân phố 5",
      lead: { userId: w.users[lead]! },
      startDate: plusDays(0),
      deadline: plusDays(7),
      ...extra,
    });
  }

  const versionOf = async (id: string) =>
    (await world().db.select({ version: task.version }).from(task).where(eq(task.id, id)))[0]!
      .version;

  async function act(username: string, taskId: string, input: TaskActionRequest, version?: number) {
    const w = world();
    return applyTaskAction(w.db, await w.as(username), {
      taskId,
      version: version ?? (await versionOf(taskId)),
      input,
    });
  }

  /** The edit that keeps everything as it is, to change one thing at a time. */
  async function same(id: string) {
    const w = world();
    const d = await getTask(w.db, await w.as("chutich.dc"), { id });
    return {
      action: "edit" as const,
      title: d.title,
      description: d.description as never,
      startDate: d.startDate,
      deadline: d.deadline,
      priority: d.priority,
      coIds: d.people.filter((p) => p.role === "co").map((p) => p.userId),
      watcherIds: d.people.filter((p) => p.role === "watcher").map((p) => p.userId),
      documentIds: d.documents.map((x) => x.id),
    };
  }

  /** Everything an edit or a file step may write, to show a refused one wrote nothing. */
  async function snapshot(id: string) {
    const { db } = world();
    const [row] = await db.select().from(task).where(eq(task.id, id));
    const people = await db
      .select({ userId: taskParticipant.userId, role: taskParticipant.role })
      .from(taskParticipant)
      .where(eq(taskParticipant.taskId, id))
      .orderBy(taskParticipant.userId);
    const docs = await db.select().from(taskDocument).where(eq(taskDocument.taskId, id));
    const files = await db.select().from(taskFile).where(eq(taskFile.taskId, id));
    const events = await db.select({ n: count() }).from(taskEvent).where(eq(taskEvent.taskId, id));
    const audits = await db
      .select({ n: count() })
      .from(auditEvent)
      .where(eq(auditEvent.entityId, id));
    const bells = await db.select({ n: count() }).from(notification);
    return { row, people, docs, files, events, audits, bells };
  }

  const bells = async (username: string, messageKey: string) => {
    const w = world();
    return (
      await w.db
        .select({ n: count() })
        .from(notification)
        .where(
          and(eq(notification.userId, w.users[username]!), eq(notification.messageKey, messageKey)),
        )
    )[0]!.n;
  };

  async function storedBlob(sha256: string, uploader: string) {
    const w = world();
    await w.db.insert(fileBlob).values({ sha256, size: 12, mimeType: "application/pdf" });
    await recordUpload(w.db, await w.as(uploader), sha256);
  }

  return { newTask, versionOf, act, same, snapshot, bells, storedBlob };
}
