import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  assignment,
  document,
  documentEvent,
  documentParticipant,
  extensionRequest,
} from "@/db/schema/documents";
import { notification } from "@/db/schema/notify";
import { unit } from "@/db/schema/org";
import { seedDemo } from "@/db/seed/demo";
import type { IncomingActionInput } from "@/lib/schemas/incoming-actions";
import { vietnamToday } from "@/lib/schemas/org-tree";
import { verifyAuditChain } from "../audit/verify";
import { loadActor, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { insertRegisteredDocument } from "../testing/documents";
import { freshDatabase } from "../testing/test-db";
import { getIncomingDocument } from "./document";
import { loadVisibleDocument } from "./visibility";
import { applyIncomingAction } from "./workflow";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;
const actors: Record<string, Actor> = {};
const units: Record<string, string> = {};

const plusDays = (n: number) => {
  const d = new Date(`${vietnamToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

async function as(username: string): Promise<Actor> {
  actors[username] ??= (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;
  return actors[username]!;
}

async function act(username: string, documentId: string, input: IncomingActionInput) {
  const [doc] = await db
    .select({ version: document.version })
    .from(document)
    .where(eq(document.id, documentId));
  return applyIncomingAction(db, await as(username), { documentId, version: doc!.version, input });
}

async function refusedWith(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function boxOf(documentId: string, username: string) {
  const rows = await db
    .select({
      kind: documentParticipant.kind,
      box: documentParticipant.box,
      returned: documentParticipant.returned,
      deadline: documentParticipant.deadline,
    })
    .from(documentParticipant)
    .where(
      and(
        eq(documentParticipant.documentId, documentId),
        eq(documentParticipant.userId, users[username]!),
      ),
    );
  return rows;
}

async function newDocument(overrides: Partial<typeof document.$inferInsert> = {}) {
  return insertRegisteredDocument(db, {
    organisationId: orgs.dinhcong!,
    createdById: users["vanthu.dc"]!,
    ...overrides,
  });
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
  for (const u of await db.select().from(unit).where(eq(unit.organisationId, orgs.dinhcong!))) {
    units[u.shortName] = u.id;
  }
});

describe("the incoming workflow", () => {
  it("takes an urgent document from presentation to completion, with every step in its history", async () => {
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
    await act("chuyenvien.vhxh", doc.id, {
      action: "complete",
      assignmentId: parts.find((a) => a.role === "co")!.id,
      result: "Đã cung cấp danh sách hộ dân.",
    });
    expect((await loadVisibleDocument(db, await as("vanthu.dc"), doc.id)).status).toBe(
      "in_progress",
    );

    await act("chuyenvien.kt", doc.id, {
      action: "complete",
      assignmentId: specialistPart!.id,
      result: "Đã hoàn thành, báo cáo số 45/BC-KT.",
    });
    const done = await loadVisibleDocument(db, await as("vanthu.dc"), doc.id);
    expect(done).toMatchObject({
      status: "completed",
      result: "Đã hoàn thành, báo cáo số 45/BC-KT.",
      deadline: plusDays(20),
    });
    expect(await boxOf(doc.id, "truongphong.kt")).toEqual([
      expect.objectContaining({ box: "handled" }),
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
      "partCompleted",
      "completed",
      "read",
    ]);
    expect(history.map((e) => e.actorName)).toContain("Nguyễn Đức Thắng");
    expect(await verifyAuditChain(db, orgs.dinhcong!)).toMatchObject({ ok: true });
  });

  it("refuses actions from the wrong state, by the wrong person, or on a stale version", async () => {
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
    const doc = await newDocument();
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

  it("returns a part to the unit head, and the whole document to the clerk", async () => {
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
      action: "complete",
      assignmentId: lead!.id,
      result: "Đã trả lời công dân.",
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
        action: "complete",
        assignmentId: closedPart.id,
        result: "Muộn.",
      }),
    );
    expect(refusal.code).toBe("CONFLICT");
  });

  it("returns a misaddressed document to its sender", async () => {
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
