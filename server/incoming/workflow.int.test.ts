import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { document, documentEvent } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { notification } from "@/db/schema/notify";
import { vietnamToday } from "@/lib/dates";
import { createDelegation } from "./delegation";
import { verifyAuditChain } from "../audit/verify";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "../testing/incoming-workflow";
import { getIncomingDocument } from "./document";
import { loadVisibleDocument } from "./visibility";
import { applyIncomingAction } from "./workflow";

let world: WorkflowWorld;

beforeAll(async () => {
  world = await createWorkflowWorld();
});

describe("the incoming workflow", () => {
  it("takes an urgent document from presentation to completion, with every step in its history", async () => {
    const { db, orgs, users, units, as, act, boxOf, newDocument } = world;
    const doc = await newDocument({
      urgency: "flash",
      subject: "Về việc phòng, chống lụt bão năm 2026",
    });

    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    expect(await boxOf(doc.id, "chutich.dc")).toEqual([
      expect.objectContaining({ kind: "presented", box: "to_direct" }),
    ]);
    const [presented] = await db
      .select()
      .from(notification)
      .where(eq(notification.userId, users["chutich.dc"]!));
    expect(presented).toMatchObject({ messageKey: "presentedUrgent", documentId: doc.id });

    await act("chutich.dc", doc.id, {
      action: "direct",
      direction: "Giao Phòng Kinh tế chủ trì, phối hợp đồng chí Hạnh; báo cáo trước hạn.",
      lead: { unitId: units.KT!, deadline: plusDays(10) },
      co: [{ userId: users["chuyenvien.vhxh"]!, deadline: plusDays(7) }],
      info: [{ userId: users["phochutich.dc"]! }],
    });
    expect(await boxOf(doc.id, "truongphong.kt")).toEqual([
      expect.objectContaining({ kind: "unit_head", box: "to_handle", deadline: plusDays(10) }),
    ]);
    expect(await boxOf(doc.id, "chuyenvien.vhxh")).toEqual([
      expect.objectContaining({ kind: "co", box: "to_handle" }),
    ]);
    expect(await boxOf(doc.id, "phochutich.dc")).toEqual([
      expect.objectContaining({ kind: "info", box: "info_unread" }),
    ]);
    expect(await boxOf(doc.id, "chutich.dc")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "presented", box: "none" }),
        expect.objectContaining({ kind: "director", box: "handled" }),
      ]),
    );

    const [unitPart] = await db
      .select()
      .from(assignment)
      .where(and(eq(assignment.documentId, doc.id), eq(assignment.role, "lead")));
    await act("truongphong.kt", doc.id, {
      action: "assignToSpecialist",
      assignmentId: unitPart!.id,
      userId: users["chuyenvien.kt"]!,
    });
    const [specialistPart] = await db
      .select()
      .from(assignment)
      .where(eq(assignment.parentId, unitPart!.id));
    expect(specialistPart).toMatchObject({
      userId: users["chuyenvien.kt"],
      deadline: plusDays(10),
      role: "lead",
    });

    await act("chuyenvien.kt", doc.id, {
      action: "requestExtension",
      assignmentId: specialistPart!.id,
      requestedDeadline: plusDays(20),
      reason: "Cần thêm thời gian khảo sát thực địa.",
    });
    const detail = await getIncomingDocument(db, await as("chutich.dc"), { id: doc.id });
    expect(detail.can.decideExtensions).toHaveLength(1);
    await act("chutich.dc", doc.id, {
      action: "decideExtension",
      requestId: detail.can.decideExtensions[0]!,
      approve: true,
    });
    const parts = await db.select().from(assignment).where(eq(assignment.documentId, doc.id));
    expect(parts.filter((a) => a.role === "lead").map((a) => a.deadline)).toEqual([
      plusDays(20),
      plusDays(20),
    ]);
    expect((await boxOf(doc.id, "chuyenvien.kt"))[0]).toMatchObject({ deadline: plusDays(20) });

    await act("chuyenvien.kt", doc.id, {
      action: "addNote",
      note: "Đã làm việc với tổ dân phố số 5.",
      files: [],
    });
    const coPart = parts.find((a) => a.role === "co" && !a.parentId)!;
    await act("chuyenvien.vhxh", doc.id, {
      action: "submitResult",
      assignmentId: coPart.id,
      result: "Đã cung cấp danh sách hộ dân.",
      files: [],
    });
    await act("chutich.dc", doc.id, {
      action: "reviewResult",
      assignmentId: coPart.id,
      accept: true,
    });
    expect((await loadVisibleDocument(db, await as("vanthu.dc"), doc.id)).status).toBe(
      "in_progress",
    );

    // The specialist's result goes to the unit head, whose acceptance sends it on to the leader.
    await act("chuyenvien.kt", doc.id, {
      action: "submitResult",
      assignmentId: specialistPart!.id,
      result: "Đã hoàn thành, báo cáo số 45/BC-KT.",
      files: [],
    });
    expect((await boxOf(doc.id, "truongphong.kt")).map((r) => r.box).sort()).toEqual([
      "to_handle",
      "to_review",
    ]);
    await act("truongphong.kt", doc.id, {
      action: "reviewResult",
      assignmentId: specialistPart!.id,
      accept: true,
    });
    expect((await loadVisibleDocument(db, await as("vanthu.dc"), doc.id)).status).toBe(
      "in_progress",
    );
    await act("chutich.dc", doc.id, {
      action: "reviewResult",
      assignmentId: unitPart!.id,
      accept: true,
    });
    const done = await loadVisibleDocument(db, await as("vanthu.dc"), doc.id);
    expect(done).toMatchObject({
      status: "completed",
      result: "Đã hoàn thành, báo cáo số 45/BC-KT.",
      deadline: plusDays(20),
    });
    expect((await boxOf(doc.id, "truongphong.kt")).map((r) => r.box)).toEqual([
      "handled",
      "handled",
    ]);

    await act("phochutich.dc", doc.id, { action: "markRead" });
    expect(await boxOf(doc.id, "phochutich.dc")).toEqual([
      expect.objectContaining({ box: "info_read" }),
    ]);

    const history = await db
      .select()
      .from(documentEvent)
      .where(eq(documentEvent.documentId, doc.id))
      .orderBy(documentEvent.id);
    expect(history.map((e) => e.action)).toEqual([
      "presented",
      "directed",
      "assignedToSpecialist",
      "extensionRequested",
      "extensionApproved",
      "noted",
      "resultSubmitted",
      "resultAccepted",
      "resultSubmitted",
      "resultAccepted",
      "completed",
      "read",
    ]);
    expect(history.map((e) => e.actorName)).toContain("Nguyễn Đức Thắng");
    expect(await verifyAuditChain(db, orgs.dinhcong!)).toMatchObject({ ok: true });
  });

  it("refuses actions from the wrong state, by the wrong person, or on a stale version", async () => {
    const { db, users, as, act, newDocument } = world;
    const doc = await newDocument();
    // Not yet presented: nothing to direct.
    expect(
      (
        await refusedWith(
          act("chutich.dc", doc.id, {
            action: "direct",
            direction: "x",
            lead: { userId: users["chuyenvien.kt"]! },
            co: [],
            info: [],
          }),
        )
      ).messageKey,
    ).toBe("incoming.notAllowedNow");
    // A specialist may not present, a clerk may not direct.
    expect(
      (
        await refusedWith(
          act("chuyenvien.kt", doc.id, { action: "present", leaderId: users["chutich.dc"]! }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    expect(
      (
        await refusedWith(
          act("vanthu.dc", doc.id, {
            action: "direct",
            direction: "x",
            lead: { userId: users["chuyenvien.kt"]! },
            co: [],
            info: [],
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    // Someone who is not a leader cannot be presented with it.
    const notLeader = await refusedWith(
      act("vanthu.dc", doc.id, { action: "present", leaderId: users["chuyenvien.kt"]! }),
    );
    expect(notLeader.fieldErrors).toHaveProperty("leaderId");
    // A stale version is refused and changes nothing.
    const stale = await refusedWith(
      applyIncomingAction(db, await as("chutich.dc"), {
        documentId: doc.id,
        version: 1,
        input: {
          action: "direct",
          direction: "x",
          lead: { userId: users["chuyenvien.kt"]! },
          co: [],
          info: [],
        },
      }),
    );
    expect(stale.code).toBe("STALE");
    expect((await loadVisibleDocument(db, await as("vanthu.dc"), doc.id)).status).toBe("presented");
    // Another organisation's clerk does not even see it.
    expect(
      (
        await refusedWith(
          act("vanthu.hl", doc.id, { action: "returnToSender", reason: "Nhầm nơi nhận" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });

  it("lets one of two leaders directing at once win; the other is told the document changed", async () => {
    const { db, users, as, act, newDocument } = world;
    const doc = await newDocument();
    // The vice-chair stands in for the chair, so both may direct what is presented to him.
    await createDelegation(db, await as("chutich.dc"), {
      toUserId: users["phochutich.dc"]!,
      startsOn: vietnamToday(),
      endsOn: vietnamToday(),
    });
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    const [row] = await db
      .select({ version: document.version })
      .from(document)
      .where(eq(document.id, doc.id));
    const direct = async (leader: string, target: string) =>
      applyIncomingAction(db, await as(leader), {
        documentId: doc.id,
        version: row!.version,
        input: {
          action: "direct",
          direction: `Giao ${target}`,
          lead: { userId: users[target]! },
          co: [],
          info: [],
        },
      });
    const results = await Promise.allSettled([
      direct("chutich.dc", "chuyenvien.kt"),
      direct("phochutich.dc", "chuyenvien.vhxh"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "STALE" });
    const leads = await db.select().from(assignment).where(eq(assignment.documentId, doc.id));
    expect(leads).toHaveLength(1);
  });
});
