import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { documentEvent } from "@/db/schema/documents";
import { unit } from "@/db/schema/org";
import { task, taskDocument } from "@/db/schema/tasks";
import { appUser } from "@/db/schema/users";
import { vietnamToday } from "@/lib/dates";
import { tasksFromDirectionInput, type TasksFromDirectionInput } from "@/lib/schemas/tasks";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError } from "../errors";
import { directingAuthority } from "../incoming/actions-routing";
import { loadVisibleDocument } from "../incoming/visibility";
import { zodFieldErrors } from "../zod-errors";
import { insertTask } from "./create";
import { taskVisibleTo } from "./visibility";

const DIRECTED = ["presented", "in_progress"] as const;

/** The leader's latest direction on the document: the text a task from it starts with. */
async function latestDirection(db: DbOrTx, documentId: string): Promise<string | null> {
  const [row] = await db
    .select({ note: documentEvent.note })
    .from(documentEvent)
    .where(
      and(
        eq(documentEvent.documentId, documentId),
        inArray(documentEvent.action, ["directed", "redirected"]),
      ),
    )
    .orderBy(desc(documentEvent.id))
    .limit(1);
  return row?.note ?? null;
}

/**
 * What the form "Tạo công việc từ ý kiến chỉ đạo" starts with: the direction's text, the
 * document's subject and deadline, and whether the actor may use it (the leader who directs the
 * document, or one standing in for them).
 */
export async function directionPrefill(db: Db, actor: Actor, input: { documentId: string }) {
  assertCan(actor, "task.assign");
  const doc = await loadVisibleDocument(db, actor, input.documentId);
  let allowed = doc.direction === "incoming" && DIRECTED.includes(doc.status as never);
  if (allowed) {
    allowed = await db.transaction(async (tx) =>
      directingAuthority({ tx, actor, doc, today: vietnamToday() })
        .then(() => true)
        .catch(() => false),
    );
  }
  return {
    allowed,
    subject: doc.subject,
    direction: await latestDirection(db, doc.id),
    deadline: doc.deadline ?? doc.issuerDeadline,
    today: vietnamToday(),
  };
}

/**
 * Turns the leader's direction on an incoming document into one or several tasks in one step,
 * each linked to the document. Only the leader who directs it (or stands in for them) may; the
 * document is locked while they are written, and a task already made from it for the same
 * person with the same title is refused, so a double submit makes nothing twice.
 */
export async function createTasksFromDirection(
  db: Db,
  actor: Actor,
  raw: TasksFromDirectionInput,
): Promise<{ ids: string[] }> {
  assertCan(actor, "task.assign");
  assertCan(actor, "incoming.direct");
  const parsed = tasksFromDirectionInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError("VALIDATION", "errors.validation", {}, zodFieldErrors(parsed.error));
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const doc = await loadVisibleDocument(tx, actor, input.documentId, { forUpdate: true });
    if (doc.direction !== "incoming") throw new AppError("NOT_FOUND", "errors.notFound");
    if (!DIRECTED.includes(doc.status as never))
      throw new AppError("CONFLICT", "tasks.documentNotDirectable");
    await directingAuthority({ tx, actor, doc, today: vietnamToday() }).catch(() => {
      throw new AppError("CONFLICT", "tasks.notYourDirection");
    });
    const existing = await tx
      .select({ title: task.title, leadUserId: task.leadUserId, leadUnitId: task.leadUnitId })
      .from(task)
      .innerJoin(taskDocument, eq(taskDocument.taskId, task.id))
      .where(
        and(
          eq(taskDocument.documentId, doc.id),
          eq(taskDocument.fromDirection, true),
          inArray(task.status, ["new", "in_progress"]),
        ),
      );
    const description = await latestDirection(tx, doc.id);
    const ids: string[] = [];
    for (const [i, t] of input.tasks.entries()) {
      const key = t.lead.unitId ?? t.lead.userId;
      const twice = existing.some(
        (e) => e.title === t.title && (e.leadUnitId ?? e.leadUserId) === key,
      );
      if (twice) throw fieldError({ [`tasks.${i}.title`]: "tasks.alreadyFromDirection" });
      const created = await insertTask(
        tx,
        actor,
        {
          title: t.title,
          description: description
            ? {
                type: "doc",
                content: description.split("\n").map((line) => ({
                  type: "paragraph",
                  ...(line ? { content: [{ type: "text", text: line }] } : {}),
                })),
              }
            : null,
          lead: t.lead,
          coIds: t.coIds,
          watcherIds: [],
          startDate: t.startDate,
          deadline: t.deadline,
          priority: t.priority,
          documentIds: [doc.id],
          files: [],
        },
        { field: `tasks.${i}`, fromDirection: true },
      );
      existing.push({
        title: t.title,
        leadUserId: t.lead.userId ?? null,
        leadUnitId: t.lead.unitId ?? null,
      });
      ids.push(created.id);
    }
    return { ids };
  });
}

/** The tasks linked to a document, as far as the actor may see them: the document page's list. */
export async function tasksOfDocument(db: DbOrTx, actor: Actor, input: { documentId: string }) {
  assertCan(actor, "task.work");
  await loadVisibleDocument(db, actor, input.documentId);
  const today = vietnamToday();
  return db
    .select({
      id: task.id,
      title: task.title,
      status: task.status,
      progress: task.progress,
      deadline: task.deadline,
      overdue: sql<boolean>`(${task.status} in ('new', 'in_progress') and ${task.deadline} < ${today})`,
      leadName: sql<string>`coalesce(${appUser.fullName}, (select ${unit.name} from ${unit} where ${unit.id} = ${task.leadUnitId}), '')`,
    })
    .from(task)
    .innerJoin(taskDocument, eq(taskDocument.taskId, task.id))
    .leftJoin(appUser, eq(appUser.id, task.leadUserId))
    .where(and(eq(taskDocument.documentId, input.documentId), taskVisibleTo(actor)))
    .orderBy(task.deadline, task.id);
}
