// The task workflow end to end against a real database: who may give a task to whom, every
// action allowed on its path and refused off it, stale and simultaneous changes, another
// organisation's members, and the bells each step rings.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notification } from "@/db/schema/notify";
import { task, taskExtension, taskReport } from "@/db/schema/tasks";
import type { TaskActionRequest } from "@/lib/schemas/tasks";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "../testing/incoming-workflow";
import { addTaskComment } from "./comments";
import { createTask } from "./create";
import { getTask } from "./detail";
import { applyTaskAction } from "./workflow";

let w: WorkflowWorld;
const someone = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  w = await createWorkflowWorld();
}, 60_000);

async function newTask(
  by: string,
  lead: { user?: string; unit?: string },
  extra: Partial<Parameters<typeof createTask>[2]> = {},
) {
  return createTask(w.db, await w.as(by), {
    title: "Rà soát hồ sơ đất đai tổ dân phố 5",
    lead: lead.user ? { userId: w.users[lead.user]! } : { unitId: w.units[lead.unit!]! },
    startDate: plusDays(0),
    deadline: plusDays(7),
    ...extra,
  });
}

async function act(username: string, taskId: string, input: TaskActionRequest) {
  const [row] = await w.db.select({ version: task.version }).from(task).where(eq(task.id, taskId));
  return applyTaskAction(w.db, await w.as(username), { taskId, version: row!.version, input });
}

const taskCount = async () => (await w.db.select({ n: count() }).from(task))[0]!.n;
const bells = async (username: string, messageKey: string) =>
  (
    await w.db
      .select({ n: count() })
      .from(notification)
      .where(
        and(eq(notification.userId, w.users[username]!), eq(notification.messageKey, messageKey)),
      )
  )[0]!.n;

describe("giving a task", () => {
  it("lets anyone take a task on themselves, and only leaders and unit heads give tasks to others", async () => {
    const own = await newTask("chuyenvien.kt", { user: "chuyenvien.kt" });
    expect((await getTask(w.db, await w.as("chuyenvien.kt"), { id: own.id })).status).toBe("new");
    const before = await taskCount();
    const e1 = await refusedWith(newTask("chuyenvien.kt", { user: "chuyenvien.vhxh" }));
    expect(e1.fieldErrors.lead?.[0]?.key).toBe("tasks.onlyYourself");
    const e2 = await refusedWith(newTask("truongphong.kt", { user: "chuyenvien.vhxh" }));
    expect(e2.fieldErrors.lead?.[0]?.key).toBe("tasks.outsideYourUnit");
    expect(await taskCount()).toBe(before);
    await newTask("truongphong.kt", { user: "chuyenvien.kt" });
    await newTask("chutich.dc", { user: "chuyenvien.vhxh" });
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    const before = await taskCount();
    const leader = await w.as("chutich.dc");
    const cases: [() => Promise<unknown>, string, string][] = [
      [
        () =>
          newTask(
            "chutich.dc",
            { user: "chuyenvien.kt" },
            { startDate: plusDays(5), deadline: plusDays(1) },
          ),
        "deadline",
        "tasks.deadlineBeforeStart",
      ],
      [
        () =>
          createTask(w.db, leader, {
            title: "X",
            lead: { userId: someone },
            startDate: plusDays(0),
            deadline: plusDays(1),
          }),
        "lead",
        "tasks.personNotFound",
      ],
      // A colleague of another organisation is nobody here.
      [() => newTask("chutich.dc", { user: "chutich.hl" }), "lead", "tasks.personNotFound"],
      [
        () => newTask("chutich.dc", { user: "chuyenvien.kt" }, { title: "Báo cáo\u0007" }),
        "title",
        "validation.controlCharacters",
      ],
      [
        () => newTask("chutich.dc", { user: "chuyenvien.kt" }, { deadline: "2026-02-31" }),
        "deadline",
        "validation.dateNotReal",
      ],
      [
        () =>
          newTask("chutich.dc", { user: "chuyenvien.kt" }, { coIds: [w.users["chuyenvien.kt"]!] }),
        "coIds.0",
        "tasks.personTwice",
      ],
    ];
    for (const [attempt, field, key] of cases) {
      const error = await refusedWith(attempt());
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors[field]?.[0]?.key).toBe(key);
    }
    expect(await taskCount()).toBe(before);
  });
});

describe("the workflow", () => {
  it("walks from new to done through reports the assigner approves or sends back", async () => {
    const { id } = await newTask("chutich.dc", { user: "chuyenvien.kt" });
    expect(await bells("chuyenvien.kt", "taskAssigned")).toBeGreaterThan(0);
    expect(
      (
        await refusedWith(
          act("chuyenvien.kt", id, { action: "reportProgress", percent: 10, note: "a" }),
        )
      ).messageKey,
    ).toBe("tasks.notAllowedNow");
    expect((await refusedWith(act("chutich.dc", id, { action: "start" }))).messageKey).toBe(
      "tasks.onlyLeadStarts",
    );
    await act("chuyenvien.kt", id, { action: "start" });
    expect((await refusedWith(act("chuyenvien.kt", id, { action: "start" }))).messageKey).toBe(
      "tasks.notAllowedNow",
    );

    await act("chuyenvien.kt", id, {
      action: "reportProgress",
      percent: 50,
      note: "Đã rà soát nửa số hồ sơ",
    });
    expect(
      (
        await refusedWith(
          act("chuyenvien.kt", id, { action: "reportProgress", percent: 60, note: "b" }),
        )
      ).messageKey,
    ).toBe("tasks.reportPending");
    let detail = await getTask(w.db, await w.as("chutich.dc"), { id });
    expect(detail.actions).toContain("decideReport");
    const first = detail.pendingReport!.id;
    expect(
      (
        await refusedWith(
          act("chuyenvien.kt", id, { action: "decideReport", reportId: first, approve: true }),
        )
      ).messageKey,
    ).toBe("tasks.onlyAssignerDecides");
    await act("chutich.dc", id, { action: "decideReport", reportId: first, approve: true });
    detail = await getTask(w.db, await w.as("chuyenvien.kt"), { id });
    expect(detail.progress).toBe(50);
    expect(detail.status).toBe("in_progress");
    expect(await bells("chuyenvien.kt", "taskReportApproved")).toBe(1);

    await act("chuyenvien.kt", id, { action: "reportProgress", percent: 100, note: "Xong" });
    const second = (await getTask(w.db, await w.as("chutich.dc"), { id })).pendingReport!.id;
    const noReason = await refusedWith(
      act("chutich.dc", id, { action: "decideReport", reportId: second, approve: false }),
    );
    expect(noReason.fieldErrors.note?.[0]?.key).toBe("tasks.returnNeedsReason");
    await act("chutich.dc", id, {
      action: "decideReport",
      reportId: second,
      approve: false,
      note: "Thiếu biên bản",
    });
    expect(await bells("chuyenvien.kt", "taskReportReturned")).toBe(1);
    await act("chuyenvien.kt", id, {
      action: "reportProgress",
      percent: 100,
      note: "Đã bổ sung biên bản",
    });
    const third = (await getTask(w.db, await w.as("chutich.dc"), { id })).pendingReport!.id;
    await act("chutich.dc", id, { action: "decideReport", reportId: third, approve: true });
    detail = await getTask(w.db, await w.as("chuyenvien.kt"), { id });
    expect(detail.status).toBe("done");
    expect(detail.completedAt).not.toBeNull();
    expect(detail.events.map((e) => e.action)).toEqual([
      "created",
      "started",
      "progressReported",
      "reportApproved",
      "progressReported",
      "reportReturned",
      "progressReported",
      "reportApproved",
    ]);

    expect(
      (await refusedWith(act("chuyenvien.kt", id, { action: "reopen", reason: "x" }))).messageKey,
    ).toBe("tasks.onlyAssignerReopens");
    await act("chutich.dc", id, { action: "reopen", reason: "Cần rà soát thêm tổ 6" });
    expect((await getTask(w.db, await w.as("chutich.dc"), { id })).status).toBe("in_progress");
  });

  it("lets only the assigner complete or cancel, and reopen what was cancelled", async () => {
    const { id } = await newTask("chutich.dc", { user: "chuyenvien.kt" });
    await act("chuyenvien.kt", id, { action: "start" });
    expect((await refusedWith(act("chuyenvien.kt", id, { action: "complete" }))).messageKey).toBe(
      "tasks.onlyAssignerCompletes",
    );
    expect(
      (await refusedWith(act("chuyenvien.kt", id, { action: "cancel", reason: "x" }))).messageKey,
    ).toBe("tasks.onlyAssignerCancels");
    await act("chuyenvien.kt", id, { action: "reportProgress", percent: 30, note: "a" });
    await act("chutich.dc", id, { action: "cancel", reason: "Không còn cần thiết" });
    const [lapsed] = await w.db
      .select({ status: taskReport.status })
      .from(taskReport)
      .where(eq(taskReport.taskId, id));
    expect(lapsed!.status).toBe("lapsed");
    expect(await bells("chuyenvien.kt", "taskCancelled")).toBeGreaterThan(0);
    expect((await refusedWith(act("chutich.dc", id, { action: "complete" }))).messageKey).toBe(
      "tasks.notAllowedNow",
    );
    await act("chutich.dc", id, { action: "reopen", reason: "Làm tiếp" });
    await act("chutich.dc", id, { action: "complete" });
    expect((await getTask(w.db, await w.as("chutich.dc"), { id })).progress).toBe(100);
  });

  it("moves the deadline only when the assigner approves the lead's request", async () => {
    const { id } = await newTask("chutich.dc", { user: "chuyenvien.kt" });
    const tooEarly = await refusedWith(
      act("chuyenvien.kt", id, { action: "requestExtension", deadline: plusDays(7), reason: "r" }),
    );
    expect(tooEarly.fieldErrors.deadline?.[0]?.key).toBe("tasks.extensionNotLater");
    await act("chuyenvien.kt", id, {
      action: "requestExtension",
      deadline: plusDays(14),
      reason: "Chờ số liệu",
    });
    expect(
      (
        await refusedWith(
          act("chuyenvien.kt", id, {
            action: "requestExtension",
            deadline: plusDays(20),
            reason: "r",
          }),
        )
      ).messageKey,
    ).toBe("tasks.extensionPending");
    const [first] = await w.db.select().from(taskExtension).where(eq(taskExtension.taskId, id));
    expect(
      (
        await refusedWith(
          act("chutich.dc", id, {
            action: "decideExtension",
            extensionId: first!.id,
            approve: false,
          }),
        )
      ).fieldErrors.note?.[0]?.key,
    ).toBe("tasks.refuseNeedsReason");
    await act("chutich.dc", id, {
      action: "decideExtension",
      extensionId: first!.id,
      approve: false,
      note: "Không được",
    });
    expect((await getTask(w.db, await w.as("chutich.dc"), { id })).deadline).toBe(plusDays(7));
    expect(await bells("chuyenvien.kt", "taskExtensionRefused")).toBe(1);
    await act("chuyenvien.kt", id, {
      action: "requestExtension",
      deadline: plusDays(10),
      reason: "Chờ số liệu",
    });
    const second = (await getTask(w.db, await w.as("chutich.dc"), { id })).pendingExtension!.id;
    await act("chutich.dc", id, { action: "decideExtension", extensionId: second, approve: true });
    expect((await getTask(w.db, await w.as("chutich.dc"), { id })).deadline).toBe(plusDays(10));
  });

  it("has a unit's head hand a unit's task to one of its people before it starts", async () => {
    const { id } = await newTask("chutich.dc", { unit: "KT" });
    expect(await bells("truongphong.kt", "taskToUnit")).toBeGreaterThan(0);
    expect((await refusedWith(act("truongphong.kt", id, { action: "start" }))).messageKey).toBe(
      "tasks.handOverFirst",
    );
    const outside = await refusedWith(
      act("truongphong.kt", id, { action: "handOver", userId: w.users["chuyenvien.vhxh"]! }),
    );
    expect(outside.fieldErrors.userId?.[0]?.key).toBe("tasks.notInUnit");
    expect(
      (
        await refusedWith(
          act("truongphong.vhxh", id, { action: "handOver", userId: w.users["chuyenvien.kt"]! }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    await act("truongphong.kt", id, { action: "handOver", userId: w.users["chuyenvien.kt"]! });
    await act("chuyenvien.kt", id, { action: "start" });
    expect((await getTask(w.db, await w.as("chuyenvien.kt"), { id })).leadName).toBeTruthy();
  });
});

describe("concurrency and tenancy", () => {
  it("refuses a stale version, and of two people acting at once exactly one succeeds", async () => {
    const { id } = await newTask("chutich.dc", { user: "chuyenvien.kt" });
    const stale = await refusedWith(
      applyTaskAction(w.db, await w.as("chuyenvien.kt"), {
        taskId: id,
        version: 7,
        input: { action: "start" },
      }),
    );
    expect(stale.code).toBe("STALE");
    await act("chuyenvien.kt", id, { action: "start" });
    const [row] = await w.db.select({ version: task.version }).from(task).where(eq(task.id, id));
    const results = await Promise.allSettled([
      applyTaskAction(w.db, await w.as("chutich.dc"), {
        taskId: id,
        version: row!.version,
        input: { action: "cancel", reason: "Thôi" },
      }),
      applyTaskAction(w.db, await w.as("chuyenvien.kt"), {
        taskId: id,
        version: row!.version,
        input: { action: "reportProgress", percent: 40, note: "Tiến độ" },
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason.code).toBe("STALE");
  });

  it("answers NOT_FOUND to another organisation's members, for reading and acting alike", async () => {
    const { id } = await newTask("chutich.dc", { user: "chuyenvien.kt" });
    expect((await refusedWith(getTask(w.db, await w.as("chutich.hl"), { id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refusedWith(act("chutich.hl", id, { action: "cancel", reason: "x" }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await refusedWith(addTaskComment(w.db, await w.as("chutich.hl"), { taskId: id, body: "x" })))
        .code,
    ).toBe("NOT_FOUND");
    // Within the organisation too: a specialist of another unit, not on the task, does not see it.
    expect((await refusedWith(getTask(w.db, await w.as("chuyenvien.vhxh"), { id }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("comments", () => {
  it("tells the colleague mentioned, who may then open the task; another organisation's is refused", async () => {
    const { id } = await newTask("chutich.dc", { user: "chuyenvien.kt" });
    await addTaskComment(w.db, await w.as("chuyenvien.kt"), {
      taskId: id,
      body: "@Trưởng phòng VHXH cho ý kiến phần hộ nghèo",
      mentionIds: [w.users["truongphong.vhxh"]!],
    });
    expect(await bells("truongphong.vhxh", "taskMentioned")).toBe(1);
    expect(await bells("chutich.dc", "taskCommented")).toBeGreaterThan(0);
    const seen = await getTask(w.db, await w.as("truongphong.vhxh"), { id });
    expect(seen.comments).toHaveLength(1);
    const outsider = await refusedWith(
      addTaskComment(w.db, await w.as("chuyenvien.kt"), {
        taskId: id,
        body: "x",
        mentionIds: [w.users["chutich.hl"]!],
      }),
    );
    expect(outsider.fieldErrors["mentionIds.0"]?.[0]?.key).toBe("tasks.personNotFound");
    expect((await getTask(w.db, await w.as("chuyenvien.kt"), { id })).comments).toHaveLength(1);
  });
});
