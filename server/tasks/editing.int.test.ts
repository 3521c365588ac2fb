// Editing a task after it was given, against a real database: the assigner edits it (and
// nobody else), every change is recorded and told, bad edits change nothing.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import { task, taskDocument, taskEvent } from "@/db/schema/tasks";
import type { TaskActionRequest } from "@/lib/schemas/tasks";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "../testing/incoming-workflow";
import { getTask } from "./detail";
import { description, someone, taskMoves } from "./test-moves";

let w: WorkflowWorld;
const { newTask, versionOf, act, same, snapshot, bells } = taskMoves(() => w);

beforeAll(async () => {
  w = await createWorkflowWorld();
}, 60_000);

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
