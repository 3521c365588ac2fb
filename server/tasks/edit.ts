// Editing a task: the assigner corrects what was given (title, text, dates, priority) and who
// else is on it (co-assignees, watchers) and which documents it is about, while it is open.
// The lead is changed by handing over, and a later deadline the lead asks for by an extension:
// neither is an edit. Runs as the workflow's `edit` action, so the engine locks the task,
// refuses a stale version and writes the history, audit event and bells in one transaction.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { taskDocument, taskParticipant } from "@/db/schema/tasks";
import { appUser } from "@/db/schema/users";
import { formatNumberNotation } from "@/lib/documents";
import { can } from "@/lib/permissions";
import { AppError, fieldError } from "../errors";
import { loadVisibleDocument } from "../incoming/visibility";
import { loadMembers, unitHeads } from "../incoming/workflow-support";
import { afterParentOf, beforeSubtasksOf } from "./deadlines";
import { mayAssignTo } from "./people";
import { plainText } from "./plain-text";
import {
  isAssigner,
  participantsOf,
  refuse,
  type TaskContext,
  type TaskOutcome,
  type TaskPayload,
} from "./workflow-support";

type Change = { from: unknown; to: unknown };

/** JSON with its keys sorted: jsonb does not keep the order the editor wrote them in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

/** An editor left empty means no description. */
const described = (doc: Record<string, unknown> | null | undefined) =>
  doc && plainText(doc) !== "" ? doc : null;

const dayMonthYear = (day: string) => day.split("-").reverse().join("/");

async function namesOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: appUser.id, fullName: appUser.fullName })
    .from(appUser)
    .where(inArray(appUser.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/**
 * Who is on the task after the edit, checked as creating it would: people of the organisation,
 * each once, the lead not among them; a co-assignee newly added must be within the assigner's
 * reach (one already on the task stays even if the assigner's reach has since changed).
 */
async function checkPeople(
  ctx: TaskContext,
  p: TaskPayload<"edit">,
  before: { co: Set<string>; all: Set<string> },
) {
  const { tx, actor, task: t } = ctx;
  const members = await loadMembers(tx, actor.organisationId, [...p.coIds, ...p.watcherIds]);
  const seen = new Set<string>(t.leadUserId ? [t.leadUserId] : []);
  const check = (id: string, field: string, co: boolean) => {
    const m = members.get(id);
    if (seen.has(id)) throw fieldError({ [field]: "tasks.personTwice" });
    if (!m && !before.all.has(id)) throw fieldError({ [field]: "tasks.personNotFound" });
    if (co && m && !before.co.has(id) && !mayAssignTo(actor, m))
      throw fieldError({
        [field]: can(actor.roles, "task.assign") ? "tasks.outsideYourUnit" : "tasks.onlyYourself",
      });
    seen.add(id);
  };
  p.coIds.forEach((id, i) => check(id, `coIds.${i}`, true));
  p.watcherIds.forEach((id, i) => check(id, `watcherIds.${i}`, false));
}

/** Links documents newly named (the actor must see each) and unlinks those left out. */
async function editDocuments(ctx: TaskContext, wanted: string[]) {
  const { tx, actor, task: t } = ctx;
  const linked = await tx
    .select({ documentId: taskDocument.documentId, fromDirection: taskDocument.fromDirection })
    .from(taskDocument)
    .where(eq(taskDocument.taskId, t.id));
  const had = new Set(linked.map((l) => l.documentId));
  const added: string[] = [];
  for (const [i, id] of wanted.entries()) {
    if (had.has(id) || added.includes(id)) continue;
    const doc = await loadVisibleDocument(tx, actor, id).catch(() => null);
    if (!doc) throw fieldError({ [`documentIds.${i}`]: "tasks.documentNotFound" });
    added.push(id);
  }
  const removed = linked.filter((l) => !wanted.includes(l.documentId));
  // The document a direction turned into this task stays its source.
  if (removed.some((l) => l.fromDirection))
    throw fieldError({ documentIds: "tasks.directionDocumentKept" });
  if (added.length > 0) {
    await tx.insert(taskDocument).values(
      added.map((documentId) => ({
        taskId: t.id,
        documentId,
        organisationId: t.organisationId,
      })),
    );
  }
  const removedIds = removed.map((l) => l.documentId);
  if (removedIds.length > 0) {
    await tx
      .delete(taskDocument)
      .where(and(eq(taskDocument.taskId, t.id), inArray(taskDocument.documentId, removedIds)));
  }
  // Named by number and notation only: the history is read by people who may not open them.
  const labels = async (ids: string[]) =>
    ids.length === 0
      ? []
      : (
          await tx
            .select({ codeNumber: document.codeNumber, codeNotation: document.codeNotation })
            .from(document)
            .where(inArray(document.id, ids))
        ).map((d) => formatNumberNotation(d.codeNumber, d.codeNotation) || "—");
  return { added: await labels(added), removed: await labels(removedIds) };
}

export async function editTask(ctx: TaskContext, p: TaskPayload<"edit">): Promise<TaskOutcome> {
  const { tx, actor, task: t } = ctx;
  if (!isAssigner(actor, t)) throw refuse("tasks.onlyAssignerEdits");
  const participants = (await participantsOf(tx, t.id)).filter((x) => x.role !== "lead");
  const beforeCo = new Set(participants.filter((x) => x.role === "co").map((x) => x.userId));
  const beforeWatchers = new Set(
    participants.filter((x) => x.role === "watcher").map((x) => x.userId),
  );
  const before = { co: beforeCo, all: new Set(participants.map((x) => x.userId)) };
  await checkPeople(ctx, p, before);

  const changes: Record<string, Change> = {};
  const scalar = <K extends "title" | "startDate" | "deadline" | "priority">(key: K) => {
    if (p[key] !== t[key]) changes[key] = { from: t[key], to: p[key] };
  };
  scalar("title");
  scalar("startDate");
  scalar("deadline");
  scalar("priority");
  if (changes.deadline) {
    const problem =
      (await afterParentOf(tx, t.parentId, p.deadline)) ??
      (p.deadline < t.deadline ? await beforeSubtasksOf(tx, t.id, p.deadline) : null);
    if (problem) throw fieldError({ deadline: problem });
  }
  const description = described(p.description as Record<string, unknown> | null | undefined);
  const descriptionChanged = canonical(described(t.description)) !== canonical(description);

  const after = new Map<string, "co" | "watcher">([
    ...p.coIds.map((id) => [id, "co"] as const),
    ...p.watcherIds.map((id) => [id, "watcher"] as const),
  ]);
  const addedCo = p.coIds.filter((id) => !beforeCo.has(id));
  const addedWatchers = p.watcherIds.filter((id) => !beforeWatchers.has(id));
  const removed = [...before.all].filter((id) => !after.has(id));
  const documents = await editDocuments(ctx, [...new Set(p.documentIds)]);
  const peopleChanged = addedCo.length + addedWatchers.length + removed.length > 0;
  const documentsChanged = documents.added.length + documents.removed.length > 0;
  if (
    Object.keys(changes).length === 0 &&
    !descriptionChanged &&
    !peopleChanged &&
    !documentsChanged
  )
    throw new AppError("VALIDATION", "tasks.nothingChanged");

  if (removed.length > 0) {
    await tx
      .delete(taskParticipant)
      .where(and(eq(taskParticipant.taskId, t.id), inArray(taskParticipant.userId, removed)));
  }
  if (after.size > 0) {
    await tx
      .insert(taskParticipant)
      .values(
        [...after].map(([userId, role]) => ({
          taskId: t.id,
          userId,
          organisationId: t.organisationId,
          role,
        })),
      )
      .onConflictDoUpdate({
        target: [taskParticipant.taskId, taskParticipant.userId],
        set: { role: sql`excluded.role` },
      });
  }

  const names = await namesOf(tx, [...addedCo, ...addedWatchers, ...removed]);
  const named = (ids: string[]) => ids.map((id) => names.get(id) ?? "—");
  const list = (co: string[], watchers: string[], docs: string[]) => ({
    ...(co.length ? { co: named(co) } : {}),
    ...(watchers.length ? { watchers: named(watchers) } : {}),
    ...(docs.length ? { documents: docs } : {}),
  });
  const added = list(addedCo, addedWatchers, documents.added);
  const removedCo = removed.filter((id) => beforeCo.has(id));
  const removedWatchers = removed.filter((id) => !beforeCo.has(id));
  const dropped = list(removedCo, removedWatchers, documents.removed);

  // Told of the change: the lead (or the unit's heads, until one hands the task over) and those
  // who stay on it; newcomers and those taken off get bells of their own.
  const lead = t.leadUserId
    ? [t.leadUserId]
    : t.leadUnitId
      ? await unitHeads(tx, t.organisationId, t.leadUnitId)
      : [];
  const told = new Set([...addedCo, ...addedWatchers]);
  const staying = [...lead, ...after.keys()].filter((id) => !told.has(id));
  const deadline = changes.deadline ? p.deadline : null;

  return {
    patch: {
      title: p.title,
      description,
      descriptionText: description ? plainText(description) : "",
      startDate: p.startDate,
      deadline: p.deadline,
      priority: p.priority,
    },
    event: {
      action: "edited",
      data: {
        changes,
        ...(descriptionChanged ? { description: true } : {}),
        ...(Object.keys(added).length ? { added } : {}),
        ...(Object.keys(dropped).length ? { removed: dropped } : {}),
      },
    },
    notify: [
      { userIds: addedCo, messageKey: "taskCoAssigned" },
      { userIds: addedWatchers.filter((id) => !addedCo.includes(id)), messageKey: "taskWatching" },
      { userIds: removed, messageKey: "taskRemovedFromTask" },
      deadline
        ? {
            userIds: staying,
            messageKey: "taskDeadlineChanged",
            params: { deadline: dayMonthYear(deadline) },
          }
        : { userIds: staying, messageKey: "taskEdited" },
    ],
  };
}
