// Demo tasks in Phường Định Công: some overdue, one waiting for the leader to approve a report,
// one done, a unit's task waiting to be handed on, and tasks made from a leader's direction on
// an incoming document.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { documentParticipant } from "@/db/schema/participants";
import { unit } from "@/db/schema/org";
import { task } from "@/db/schema/tasks";
import { addDays, vietnamToday } from "@/lib/dates";
import type { TaskActionRequest } from "@/lib/schemas/tasks";
import { loadActor, type Actor } from "@/server/authz/actor";
import { createTask } from "@/server/tasks/create";
import { createTasksFromDirection } from "@/server/tasks/from-direction";
import { applyTaskAction } from "@/server/tasks/workflow";

export async function seedDemoTasks(
  db: Db,
  { orgs, users }: { orgs: Record<string, string>; users: Record<string, string> },
): Promise<{ tasks: number }> {
  const today = vietnamToday();
  const day = (n: number) => addDays(today, n);
  const actors = new Map<string, Actor>();
  const as = async (username: string) => {
    if (!actors.has(username)) {
      const actor = await loadActor(db, { userId: users[username]!, sessionEpoch: 1 });
      if (!actor) throw new Error(`Demo user ${username} is missing.`);
      actors.set(username, actor);
    }
    return actors.get(username)!;
  };
  const act = async (username: string, taskId: string, input: TaskActionRequest) => {
    const [row] = await db.select({ version: task.version }).from(task).where(eq(task.id, taskId));
    await applyTaskAction(db, await as(username), { taskId, version: row!.version, input });
  };
  const [vhxh] = await db
    .select({ id: unit.id })
    .from(unit)
    .where(and(eq(unit.organisationId, orgs.dinhcong!), eq(unit.shortName, "VHXH")));
  const give = async (
    by: string,
    title: string,
    lead: { userId?: string; unitId?: string },
    start: number,
    deadline: number,
    priority: "low" | "normal" | "high" | "urgent" = "normal",
    coIds: string[] = [],
  ) =>
    (
      await createTask(db, await as(by), {
        title,
        lead,
        coIds,
        startDate: day(start),
        deadline: day(deadline),
        priority,
        description: {
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: title + "." }] }],
        },
      })
    ).id;

  const kt = users["chuyenvien.kt"]!;
  const permits = await give(
    "chutich.dc",
    "Rà soát hồ sơ cấp phép xây dựng quý IV",
    { userId: kt },
    -14,
    -3,
    "high",
  );
  await act("chuyenvien.kt", permits, { action: "start" });
  await act("chuyenvien.kt", permits, {
    action: "reportProgress",
    percent: 40,
    note: "Đã rà soát 24/60 hồ sơ.",
  });
  await give(
    "truongphong.kt",
    "Kiểm tra hiện trạng vỉa hè tổ dân phố 3",
    { userId: kt },
    -7,
    -1,
    "urgent",
  );
  await give(
    "chutich.dc",
    "Tổng hợp danh sách hộ nghèo, cận nghèo năm 2027",
    { unitId: vhxh!.id },
    0,
    10,
    "normal",
  );
  await give("chuyenvien.kt", "Chuẩn bị báo cáo giao ban tuần", { userId: kt }, 0, 2, "low");
  const lights = await give(
    "chutich.dc",
    "Lắp đặt đèn chiếu sáng ngõ 254 Định Công",
    { userId: kt },
    -20,
    -5,
    "normal",
    [users["chuyenvien.vhxh"]!],
  );
  await act("chuyenvien.kt", lights, { action: "start" });
  await act("chutich.dc", lights, { action: "complete", note: "Đã nghiệm thu." });

  // A document the leader directed: its direction becomes two tasks.
  const [directed] = await db
    .select({ id: document.id, subject: document.subject })
    .from(document)
    .innerJoin(
      documentParticipant,
      and(
        eq(documentParticipant.documentId, document.id),
        eq(documentParticipant.userId, users["chutich.dc"]!),
        eq(documentParticipant.kind, "director"),
      ),
    )
    .where(
      and(
        eq(document.organisationId, orgs.dinhcong!),
        eq(document.direction, "incoming"),
        eq(document.status, "in_progress"),
      ),
    )
    .orderBy(desc(document.createdAt))
    .limit(1);
  let fromDirection = 0;
  if (directed) {
    const { ids } = await createTasksFromDirection(db, await as("chutich.dc"), {
      documentId: directed.id,
      tasks: [
        {
          title: `Triển khai: ${directed.subject}`.slice(0, 500),
          lead: { userId: kt },
          startDate: day(-2),
          deadline: day(5),
          priority: "high",
        },
        {
          title: "Báo cáo kết quả triển khai về UBND phường",
          lead: { userId: users["chuyenvien.vhxh"]! },
          startDate: day(-2),
          deadline: day(8),
        },
      ],
    });
    await act("chuyenvien.kt", ids[0]!, { action: "start" });
    fromDirection = ids.length;
  }
  return { tasks: 5 + fromDirection };
}
