import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { document, documentEvent, documentFile } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { notification } from "@/db/schema/notify";
import { vietnamToday } from "@/lib/dates";
import { receiveUpload } from "../files/upload";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "../testing/incoming-workflow";
import {
  createDelegation,
  listDelegations,
  revokeDelegation,
  syncDelegateBoxes,
} from "./delegation";
import { getIncomingDocument } from "./document";
import { listInbox } from "@/server/inbox/boxes";
import { loadVisibleDocument } from "./visibility";

let world: WorkflowWorld;
beforeAll(async () => {
  world = await createWorkflowWorld();
});

const partsOf = async (documentId: string) =>
  world.db.select().from(assignment).where(eq(assignment.documentId, documentId));

async function presentAndDirectToUnit(unit: "KT" | "VHXH", extra: { co?: string } = {}) {
  const { users, units, act, newDocument } = world;
  const doc = await newDocument({ issuerDeadline: plusDays(10), deadline: plusDays(10) });
  await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
  await act("chutich.dc", doc.id, {
    action: "direct",
    direction: "Giao phòng chủ trì.",
    lead: { unitId: units[unit]!, deadline: plusDays(8) },
    co: extra.co ? [{ userId: users[extra.co]!, deadline: plusDays(7) }] : [],
    info: [],
  });
  return doc;
}

describe("results are reviewed by whoever assigned the part", () => {
  it("a specialist's result goes to the unit head, who sends it back, then accepts; the leader's acceptance completes", async () => {
    const { db, users, act, boxOf, as } = world;
    const doc = await presentAndDirectToUnit("KT", { co: "chuyenvien.vhxh" });
    const unitPart = (await partsOf(doc.id)).find((a) => a.role === "lead")!;
    await act("truongphong.kt", doc.id, {
      action: "assignToSpecialist",
      assignmentId: unitPart.id,
      userId: users["chuyenvien.kt"]!,
    });
    const specialistPart = (await partsOf(doc.id)).find((a) => a.parentId === unitPart.id)!;

    // The result carries a file, filed as a result for the reviewer.
    const actor = await as("chuyenvien.kt");
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText("Bao cao ket qua khao sat", { x: 40, y: 780, size: 12, font });
    const file = await receiveUpload(db, actor, {
      stream: Readable.from([Buffer.from(await pdf.save())]),
      fileName: "bao-cao-ket-qua.pdf",
      declaredType: "application/pdf",
    });
    await act("chuyenvien.kt", doc.id, {
      action: "submitResult",
      assignmentId: specialistPart.id,
      result: "Đã khảo sát, đề xuất phương án.",
      files: [{ sha256: file.sha256, fileName: "bao-cao-ket-qua.pdf" }],
    });
    const [filed] = await db
      .select({ kind: documentFile.kind })
      .from(documentFile)
      .where(eq(documentFile.documentId, doc.id));
    expect(filed).toEqual({ kind: "result" });
    expect(await boxOf(doc.id, "chuyenvien.kt")).toEqual([
      expect.objectContaining({ kind: "lead", box: "handled" }),
    ]);
    const review = await listInbox(db, await as("truongphong.kt"), { box: "to_review", limit: 10 });
    expect(review.items.map((i) => i.id)).toEqual([doc.id]);

    // Someone who did not assign the part cannot decide on it.
    const foreign = await refusedWith(
      act("truongphong.vhxh", doc.id, {
        action: "reviewResult",
        assignmentId: specialistPart.id,
        accept: true,
      }),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    // Sending back needs a reason.
    const bare = await refusedWith(
      act("truongphong.kt", doc.id, {
        action: "reviewResult",
        assignmentId: specialistPart.id,
        accept: false,
      }),
    );
    expect(Object.keys(bare.fieldErrors)).toEqual(["note"]);

    await act("truongphong.kt", doc.id, {
      action: "reviewResult",
      assignmentId: specialistPart.id,
      accept: false,
      note: "Bổ sung số liệu tổ dân phố 5.",
    });
    expect(await boxOf(doc.id, "chuyenvien.kt")).toEqual([
      expect.objectContaining({ box: "to_handle", returned: 1 }),
    ]);
    expect(
      (await boxOf(doc.id, "truongphong.kt")).find((r) => r.kind === "reviewer"),
    ).toMatchObject({ box: "handled" });
    const told = await db
      .select({ key: notification.messageKey })
      .from(notification)
      .where(
        and(eq(notification.documentId, doc.id), eq(notification.userId, users["chuyenvien.kt"]!)),
      );
    expect(told.map((n) => n.key)).toContain("resultSentBack");

    await act("chuyenvien.kt", doc.id, {
      action: "submitResult",
      assignmentId: specialistPart.id,
      result: "Đã bổ sung số liệu.",
      files: [],
    });
    await act("truongphong.kt", doc.id, {
      action: "reviewResult",
      assignmentId: specialistPart.id,
      accept: true,
    });
    // The unit's answer goes on to the leader; the document is not complete yet.
    const afterUnit = await partsOf(doc.id);
    expect(afterUnit.find((a) => a.id === unitPart.id)).toMatchObject({
      status: "submitted",
      result: "Đã bổ sung số liệu.",
    });
    expect((await boxOf(doc.id, "chutich.dc")).find((r) => r.kind === "reviewer")).toMatchObject({
      box: "to_review",
    });
    expect((await loadVisibleDocument(db, await as("vanthu.dc"), doc.id)).status).toBe(
      "in_progress",
    );

    await act("chutich.dc", doc.id, {
      action: "reviewResult",
      assignmentId: unitPart.id,
      accept: true,
    });
    const done = await loadVisibleDocument(db, await as("vanthu.dc"), doc.id);
    expect(done).toMatchObject({ status: "completed", result: "Đã bổ sung số liệu." });
    // The co-handler never reported: their part closes unfinished, and shows so in their box.
    const coPart = (await partsOf(doc.id)).find((a) => a.role === "co")!;
    expect(coPart.status).toBe("closed");
    const handled = await listInbox(db, await as("chuyenvien.vhxh"), { box: "handled", limit: 10 });
    expect(handled.items.find((i) => i.id === doc.id)).toMatchObject({ partStatus: "closed" });
    expect((await boxOf(doc.id, "chutich.dc")).every((r) => r.box !== "to_review")).toBe(true);
  });

  it("refuses to submit a part twice, or to review a result that is not waiting", async () => {
    const { act } = world;
    const doc = await presentAndDirectToUnit("VHXH");
    const part = (await partsOf(doc.id)).find((a) => a.role === "lead")!;
    await act("truongphong.vhxh", doc.id, {
      action: "submitResult",
      assignmentId: part.id,
      result: "Đã xong.",
      files: [],
    });
    const twice = await refusedWith(
      act("truongphong.vhxh", doc.id, {
        action: "submitResult",
        assignmentId: part.id,
        result: "Lần hai.",
        files: [],
      }),
    );
    expect(twice.messageKey).toBe("incoming.partNotOpen");
    await act("chutich.dc", doc.id, {
      action: "reviewResult",
      assignmentId: part.id,
      accept: true,
    });
    const again = await refusedWith(
      act("chutich.dc", doc.id, { action: "reviewResult", assignmentId: part.id, accept: true }),
    );
    expect(again.messageKey).toBe("incoming.notAllowedNow");
  });
});

describe("two deadlines", () => {
  it("keeps the issuer's deadline when the leader sets an internal one, and marks one past it", async () => {
    const { db, users, units, act, newDocument, as } = world;
    const doc = await newDocument({ issuerDeadline: plusDays(5), deadline: plusDays(5) });
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    await act("chutich.dc", doc.id, {
      action: "direct",
      direction: "Giao phòng Kinh tế.",
      lead: { unitId: units.KT!, deadline: plusDays(9) },
      co: [],
      info: [],
    });
    const after = await loadVisibleDocument(db, await as("vanthu.dc"), doc.id);
    expect(after).toMatchObject({ issuerDeadline: plusDays(5), deadline: plusDays(9) });
    const [directed] = await db
      .select({ data: documentEvent.data })
      .from(documentEvent)
      .where(and(eq(documentEvent.documentId, doc.id), eq(documentEvent.action, "directed")));
    expect(directed!.data).toMatchObject({ pastIssuerDeadline: true });
  });
});

describe("acting for an absent leader", () => {
  it("puts what is presented to the absent leader in the delegate's box, and records the direction on their behalf", async () => {
    const { db, users, units, act, boxOf, newDocument, as } = world;
    const waiting = await newDocument();
    await act("vanthu.dc", waiting.id, { action: "present", leaderId: users["chutich.dc"]! });

    // Without a delegation the vice-chair may not direct what was presented to the chair.
    const early = await refusedWith(
      act("phochutich.dc", waiting.id, {
        action: "direct",
        direction: "Giao phòng Kinh tế.",
        lead: { unitId: units.KT! },
        co: [],
        info: [],
      }),
    );
    expect(early.messageKey).toBe("incoming.notPresentedToYou");

    const chair = await as("chutich.dc");
    const refused = await refusedWith(
      createDelegation(db, chair, {
        toUserId: users["truongphong.kt"]!,
        startsOn: vietnamToday(),
        endsOn: plusDays(3),
      }),
    );
    expect(refused.fieldErrors).toHaveProperty("toUserId");
    const past = await refusedWith(
      createDelegation(db, chair, {
        toUserId: users["phochutich.dc"]!,
        startsOn: plusDays(-1),
        endsOn: plusDays(3),
      }),
    );
    expect(past.fieldErrors).toHaveProperty("startsOn");

    const delegation = await createDelegation(db, chair, {
      toUserId: users["phochutich.dc"]!,
      startsOn: vietnamToday(),
      endsOn: plusDays(3),
      note: "Đi công tác",
    });
    const overlapping = await refusedWith(
      createDelegation(db, chair, {
        toUserId: users["phochutich.dc"]!,
        startsOn: plusDays(2),
        endsOn: plusDays(5),
      }),
    );
    expect(overlapping.messageKey).toBe("delegation.overlaps");

    // Presented before the delegation, and after it: both wait in the delegate's box.
    expect(await boxOf(waiting.id, "phochutich.dc")).toEqual([
      expect.objectContaining({ kind: "delegate", box: "to_direct" }),
    ]);
    const later = await newDocument({ confidentiality: "secret" });
    await act("vanthu.dc", later.id, { action: "present", leaderId: users["chutich.dc"]! });
    const box = await listInbox(db, await as("phochutich.dc"), { box: "to_direct", limit: 10 });
    expect(box.items.map((i) => i.id).sort()).toEqual([waiting.id, later.id].sort());
    // A secret document is visible to the delegate through the delegation.
    await loadVisibleDocument(db, await as("phochutich.dc"), later.id);

    await act("phochutich.dc", waiting.id, {
      action: "direct",
      direction: "Thay mặt Chủ tịch: giao phòng Kinh tế.",
      lead: { unitId: units.KT! },
      co: [],
      info: [],
    });
    const [event] = await db
      .select()
      .from(documentEvent)
      .where(and(eq(documentEvent.documentId, waiting.id), eq(documentEvent.action, "directed")));
    expect(event).toMatchObject({
      actorName: "Hoàng Thị Mai",
      data: expect.objectContaining({ onBehalfOf: "Nguyễn Đức Thắng" }),
    });
    // Directed: it leaves both leaders' boxes to direct.
    expect((await boxOf(waiting.id, "chutich.dc")).map((r) => r.box)).toEqual(["none"]);
    expect((await boxOf(waiting.id, "phochutich.dc")).map((r) => r.box).sort()).toEqual([
      "handled",
      "none",
    ]);

    const listed = await listDelegations(db, await as("phochutich.dc"));
    expect(listed[0]).toMatchObject({
      given: false,
      state: "running",
      fromName: "Nguyễn Đức Thắng",
    });
    // Only the leader who gave it may end it; then the secret document leaves the delegate's box.
    const notTheirs = await refusedWith(
      revokeDelegation(db, await as("phochutich.dc"), { id: delegation.id }),
    );
    expect(notTheirs.code).toBe("NOT_FOUND");
    await revokeDelegation(db, chair, { id: delegation.id });
    expect(await boxOf(later.id, "phochutich.dc")).toEqual([
      expect.objectContaining({ kind: "delegate", box: "none" }),
    ]);
    await syncDelegateBoxes(db, null);
    expect(await boxOf(later.id, "phochutich.dc")).toEqual([
      expect.objectContaining({ box: "none" }),
    ]);
  });
});

describe("taking a direction back, forwarding", () => {
  it("takes back a direction nobody acted on, and refuses once someone has", async () => {
    const { db, units, act, boxOf, as } = world;
    const doc = await presentAndDirectToUnit("VHXH");
    const before = await getIncomingDocument(db, await as("chutich.dc"), { id: doc.id });
    expect(before.can.withdrawDirection).toBe(true);
    await act("chutich.dc", doc.id, { action: "withdrawDirection", reason: "Giao nhầm phòng." });
    const back = await loadVisibleDocument(db, await as("vanthu.dc"), doc.id);
    expect(back).toMatchObject({ status: "presented", deadline: plusDays(10) });
    expect(await boxOf(doc.id, "truongphong.vhxh")).toEqual([
      expect.objectContaining({ box: "none" }),
    ]);
    expect((await boxOf(doc.id, "chutich.dc")).find((r) => r.kind === "presented")).toMatchObject({
      box: "to_direct",
    });

    await act("chutich.dc", doc.id, {
      action: "direct",
      direction: "Giao phòng Kinh tế.",
      lead: { unitId: units.KT! },
      co: [],
      info: [],
    });
    await act("truongphong.kt", doc.id, { action: "addNote", note: "Đang xử lý.", files: [] });
    const late = await refusedWith(act("chutich.dc", doc.id, { action: "withdrawDirection" }));
    expect(late.messageKey).toBe("incoming.directionInUse");
  });

  it("forwards for information to someone not yet on the document, once", async () => {
    const { db, users, act, boxOf } = world;
    const doc = await presentAndDirectToUnit("KT");
    await act("truongphong.kt", doc.id, {
      action: "forward",
      info: [{ userId: users["chuyenvien.vhxh"]! }],
      note: "Để biết, phối hợp khi cần.",
    });
    expect(await boxOf(doc.id, "chuyenvien.vhxh")).toEqual([
      expect.objectContaining({ kind: "info", box: "info_unread" }),
    ]);
    const twice = await refusedWith(
      act("truongphong.kt", doc.id, {
        action: "forward",
        info: [{ userId: users["chuyenvien.vhxh"]! }],
      }),
    );
    expect(Object.keys(twice.fieldErrors)).toEqual(["info.0"]);
    // A reader for information may not pass it on.
    const reader = await refusedWith(
      act("chuyenvien.vhxh", doc.id, {
        action: "forward",
        info: [{ userId: users["chuyenvien.kt"]! }],
      }),
    );
    expect(reader.messageKey).toBe("incoming.cannotForward");
    const [row] = await db.select().from(document).where(eq(document.id, doc.id));
    expect(row!.status).toBe("in_progress");
  });
});
