// Whatever state a document is in, each person on it finds it in exactly one of their boxes (or,
// when they have nothing more to do with it and only keep the right to read it, in none), and
// the clerk finds it in exactly one of the clerk's boxes.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignment } from "@/db/schema/handling";
import { documentParticipant } from "@/db/schema/participants";
import { clerkBoxes, inboxBoxes } from "@/lib/schemas/inbox";
import { vietnamToday } from "@/lib/dates";
import { createWorkflowWorld, plusDays, type WorkflowWorld } from "../testing/incoming-workflow";
import { createDelegation } from "./delegation";
import { listClerkBox, listInbox } from "@/server/inbox/boxes";
import { loadVisibleDocument } from "./visibility";

let world: WorkflowWorld;
beforeAll(async () => {
  world = await createWorkflowWorld();
});

async function boxesListing(username: string, documentId: string): Promise<string[]> {
  const actor = await world.as(username);
  const found: string[] = [];
  for (const box of inboxBoxes) {
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listInbox>> = await listInbox(world.db, actor, {
        box,
        cursor,
        limit: 100,
      });
      if (page.items.some((i) => i.id === documentId)) found.push(box);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return found;
}

async function clerkBoxesListing(documentId: string): Promise<string[]> {
  const actor = await world.as("vanthu.dc");
  const found: string[] = [];
  for (const box of clerkBoxes) {
    const page = await listClerkBox(world.db, actor, { box, cursor: null, limit: 100 });
    if (page.items.some((i) => i.id === documentId)) found.push(box);
  }
  return found;
}

const usernameOf = (id: string) => Object.entries(world.users).find(([, v]) => v === id)![0];

/** Every participant: one box when any of their rows is in one, none when all are 'none'. */
async function expectPartition(documentId: string, label: string) {
  const rows = await world.db
    .select({ userId: documentParticipant.userId, box: documentParticipant.box })
    .from(documentParticipant)
    .where(eq(documentParticipant.documentId, documentId));
  const people = [...new Set(rows.map((r) => r.userId))];
  for (const userId of people) {
    const username = usernameOf(userId);
    const listed = await boxesListing(username, documentId);
    const expected = rows.some((r) => r.userId === userId && r.box !== "none") ? 1 : 0;
    expect(listed, `${label}: ${username} lists it in ${listed.join(", ")}`).toHaveLength(expected);
  }
  expect(await clerkBoxesListing(documentId), `${label}: the clerk`).toHaveLength(1);
}

describe("one box per person, in every state", () => {
  it("walks a document through every status and every kind of part", async () => {
    const { users, units, act, newDocument, db, as } = world;
    const doc = await newDocument({ issuerDeadline: plusDays(9), deadline: plusDays(9) });
    await expectPartition(doc.id, "registered");

    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    await expectPartition(doc.id, "presented");

    await act("chutich.dc", doc.id, {
      action: "direct",
      direction: "Giao phòng Kinh tế chủ trì, đồng chí Hạnh phối hợp.",
      lead: { unitId: units.KT!, deadline: plusDays(8) },
      co: [{ userId: users["chuyenvien.vhxh"]!, deadline: plusDays(7) }],
      info: [{ userId: users["phochutich.dc"]! }, { unitId: units.VHXH! }],
    });
    await expectPartition(doc.id, "directed");

    await act("chutich.dc", doc.id, { action: "withdrawDirection" });
    await expectPartition(doc.id, "direction taken back");
    await act("chutich.dc", doc.id, {
      action: "direct",
      direction: "Giao phòng Kinh tế chủ trì.",
      lead: { unitId: units.KT!, deadline: plusDays(8) },
      co: [{ userId: users["chuyenvien.vhxh"]!, deadline: plusDays(7) }],
      info: [{ userId: users["phochutich.dc"]! }],
    });
    const unitPart = (
      await db.select().from(assignment).where(eq(assignment.documentId, doc.id))
    ).find((a) => a.role === "lead" && a.status === "pending")!;
    await act("truongphong.kt", doc.id, {
      action: "assignToSpecialist",
      assignmentId: unitPart.id,
      userId: users["chuyenvien.kt"]!,
    });
    await expectPartition(doc.id, "passed to a specialist");
    const specialistPart = (
      await db.select().from(assignment).where(eq(assignment.parentId, unitPart.id))
    )[0]!;

    await act("chuyenvien.kt", doc.id, {
      action: "submitResult",
      assignmentId: specialistPart.id,
      result: "Đã xong.",
      files: [],
    });
    await expectPartition(doc.id, "result to the unit head");
    expect(await boxesListing("truongphong.kt", doc.id)).toEqual(["to_review"]);

    await act("truongphong.kt", doc.id, {
      action: "reviewResult",
      assignmentId: specialistPart.id,
      accept: false,
      note: "Bổ sung.",
    });
    await expectPartition(doc.id, "sent back");
    await act("chuyenvien.kt", doc.id, {
      action: "submitResult",
      assignmentId: specialistPart.id,
      result: "Đã bổ sung.",
      files: [],
    });
    await act("truongphong.kt", doc.id, {
      action: "reviewResult",
      assignmentId: specialistPart.id,
      accept: true,
    });
    await expectPartition(doc.id, "unit's result to the leader");
    expect(await boxesListing("chutich.dc", doc.id)).toEqual(["to_review"]);

    await act("phochutich.dc", doc.id, { action: "markRead" });
    await act("chutich.dc", doc.id, {
      action: "reviewResult",
      assignmentId: unitPart.id,
      accept: true,
    });
    expect((await loadVisibleDocument(db, await as("vanthu.dc"), doc.id)).status).toBe("completed");
    await expectPartition(doc.id, "completed");
  });

  it("keeps one box per person when a part is returned, a document goes back, or to its sender", async () => {
    const { users, units, act, newDocument, db } = world;
    const doc = await newDocument();
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    await act("chutich.dc", doc.id, {
      action: "direct",
      direction: "Giao đồng chí Tuấn.",
      lead: { userId: users["chuyenvien.kt"]! },
      co: [{ unitId: units.VHXH! }],
      info: [],
    });
    const parts = await db.select().from(assignment).where(eq(assignment.documentId, doc.id));
    await act("truongphong.vhxh", doc.id, {
      action: "returnToLeader",
      assignmentId: parts.find((a) => a.role === "co")!.id,
      reason: "Không thuộc lĩnh vực.",
    });
    await expectPartition(doc.id, "co part returned");
    await act("chuyenvien.kt", doc.id, {
      action: "returnToLeader",
      assignmentId: parts.find((a) => a.role === "lead")!.id,
      reason: "Không thuộc thẩm quyền.",
    });
    await expectPartition(doc.id, "returned to the clerk");
    await act("vanthu.dc", doc.id, { action: "returnToSender", reason: "Gửi nhầm." });
    await expectPartition(doc.id, "returned to sender");
  });

  it("keeps one box for a leader standing in for another", async () => {
    const { users, act, newDocument, as, db } = world;
    await createDelegation(db, await as("chutich.dc"), {
      toUserId: users["phochutich.dc"]!,
      startsOn: vietnamToday(),
      endsOn: plusDays(2),
    });
    const doc = await newDocument();
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["phochutich.dc"]! });
    await act("vanthu.dc", doc.id, { action: "present", leaderId: users["chutich.dc"]! });
    await expectPartition(doc.id, "presented to an absent leader");
    expect(await boxesListing("phochutich.dc", doc.id)).toEqual(["to_direct"]);
  });
});
