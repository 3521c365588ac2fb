import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignment, extensionRequest } from "@/db/schema/handling";
import { notification } from "@/db/schema/notify";
import { unit } from "@/db/schema/org";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "../testing/incoming-workflow";
import { loadVisibleDocument } from "./visibility";

let world: WorkflowWorld;

beforeAll(async () => {
  world = await createWorkflowWorld();
});

describe("how an incoming document ends, or is kept from people", () => {
  it("returns a part to the unit head, and the whole document to the clerk", async () => {
    const { db, users, units, as, act, boxOf, newDocument } = world;
    const doc = await newDocument();
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["phochutich.dc"]! });
    await act("phochutich.dc", doc.id, {
      action: "direct",
      direction: "Phòng VHXH xử lý",
      lead: { unitId: units.VHXH! },
      co: [],
      info: [],
    });
    const [unitPart] = await db.select().from(assignment).where(eq(assignment.documentId, doc.id));
    await act("truongphong.vhxh", doc.id, {
      action: "assignToSpecialist",
      assignmentId: unitPart!.id,
      userId: users["chuyenvien.vhxh"]!,
    });
    const [child] = await db.select().from(assignment).where(eq(assignment.parentId, unitPart!.id));
    // A reason is required.
    await expect(
      act("chuyenvien.vhxh", doc.id, {
        action: "returnToLeader",
        assignmentId: child!.id,
        reason: "",
      } as never),
    ).rejects.toBeDefined();
    await act("chuyenvien.vhxh", doc.id, {
      action: "returnToLeader",
      assignmentId: child!.id,
      reason: "Không thuộc lĩnh vực được phân công.",
    });
    expect(await boxOf(doc.id, "truongphong.vhxh")).toEqual([
      expect.objectContaining({ box: "to_handle", returned: 1 }),
    ]);

    await act("truongphong.vhxh", doc.id, {
      action: "returnToLeader",
      assignmentId: unitPart!.id,
      reason: "Đề nghị giao Phòng Kinh tế.",
    });
    const back = await loadVisibleDocument(db, await as("vanthu.dc"), doc.id);
    expect(back.status).toBe("returned");
    const clerkNotes = await db
      .select()
      .from(notification)
      .where(
        and(eq(notification.userId, users["vanthu.dc"]!), eq(notification.documentId, doc.id)),
      );
    expect(clerkNotes.map((n) => n.messageKey)).toContain("returned");
    // The clerk presents it again; the leader can direct it anew.
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    await act("chutich.dc", doc.id, {
      action: "direct",
      direction: "Phòng Kinh tế xử lý",
      lead: { unitId: units.KT! },
      co: [],
      info: [],
    });
    expect((await loadVisibleDocument(db, await as("vanthu.dc"), doc.id)).status).toBe(
      "in_progress",
    );
  });

  it("closes the co-handlers' open parts when the lead completes the document", async () => {
    const { db, users, units, act, boxOf, newDocument } = world;
    const doc = await newDocument();
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    await act("chutich.dc", doc.id, {
      action: "direct",
      direction: "Phòng Kinh tế chủ trì, Phòng Văn hóa - Xã hội phối hợp.",
      lead: { userId: users["chuyenvien.kt"]!, deadline: plusDays(5) },
      co: [{ unitId: units.VHXH!, deadline: plusDays(4) }],
      info: [{ userId: users["phochutich.dc"]! }],
    });
    const [lead] = await db
      .select()
      .from(assignment)
      .where(and(eq(assignment.documentId, doc.id), eq(assignment.role, "lead")));
    const [co] = await db
      .select()
      .from(assignment)
      .where(and(eq(assignment.documentId, doc.id), eq(assignment.role, "co")));
    await act("truongphong.vhxh", doc.id, {
      action: "requestExtension",
      assignmentId: co!.id,
      requestedDeadline: plusDays(9),
      reason: "Chờ số liệu của tổ dân phố.",
    });
    await act("chuyenvien.kt", doc.id, {
      action: "submitResult",
      assignmentId: lead!.id,
      result: "Đã trả lời công dân.",
      files: [],
    });
    await act("chutich.dc", doc.id, {
      action: "reviewResult",
      assignmentId: lead!.id,
      accept: true,
    });
    // The co-handler's request has nothing left to decide, and they are told their part closed.
    const requests = await db
      .select({ status: extensionRequest.status })
      .from(extensionRequest)
      .where(eq(extensionRequest.documentId, doc.id));
    expect(requests).toEqual([{ status: "lapsed" }]);
    const told = await db
      .select({ messageKey: notification.messageKey })
      .from(notification)
      .where(
        and(
          eq(notification.userId, users["truongphong.vhxh"]!),
          eq(notification.documentId, doc.id),
        ),
      );
    expect(told.map((n) => n.messageKey)).toContain("partClosed");

    const parts = await db.select().from(assignment).where(eq(assignment.documentId, doc.id));
    expect(parts.map((a) => [a.role, a.status]).sort()).toEqual([
      ["co", "closed"],
      ["info", "pending"],
      ["lead", "completed"],
    ]);
    // Nobody keeps a completed document in a to-handle box; the reader may still read it.
    expect(await boxOf(doc.id, "truongphong.vhxh")).toEqual([
      expect.objectContaining({ box: "handled" }),
    ]);
    expect(await boxOf(doc.id, "phochutich.dc")).toEqual([
      expect.objectContaining({ box: "info_unread" }),
    ]);
    const closedPart = parts.find((a) => a.role === "co")!;
    const refusal = await refusedWith(
      act("truongphong.vhxh", doc.id, {
        action: "submitResult",
        assignmentId: closedPart.id,
        result: "Muộn.",
        files: [],
      }),
    );
    expect(refusal.code).toBe("CONFLICT");
  });

  it("returns a misaddressed document to its sender", async () => {
    const { db, as, act, newDocument } = world;
    const doc = await newDocument();
    await act("vanthu.dc", doc.id, {
      action: "returnToSender",
      reason: "Văn bản gửi nhầm, không thuộc thẩm quyền của phường.",
    });
    expect(await loadVisibleDocument(db, await as("vanthu.dc"), doc.id)).toMatchObject({
      status: "returned_to_sender",
      result: "Văn bản gửi nhầm, không thuộc thẩm quyền của phường.",
    });
  });

  it("keeps a secret document from everyone not on it", async () => {
    const { db, users, as, act, newDocument } = world;
    const doc = await newDocument({ confidentiality: "secret" });
    expect((await refusedWith(loadVisibleDocument(db, await as("chutich.dc"), doc.id))).code).toBe(
      "NOT_FOUND",
    );
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    await loadVisibleDocument(db, await as("chutich.dc"), doc.id);
    expect(
      (await refusedWith(loadVisibleDocument(db, await as("phochutich.dc"), doc.id))).code,
    ).toBe("NOT_FOUND");
    await act("chutich.dc", doc.id, {
      action: "direct",
      direction: "Đồng chí Tuấn xử lý",
      lead: { userId: users["chuyenvien.kt"]! },
      co: [],
      info: [],
    });
    await loadVisibleDocument(db, await as("chuyenvien.kt"), doc.id);
    expect(
      (await refusedWith(loadVisibleDocument(db, await as("chuyenvien.vhxh"), doc.id))).code,
    ).toBe("NOT_FOUND");
  });

  it("refuses to direct to a unit that has no head, naming the unit", async () => {
    const { db, orgs, users, as, act, newDocument } = world;
    const [empty] = await db
      .insert(unit)
      .values({ organisationId: orgs.dinhcong!, name: "Tổ Một cửa", shortName: "MC" })
      .returning();
    const doc = await newDocument();
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    const error = await refusedWith(
      act("chutich.dc", doc.id, {
        action: "direct",
        direction: "x",
        lead: { unitId: empty!.id },
        co: [],
        info: [],
      }),
    );
    expect(error.fieldErrors.lead?.[0]).toEqual({
      key: "incoming.unitHasNoHead",
      params: { unit: "Tổ Một cửa" },
    });
    expect((await loadVisibleDocument(db, await as("vanthu.dc"), doc.id)).status).toBe("presented");
  });
});
