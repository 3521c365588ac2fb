import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { document } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { documentParticipant } from "@/db/schema/participants";
import { registry } from "@/db/schema/registry";
import { vietnamToday } from "@/lib/dates";
import { createWorkflowWorld, plusDays, type WorkflowWorld } from "../testing/incoming-workflow";
import { myDay } from "./today";

let world: WorkflowWorld;
beforeAll(async () => {
  world = await createWorkflowWorld();
});

describe("the day's work on the home page", () => {
  it("lists what is urgent or overdue, what waits for a decision, what is due this week, and the unit's and organisation's figures", async () => {
    const { db, users, units, act, as, orgs } = world;
    const [book] = await db
      .select()
      .from(registry)
      .where(eq(registry.organisationId, orgs.dinhcong!));
    let number = 900;
    // Registered today, in a registry book, as the reception service would.
    const newDocument = (values: Parameters<WorkflowWorld["newDocument"]>[0]) =>
      world.newDocument({
        registryId: book!.id,
        registryPeriod: vietnamToday().slice(0, 4),
        registryNumber: ++number,
        arrivalDate: vietnamToday(),
        ...values,
      });
    const urgent = await newDocument({ urgency: "flash", subject: "Hỏa tốc: ứng phó bão số 9" });
    await act("vanthu.dc", urgent.id, { action: "present", leaderId: users["chutich.dc"]! });

    const dueSoon = await newDocument({ subject: "Báo cáo tiêm chủng tháng 12" });
    await act("vanthu.dc", dueSoon.id, { action: "present", leaderId: users["chutich.dc"]! });
    await act("chutich.dc", dueSoon.id, {
      action: "direct",
      direction: "Giao phòng Văn hóa - Xã hội.",
      lead: { unitId: units.VHXH!, deadline: plusDays(3) },
      co: [],
      info: [],
    });

    const late = await newDocument({ subject: "Rà soát hộ nghèo năm 2026" });
    await act("vanthu.dc", late.id, { action: "present", leaderId: users["chutich.dc"]! });
    await act("chutich.dc", late.id, {
      action: "direct",
      direction: "Giao phòng Văn hóa - Xã hội.",
      lead: { unitId: units.VHXH!, deadline: plusDays(2) },
      co: [],
      info: [],
    });
    // Time passes: the deadline is now behind.
    const past = plusDays(-2);
    await db.update(assignment).set({ deadline: past }).where(eq(assignment.documentId, late.id));
    await db.update(document).set({ deadline: past }).where(eq(document.id, late.id));
    await db
      .update(documentParticipant)
      .set({ deadline: past })
      .where(inArray(documentParticipant.documentId, [late.id]));

    const leader = await myDay(db, await as("chutich.dc"));
    expect(leader.urgent.map((i) => i.subject)).toContain("Hỏa tốc: ứng phó bão số 9");
    expect(leader.decisions.map((i) => i.id)).toEqual([urgent.id]);
    expect(leader.organisation).toMatchObject({ total: 3, notDirected: 1, inProgressOverdue: 1 });
    expect(leader.unit).toBeNull();

    const head = await myDay(db, await as("truongphong.vhxh"));
    expect(head.urgent.map((i) => i.id)).toEqual([late.id]);
    expect(head.dueThisWeek.map((i) => i.id)).toEqual([dueSoon.id]);
    expect(head.unit).toMatchObject({ open: 2, overdue: 1, done: 0 });
    expect(head.unit!.overdueParts.map((i) => i.id)).toEqual([late.id]);
    expect(head.organisation).toBeNull();

    // Another unit's head sees nothing of it.
    const other = await myDay(db, await as("truongphong.kt"));
    expect(other.urgent).toEqual([]);
    expect(other.unit).toMatchObject({ open: 0, overdue: 0 });
  });
});
