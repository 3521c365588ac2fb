// Tasks made from a leader's direction on an incoming document, the lists people work from, the
// calendar's deadlines and the report per unit and person.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { task } from "@/db/schema/tasks";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "../testing/incoming-workflow";
import { taskItemsFor, dueSoonTasks } from "./calendar";
import { createTask } from "./create";
import { createTasksFromDirection, directionPrefill, tasksOfDocument } from "./from-direction";
import { getTask } from "./detail";
import { listTasks } from "./list";
import { taskReport } from "./report";

let w: WorkflowWorld;

beforeAll(async () => {
  w = await createWorkflowWorld();
}, 60_000);

async function directedDocument() {
  const doc = await w.newDocument({ subject: "Về việc tổng điều tra dân số năm 2026" });
  await w.act("vanthu.dc", doc.id, { action: "present", leaderId: w.users["chutich.dc"]! });
  await w.act("chutich.dc", doc.id, {
    action: "direct",
    direction: "Giao Phòng Kinh tế chủ trì rà soát danh sách hộ; Phòng VHXH phối hợp.",
    lead: { unitId: w.units.KT!, deadline: plusDays(10) },
    co: [],
    info: [],
  });
  return doc;
}

describe("tasks from a direction", () => {
  it("lets the directing leader make several tasks in one step, linked to the document", async () => {
    const doc = await directedDocument();
    const prefill = await directionPrefill(w.db, await w.as("chutich.dc"), { documentId: doc.id });
    expect(prefill).toMatchObject({ allowed: true, deadline: plusDays(10) });
    expect(prefill.direction).toContain("rà soát danh sách hộ");
    expect(
      (await directionPrefill(w.db, await w.as("phochutich.dc"), { documentId: doc.id })).allowed,
    ).toBe(false);

    const input = {
      documentId: doc.id,
      tasks: [
        {
          title: "Rà soát danh sách hộ",
          lead: { userId: w.users["chuyenvien.kt"]! },
          startDate: plusDays(0),
          deadline: plusDays(8),
        },
        {
          title: "Tổng hợp số liệu hộ nghèo",
          lead: { unitId: w.units.VHXH! },
          startDate: plusDays(0),
          deadline: plusDays(10),
        },
      ],
    };
    const refused = await refusedWith(
      createTasksFromDirection(w.db, await w.as("phochutich.dc"), input),
    );
    expect(refused.messageKey).toBe("tasks.notYourDirection");
    const { ids } = await createTasksFromDirection(w.db, await w.as("chutich.dc"), input);
    expect(ids).toHaveLength(2);
    const first = await getTask(w.db, await w.as("chuyenvien.kt"), { id: ids[0]! });
    expect(first.documents).toEqual([expect.objectContaining({ id: doc.id, fromDirection: true })]);
    expect(first.events[0]!.action).toBe("createdFromDirection");
    expect(JSON.stringify(first.description)).toContain("rà soát danh sách hộ");
    // A second submit of the same form makes nothing.
    const again = await refusedWith(
      createTasksFromDirection(w.db, await w.as("chutich.dc"), input),
    );
    expect(again.fieldErrors["tasks.0.title"]?.[0]?.key).toBe("tasks.alreadyFromDirection");
    expect(
      await tasksOfDocument(w.db, await w.as("chutich.dc"), { documentId: doc.id }),
    ).toHaveLength(2);
    // Someone not on the document does not learn its tasks from it.
    const hidden = await refusedWith(
      tasksOfDocument(w.db, await w.as("chuyenvien.kt"), { documentId: doc.id }),
    );
    expect(hidden.code).toBe("NOT_FOUND");
  });
});

describe("lists, calendar and report", () => {
  it("finds tasks without diacritics, filters the overdue, and pages by key", async () => {
    const leader = await w.as("chutich.dc");
    for (let i = 0; i < 5; i++) {
      await createTask(w.db, leader, {
        title: `Kiểm tra công trình xây dựng số ${i}`,
        lead: { userId: w.users["chuyenvien.vhxh"]! },
        startDate: plusDays(-10),
        deadline: plusDays(i - 2),
      });
    }
    const me = await w.as("chuyenvien.vhxh");
    const found = await listTasks(w.db, me, { view: "mine", q: "cong trinh xay dung" });
    expect(found.items).toHaveLength(5);
    const overdue = await listTasks(w.db, me, { view: "mine", overdue: true });
    expect(overdue.items.map((t) => t.deadline)).toEqual([plusDays(-2), plusDays(-1)]);
    expect(overdue.items.every((t) => t.overdue)).toBe(true);
    const page1 = await listTasks(w.db, me, { view: "mine", q: "cong trinh", limit: 3 });
    const page2 = await listTasks(w.db, me, {
      view: "mine",
      q: "cong trinh",
      limit: 3,
      cursor: page1.nextCursor,
    });
    expect([...page1.items, ...page2.items].map((t) => t.deadline)).toEqual(
      [-2, -1, 0, 1, 2].map(plusDays),
    );
    expect(page2.nextCursor).toBeNull();
    const bad = await refusedWith(listTasks(w.db, me, { view: "mine", cursor: "bm90LWEta2V5" }));
    expect(bad.code).toBe("VALIDATION");
    // A specialist has no unit view.
    expect((await refusedWith(listTasks(w.db, me, { view: "unit" }))).code).toBe("FORBIDDEN");

    const items = await taskItemsFor(w.db, me, {
      from: new Date(`${plusDays(-1)}T00:00:00+07:00`),
      to: new Date(`${plusDays(1)}T00:00:00+07:00`),
    });
    expect(items.map((i) => i.title).sort()).toEqual([
      "Kiểm tra công trình xây dựng số 1",
      "Kiểm tra công trình xây dựng số 2",
    ]);
    expect(items.find((i) => i.title.endsWith("1"))).toMatchObject({
      kind: "task",
      allDay: true,
      state: "overdue",
    });
    const soon = await dueSoonTasks(w.db, me, 2);
    expect(soon.map((t) => t.deadline)).toEqual([plusDays(-2), plusDays(-1)]);
  });

  it("counts done on time, done late, overdue and in progress per unit and person", async () => {
    const leader = await w.as("chutich.dc");
    const mk = async (deadline: number) =>
      (
        await createTask(w.db, leader, {
          title: "Báo cáo",
          lead: { userId: w.users["truongphong.kt"]! },
          startDate: plusDays(-30),
          deadline: plusDays(deadline),
        })
      ).id;
    const onTime = await mk(5);
    const late = await mk(-5);
    await mk(-3);
    await mk(3);
    await w.db
      .update(task)
      .set({ status: "done", completedAt: new Date() })
      .where(eq(task.id, onTime));
    await w.db
      .update(task)
      .set({ status: "done", completedAt: new Date() })
      .where(eq(task.id, late));
    const report = await taskReport(w.db, await w.as("truongphong.kt"), {
      from: plusDays(-6),
      to: plusDays(6),
    });
    const person = report.byPerson.find((r) => r.id === w.users["truongphong.kt"]);
    expect(person).toMatchObject({ doneOnTime: 1, doneLate: 1, overdue: 1, inProgress: 1 });
    const wrong = await refusedWith(
      taskReport(w.db, leader, { from: plusDays(1), to: plusDays(0) }),
    );
    expect(wrong.fieldErrors.to?.[0]?.key).toBe("tasks.rangeReversed");
  });
});
