// A task after it was given, against a real database: the assigner edits it (and nobody else),
// bad edits change nothing, files are added and removed by the people working on it and read
// only by those who see the task, and subtasks go only under open tasks the actor sees.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import { fileBlob } from "@/db/schema/files";
import { notification } from "@/db/schema/notify";
import {
  task,
  taskDocument,
  taskEvent,
  taskExtension,
  taskFile,
  taskParticipant,
} from "@/db/schema/tasks";
import { dayMonthYear } from "@/lib/schedule-layout";
import type { TaskActionRequest } from "@/lib/schemas/tasks";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "../testing/incoming-workflow";
import { recordUpload } from "../files/ownership";
import type { FileStore } from "../files/store";
import { sweepOrphanBlobs } from "../files/sweep";
import { createTask } from "./create";
import { getTask } from "./detail";
import { addTaskFiles, findTaskFile, removeTaskFile } from "./files";
import { applyTaskAction } from "./workflow";

let w: WorkflowWorld;
const someone = "00000000-0000-4000-8000-000000000000";
const description = {
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Rà soát từng hộ" }] }],
};

beforeAll(async () => {
  w = await createWorkflowWorld();
}, 60_000);

async function newTask(
  by: string,
  lead: string,
  extra: Partial<Parameters<typeof createTask>[2]> = {},
) {
  return createTask(w.db, await w.as(by), {
    title: "Rà soát hồ sơ đất đai tổ dân phố 5",
    lead: { userId: w.users[lead]! },
    startDate: plusDays(0),
    deadline: plusDays(7),
    ...extra,
  });
}

const versionOf = async (id: string) =>
  (await w.db.select({ version: task.version }).from(task).where(eq(task.id, id)))[0]!.version;

async function act(username: string, taskId: string, input: TaskActionRequest, version?: number) {
  return applyTaskAction(w.db, await w.as(username), {
    taskId,
    version: version ?? (await versionOf(taskId)),
    input,
  });
}

/** The edit that keeps everything as it is, to change one thing at a time. */
async function same(id: string) {
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
  const [row] = await w.db.select().from(task).where(eq(task.id, id));
  const people = await w.db
    .select({ userId: taskParticipant.userId, role: taskParticipant.role })
    .from(taskParticipant)
    .where(eq(taskParticipant.taskId, id))
    .orderBy(taskParticipant.userId);
  const docs = await w.db.select().from(taskDocument).where(eq(taskDocument.taskId, id));
  const files = await w.db.select().from(taskFile).where(eq(taskFile.taskId, id));
  const events = await w.db.select({ n: count() }).from(taskEvent).where(eq(taskEvent.taskId, id));
  const audits = await w.db
    .select({ n: count() })
    .from(auditEvent)
    .where(eq(auditEvent.entityId, id));
  const bells = await w.db.select({ n: count() }).from(notification);
  return { row, people, docs, files, events, audits, bells };
}

const bells = async (username: string, messageKey: string) =>
  (
    await w.db
      .select({ n: count() })
      .from(notification)
      .where(
        and(eq(notification.userId, w.users[username]!), eq(notification.messageKey, messageKey)),
      )
  )[0]!.n;

async function storedBlob(sha256: string, uploader: string) {
  await w.db.insert(fileBlob).values({ sha256, size: 12, mimeType: "application/pdf" });
  await recordUpload(w.db, await w.as(uploader), sha256);
}

describe("editing a task", () => {
  it("lets the assigner change what was given, records each change and tells those concerned", async () => {
    const { id } = await newTask("chutich.dc", "chuyenvien.kt", {
      watcherIds: [w.users["truongphong.vhxh"]!],
    });
    const doc = await w.newDocument();
    const before = await versionOf(id);
    const result = await act("chutich.dc", id, {
      ...(await same(id)),
      title: "Rà soát hồ sơ đất đai tổ dân phố 5 và 6",
      description,
      deadline: plusDays(10),
      priority: "high",
      coIds: [w.users["chuyenvien.vhxh"]!],
      watcherIds: [],
      documentIds: [doc.id],
    });
    expect(result.version).toBe(before + 1);
    expect(result.status).toBe("new");

    const d = await getTask(w.db, await w.as("chuyenvien.kt"), { id });
    expect(d).toMatchObject({
      title: "Rà soát hồ sơ đất đai tổ dân phố 5 và 6",
      deadline: plusDays(10),
      priority: "high",
      description,
    });
    expect(d.people.map((p) => [p.role, p.userId]).sort()).toEqual(
      [
        ["co", w.users["chuyenvien.vhxh"]],
        ["lead", w.users["chuyenvien.kt"]],
      ].sort(),
    );
    expect(d.documents.map((x) => x.id)).toEqual([doc.id]);
    const edited = d.events.at(-1)!;
    expect(edited.action).toBe("edited");
    expect(edited.data).toMatchObject({
      changes: {
        title: { from: "Rà soát hồ sơ đất đai tổ dân phố 5", to: d.title },
        deadline: { from: plusDays(7), to: plusDays(10) },
        priority: { from: "normal", to: "high" },
      },
      description: true,
      added: { co: ["Đỗ Thị Hạnh"] },
      removed: { watchers: [expect.any(String)] },
    });
    const [audit] = await w.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, id), eq(auditEvent.action, "task.edited")));
    expect(audit).toBeDefined();

    expect(await bells("chuyenvien.kt", "taskDeadlineChanged")).toBe(1);
    expect(await bells("chuyenvien.vhxh", "taskCoAssigned")).toBe(1);
    expect(await bells("truongphong.vhxh", "taskRemovedFromTask")).toBe(1);
    // Taken off the task, the watcher no longer sees it.
    expect((await refusedWith(getTask(w.db, await w.as("truongphong.vhxh"), { id }))).code).toBe(
      "NOT_FOUND",
    );
    // Moving the deadline is not an extension: the lead still asks beyond the new one.
    const early = await refusedWith(
      act("chuyenvien.kt", id, {
        action: "requestExtension",
        deadline: plusDays(9),
        reason: "Chờ số liệu",
      }),
    );
    expect(early.fieldErrors.deadline?.[0]?.key).toBe("tasks.extensionNotLater");
  });

  it("is offered to the assigner only, and refused to the lead, while the task is open", async () => {
    const { id } = await newTask("chutich.dc", "chuyenvien.kt");
    expect((await getTask(w.db, await w.as("chutich.dc"), { id })).actions).toContain("edit");
    expect((await getTask(w.db, await w.as("chuyenvien.kt"), { id })).actions).not.toContain(
      "edit",
    );
    const before = await snapshot(id);
    const lead = await refusedWith(
      act("chuyenvien.kt", id, { ...(await same(id)), deadline: plusDays(30) }),
    );
    expect(lead.messageKey).toBe("tasks.onlyAssignerEdits");
    expect(await snapshot(id)).toEqual(before);

    await act("chutich.dc", id, { action: "cancel", reason: "Không cần nữa" });
    const closed = await refusedWith(act("chutich.dc", id, { ...(await same(id)), title: "Mới" }));
    expect(closed.messageKey).toBe("tasks.notAllowedNow");
    expect((await getTask(w.db, await w.as("chutich.dc"), { id })).actions).not.toContain("edit");
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    const { id } = await newTask("truongphong.kt", "chuyenvien.kt");
    const doc = await w.newDocument();
    const before = await snapshot(id);
    const base = await same(id);
    const v = await versionOf(id);
    const cases: [TaskActionRequest, number, string, string][] = [
      [
        { ...base, startDate: plusDays(3), deadline: plusDays(1) },
        v,
        "deadline",
        "tasks.deadlineBeforeStart",
      ],
      [{ ...base, startDate: plusDays(9) }, v, "deadline", "tasks.deadlineBeforeStart"],
      [{ ...base, coIds: [someone] }, v, "coIds.0", "tasks.personNotFound"],
      [
        { ...base, watcherIds: [w.users["chutich.hl"]!] },
        v,
        "watcherIds.0",
        "tasks.personNotFound",
      ],
      [{ ...base, coIds: [w.users["chuyenvien.kt"]!] }, v, "coIds.0", "tasks.personTwice"],
      [
        {
          ...base,
          watcherIds: [w.users["truongphong.vhxh"]!, w.users["truongphong.vhxh"]!],
        },
        v,
        "watcherIds.1",
        "tasks.personTwice",
      ],
      // A unit head gives work within the unit only.
      [{ ...base, coIds: [w.users["chuyenvien.vhxh"]!] }, v, "coIds.0", "tasks.outsideYourUnit"],
      [{ ...base, title: "Rà soát\u0007" }, v, "title", "validation.controlCharacters"],
      [{ ...base, title: "   " }, v, "title", "validation.required"],
      [{ ...base, deadline: "2026-02-31" }, v, "deadline", "validation.dateNotReal"],
      [{ ...base, documentIds: [someone] }, v, "documentIds.0", "tasks.documentNotFound"],
    ];
    for (const [input, version, field, key] of cases) {
      const error = await refusedWith(act("truongphong.kt", id, input, version));
      expect(error.code, key).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors), key).toContain(field);
      expect(error.fieldErrors[field]?.[0]?.key, field).toBe(key);
    }
    const nothing = await refusedWith(act("truongphong.kt", id, base));
    expect(nothing.messageKey).toBe("tasks.nothingChanged");
    const stale = await refusedWith(
      act("truongphong.kt", id, { ...base, documentIds: [doc.id] }, v + 5),
    );
    expect(stale.code).toBe("STALE");
    expect(await snapshot(id)).toEqual(before);
  });

  it("takes a double submit once: the second, on the old version, is told it is stale", async () => {
    const { id } = await newTask("chutich.dc", "chuyenvien.kt");
    const v = await versionOf(id);
    const input = { ...(await same(id)), priority: "urgent" as const };
    const results = await Promise.allSettled([
      act("chutich.dc", id, input, v),
      act("chutich.dc", id, input, v),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason.code).toBe("STALE");
    const events = await w.db
      .select({ action: taskEvent.action })
      .from(taskEvent)
      .where(and(eq(taskEvent.taskId, id), eq(taskEvent.action, "edited")));
    expect(events).toHaveLength(1);
  });

  it("keeps the document a direction turned into the task, and never moves the task under another", async () => {
    const { id } = await newTask("chutich.dc", "chuyenvien.kt");
    const source = await w.newDocument();
    await w.db.insert(taskDocument).values({
      taskId: id,
      documentId: source.id,
      organisationId: w.orgs.dinhcong!,
      fromDirection: true,
    });
    const kept = await refusedWith(act("chutich.dc", id, { ...(await same(id)), documentIds: [] }));
    expect(kept.fieldErrors.documentIds?.[0]?.key).toBe("tasks.directionDocumentKept");
    const other = await newTask("chutich.dc", "chuyenvien.kt");
    await act("chutich.dc", id, {
      ...(await same(id)),
      title: "Đổi tên",
      parentId: other.id,
    } as TaskActionRequest);
    const [row] = await w.db.select({ parentId: task.parentId }).from(task).where(eq(task.id, id));
    expect(row!.parentId).toBeNull();
  });
});

describe("files on a task", () => {
  const pdf = (c: string) => c.repeat(64);

  it("are added by those working on it, read by those who see it, and removed by the adder or the assigner", async () => {
    const { id } = await newTask("chutich.dc", "chuyenvien.kt", {
      watcherIds: [w.users["truongphong.vhxh"]!],
    });
    await storedBlob(pdf("1"), "chuyenvien.kt");
    await storedBlob(pdf("2"), "chutich.dc");
    await storedBlob(pdf("3"), "truongphong.vhxh");
    await storedBlob(pdf("4"), "chutich.hl");

    const lead = await w.as("chuyenvien.kt");
    await addTaskFiles(w.db, lead, {
      taskId: id,
      files: [{ sha256: pdf("1"), fileName: "Biên bản.pdf" }],
    });
    await addTaskFiles(w.db, await w.as("chutich.dc"), {
      taskId: id,
      files: [{ sha256: pdf("2"), fileName: "Chỉ đạo.pdf" }],
    });
    expect(await bells("chutich.dc", "taskFilesAdded")).toBeGreaterThan(0);
    const d = await getTask(w.db, lead, { id });
    expect(d.files.map((f) => [f.fileName, f.canRemove])).toEqual([
      ["Biên bản.pdf", true],
      ["Chỉ đạo.pdf", false],
    ]);
    expect(d.canAddFiles).toBe(true);
    expect(d.events.map((e) => e.action)).toContain("filesAdded");

    const before = await snapshot(id);
    // A watcher reads but does not add; another organisation's blob is unknown here.
    const watcher = await w.as("truongphong.vhxh");
    expect(
      (
        await refusedWith(
          addTaskFiles(w.db, watcher, {
            taskId: id,
            files: [{ sha256: pdf("3"), fileName: "x.pdf" }],
          }),
        )
      ).messageKey,
    ).toBe("tasks.onlyWorkersAddFiles");
    expect((await getTask(w.db, watcher, { id })).canAddFiles).toBe(false);
    const foreign = await refusedWith(
      addTaskFiles(w.db, lead, { taskId: id, files: [{ sha256: pdf("4"), fileName: "x.pdf" }] }),
    );
    expect(foreign.fieldErrors.files?.[0]?.key).toBe("files.missing");
    const twice = await refusedWith(
      addTaskFiles(w.db, await w.as("chutich.dc"), {
        taskId: id,
        files: [{ sha256: pdf("1"), fileName: "Lại.pdf" }],
      }),
    );
    expect(twice.fieldErrors.files?.[0]).toEqual({
      key: "tasks.fileAlreadyOnTask",
      params: { name: "Biên bản.pdf" },
    });
    const [theirs] = d.files.filter((f) => f.fileName === "Chỉ đạo.pdf");
    const notAdder = await refusedWith(
      removeTaskFile(w.db, lead, { taskId: id, fileId: theirs!.id }),
    );
    expect(notAdder.messageKey).toBe("tasks.onlyAdderRemovesFile");
    expect(await snapshot(id)).toEqual(before);

    // The hash in the address is checked against this very task and the reader's sight of it.
    expect((await findTaskFile(w.db, watcher, id, pdf("1"))).fileName).toBe("Biên bản.pdf");
    const other = await newTask("chutich.dc", "chuyenvien.vhxh");
    for (const [who, taskId, sha] of [
      ["chuyenvien.vhxh", id, pdf("1")],
      ["chutich.hl", id, pdf("1")],
      ["chuyenvien.vhxh", other.id, pdf("1")],
      ["chuyenvien.kt", id, pdf("3")],
      ["chuyenvien.kt", "not-a-task", pdf("1")],
      ["chuyenvien.kt", id, "../../etc/passwd"],
    ] as const) {
      expect((await refusedWith(findTaskFile(w.db, await w.as(who), taskId, sha))).code).toBe(
        "NOT_FOUND",
      );
    }

    // The assigner removes the lead's file: the history keeps its name, the blob waits for the sweep.
    const [mine] = d.files.filter((f) => f.fileName === "Biên bản.pdf");
    await removeTaskFile(w.db, await w.as("chutich.dc"), { taskId: id, fileId: mine!.id });
    expect(await bells("chuyenvien.kt", "taskFileRemoved")).toBe(1);
    const after = await getTask(w.db, lead, { id });
    expect(after.files.map((f) => f.fileName)).toEqual(["Chỉ đạo.pdf"]);
    expect(after.events.at(-1)).toMatchObject({
      action: "fileRemoved",
      data: { fileName: "Biên bản.pdf" },
    });
    expect((await refusedWith(findTaskFile(w.db, lead, id, pdf("1")))).code).toBe("NOT_FOUND");
    expect(
      await w.db
        .select()
        .from(fileBlob)
        .where(eq(fileBlob.sha256, pdf("1"))),
    ).toHaveLength(1);
    const removed: string[] = [];
    const store = { remove: async (sha: string) => void removed.push(sha) } as unknown as FileStore;
    await sweepOrphanBlobs(w.db, 0, { store });
    expect(removed).toContain(pdf("1"));
    expect(removed).not.toContain(pdf("2"));

    // Closed, the task takes no more files and gives none up.
    await act("chutich.dc", id, { action: "complete" });
    expect(
      (
        await refusedWith(
          removeTaskFile(w.db, await w.as("chutich.dc"), { taskId: id, fileId: theirs!.id }),
        )
      ).messageKey,
    ).toBe("tasks.closedNoFiles");
    expect((await findTaskFile(w.db, lead, id, pdf("2"))).fileName).toBe("Chỉ đạo.pdf");
  });
});

describe("subtasks", () => {
  it("go under an open task the actor sees, never under a finished, cancelled or hidden one", async () => {
    const parent = await newTask("chutich.dc", "chuyenvien.kt");
    const child = await newTask("chuyenvien.kt", "chuyenvien.kt", {
      title: "Rà soát tổ dân phố 5",
      parentId: parent.id,
    });
    const seen = await getTask(w.db, await w.as("chutich.dc"), { id: parent.id });
    expect(seen.subtasks.map((s) => s.id)).toEqual([child.id]);
    expect((await getTask(w.db, await w.as("chuyenvien.kt"), { id: child.id })).parentId).toBe(
      parent.id,
    );

    const hidden = await refusedWith(
      newTask("chuyenvien.vhxh", "chuyenvien.vhxh", { parentId: parent.id }),
    );
    expect(hidden.fieldErrors.parentId?.[0]?.key).toBe("tasks.parentNotFound");
    const foreign = await refusedWith(newTask("chutich.hl", "chutich.hl", { parentId: parent.id }));
    expect(foreign.fieldErrors.parentId?.[0]?.key).toBe("tasks.parentNotFound");

    const cancelled = await newTask("chutich.dc", "chuyenvien.kt");
    await act("chutich.dc", cancelled.id, { action: "cancel", reason: "Thôi" });
    const done = await newTask("chutich.dc", "chuyenvien.kt");
    await act("chutich.dc", done.id, { action: "complete" });
    for (const closed of [cancelled, done]) {
      const before = (await w.db.select({ n: count() }).from(task))[0]!.n;
      const e = await refusedWith(newTask("chutich.dc", "chuyenvien.kt", { parentId: closed.id }));
      expect(e.fieldErrors.parentId?.[0]).toEqual({
        key: "tasks.parentClosed",
        params: { title: "Rà soát hồ sơ đất đai tổ dân phố 5" },
      });
      expect((await w.db.select({ n: count() }).from(task))[0]!.n).toBe(before);
    }
    expect((await getTask(w.db, await w.as("chutich.dc"), { id: done.id })).canAddSubtask).toBe(
      false,
    );
  });
  it("are due no later than their parent, and a parent no earlier than its open subtasks", async () => {
    const parent = await newTask("chutich.dc", "chuyenvien.kt", { deadline: plusDays(10) });
    const parentTitle = "Rà soát hồ sơ đất đai tổ dân phố 5";
    const bound = { title: parentTitle, deadline: dayMonthYear(plusDays(10)) };
    const late = await refusedWith(
      newTask("chuyenvien.kt", "chuyenvien.kt", { parentId: parent.id, deadline: plusDays(11) }),
    );
    expect(late.fieldErrors.deadline?.[0]).toEqual({
      key: "tasks.afterParentDeadline",
      params: bound,
    });
    // Given on the parent's last day: allowed.
    const child = await newTask("chutich.dc", "chuyenvien.kt", {
      title: "Rà soát tổ dân phố 5, khu A",
      parentId: parent.id,
      deadline: plusDays(10),
    });

    // Its assigner cannot move it past the parent, nor its lead ask for it.
    const moved = await refusedWith(
      act("chutich.dc", child.id, { ...(await same(child.id)), deadline: plusDays(12) }),
    );
    expect(moved.fieldErrors.deadline?.[0]).toEqual({
      key: "tasks.afterParentDeadline",
      params: bound,
    });
    const asked = await refusedWith(
      act("chuyenvien.kt", child.id, {
        action: "requestExtension",
        deadline: plusDays(12),
        reason: "Chưa đủ hồ sơ",
      }),
    );
    expect(asked.fieldErrors.deadline?.[0]?.key).toBe("tasks.afterParentDeadline");

    // An extension asked within the parent's deadline, then the parent brought forward: the
    // extension can no longer be granted, and the parent cannot come before its subtask.
    await act("chutich.dc", parent.id, { ...(await same(parent.id)), deadline: plusDays(11) });
    await act("chuyenvien.kt", child.id, {
      action: "requestExtension",
      deadline: plusDays(11),
      reason: "Chưa đủ hồ sơ",
    });
    const early = await refusedWith(
      act("chutich.dc", parent.id, { ...(await same(parent.id)), deadline: plusDays(9) }),
    );
    expect(early.fieldErrors.deadline?.[0]).toEqual({
      key: "tasks.beforeSubtaskDeadline",
      params: { title: "Rà soát tổ dân phố 5, khu A", deadline: dayMonthYear(plusDays(10)) },
    });
    await act("chutich.dc", parent.id, { ...(await same(parent.id)), deadline: plusDays(10) });
    const [pending] = await w.db
      .select({ id: taskExtension.id })
      .from(taskExtension)
      .where(eq(taskExtension.taskId, child.id));
    const refused = await refusedWith(
      act("chutich.dc", child.id, {
        action: "decideExtension",
        extensionId: pending!.id,
        approve: true,
      }),
    );
    expect(refused.messageKey).toBe("tasks.afterParentDeadline");
    expect((await getTask(w.db, await w.as("chutich.dc"), { id: child.id })).deadline).toBe(
      plusDays(10),
    );
  });
});
