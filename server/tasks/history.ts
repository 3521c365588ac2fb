import type { DbOrTx } from "@/db/client";
import { taskEvent } from "@/db/schema/tasks";
import type { TaskStatus } from "@/lib/schemas/tasks";
import { appendAudit } from "../audit/append";
import type { Actor } from "../authz/actor";
import { notifyUsers } from "../notify/notify";

/**
 * Records one step of a task twice, in the caller's transaction: in the task's history (what
 * people read on the task page) and in the organisation's audit chain as `task.<action>`.
 */
export async function recordTaskEvent(
  tx: DbOrTx,
  actor: Actor,
  event: {
    taskId: string;
    title: string;
    action: string;
    fromStatus?: TaskStatus | null;
    toStatus?: TaskStatus | null;
    note?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const data = event.data ?? {};
  await tx.insert(taskEvent).values({
    taskId: event.taskId,
    organisationId: actor.organisationId,
    actorId: actor.userId,
    actorName: actor.fullName,
    action: event.action,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    note: event.note ?? null,
    data,
  });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actor,
    action: `task.${event.action}`,
    entityType: "task",
    entityId: event.taskId,
    data: {
      title: event.title,
      ...data,
      ...(event.fromStatus ? { fromStatus: event.fromStatus } : {}),
      ...(event.toStatus ? { toStatus: event.toStatus } : {}),
      ...(event.note ? { note: event.note } : {}),
    },
  });
}

/**
 * Rings the bells of the people a step concerns (never the actor's own), in the caller's
 * transaction. The task's title travels in the parameters, and its page as the bell's link.
 */
export async function notifyTask(
  tx: DbOrTx,
  actor: Actor,
  subject: { id: string; title: string },
  userIds: (string | null | undefined)[],
  messageKey: string,
  params: Record<string, string | number> = {},
): Promise<void> {
  await notifyUsers(tx, {
    organisationId: actor.organisationId,
    userIds: userIds.filter((id): id is string => !!id && id !== actor.userId),
    kind: "task",
    messageKey,
    params: {
      taskId: subject.id,
      href: `/tasks/${subject.id}`,
      title: subject.title.slice(0, 120),
      name: actor.fullName,
      ...params,
    },
  });
}
