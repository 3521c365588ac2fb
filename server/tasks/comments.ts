import "server-only";
import type { Db } from "@/db/client";
import { taskComment, taskParticipant } from "@/db/schema/tasks";
import { addTaskCommentInput } from "@/lib/schemas/tasks";
import type { z } from "zod";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError } from "../errors";
import { loadMembers } from "../incoming/workflow-support";
import { zodFieldErrors } from "../zod-errors";
import { notifyTask, recordTaskEvent } from "./history";
import { loadVisibleTask } from "./visibility";
import { participantsOf } from "./workflow-support";

/**
 * A comment on a task anyone who sees it may write. The colleagues it @mentions (of the same
 * organisation only) are told, and one not yet on the task becomes a watcher so that the bell
 * opens a task they can read. The others on the task, and its assigner, are told of the comment.
 */
export async function addTaskComment(
  db: Db,
  actor: Actor,
  raw: z.input<typeof addTaskCommentInput>,
): Promise<{ id: string }> {
  assertCan(actor, "task.work");
  const parsed = addTaskCommentInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError("VALIDATION", "errors.validation", {}, zodFieldErrors(parsed.error));
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const t = await loadVisibleTask(tx, actor, input.taskId);
    const mentionIds = [...new Set(input.mentionIds)];
    const members = await loadMembers(tx, actor.organisationId, mentionIds);
    mentionIds.forEach((id, i) => {
      if (!members.has(id)) throw fieldError({ [`mentionIds.${i}`]: "tasks.personNotFound" });
    });
    const [row] = await tx
      .insert(taskComment)
      .values({
        taskId: t.id,
        organisationId: actor.organisationId,
        authorId: actor.userId,
        body: input.body,
        mentions: mentionIds,
      })
      .returning({ id: taskComment.id });
    const people = await participantsOf(tx, t.id);
    const onTask = new Set([t.assignerId, ...people.map((p) => p.userId)]);
    const newcomers = mentionIds.filter((id) => !onTask.has(id));
    if (newcomers.length > 0) {
      await tx
        .insert(taskParticipant)
        .values(
          newcomers.map((userId) => ({
            taskId: t.id,
            userId,
            organisationId: actor.organisationId,
            role: "watcher" as const,
          })),
        )
        .onConflictDoNothing();
    }
    await recordTaskEvent(tx, actor, {
      taskId: t.id,
      title: t.title,
      action: "commented",
      data: { mentioned: mentionIds.map((id) => members.get(id)!.fullName) },
    });
    await notifyTask(tx, actor, t, mentionIds, "taskMentioned");
    await notifyTask(
      tx,
      actor,
      t,
      [...onTask].filter((id) => !mentionIds.includes(id)),
      "taskCommented",
    );
    return row!;
  });
}
