// Subtasks, against a real database: they go only under open tasks the actor sees, and are due
// no later than their parent, which is due no earlier than its open subtasks.
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { task, taskExtension } from "@/db/schema/tasks";
import { dayMonthYear } from "@/lib/schedule-layout";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "../testing/incoming-workflow";
import { getTask } from "./detail";
import { taskMoves } from "./test-moves";

let w: WorkflowWorld;
const { newTask, act, same } = taskMoves(() => w);

beforeAll(async () => {
  w = await createWorkflowWorld();
}, 60_000);

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
