import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { document } from "@/db/schema/documents";
import { notification } from "@/db/schema/notify";
import { draftComment } from "@/db/schema/outgoing";
import type { DraftInput, OutgoingActionInput } from "@/lib/schemas/outgoing";
import { draftInput } from "@/lib/schemas/outgoing";
import { verifyAuditChain } from "../audit/verify";
import { createWorkflowWorld, refusedWith, type WorkflowWorld } from "../testing/incoming-workflow";
import { compareDraftVersions, createDraft } from "./drafts";
import { getOutgoingDocument } from "./document";
import { applyOutgoingAction } from "./workflow";

let world: WorkflowWorld;

beforeAll(async () => {
  world = await createWorkflowWorld();
});

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

function draft(overrides: Partial<DraftInput> = {}, lines = ["Thực hiện chỉ đạo của UBND quận,"]) {
  return draftInput.parse({
    documentType: "cong_van",
    subject: "Báo cáo kết quả rà soát hộ nghèo năm 2026",
    urgency: "normal",
    recipients: [
      { kind: "outside", name: "Phòng Lao động - Thương binh và Xã hội quận Hoàng Mai" },
    ],
    copiesTo: ["- Như trên;", "- Lưu: VT, KT."],
    signerId: world.users["chutich.dc"],
    signingAuthority: "tm",
    signerTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
    body: { type: "doc", content: lines.map(paragraph) },
    ...overrides,
  });
}

async function act(username: string, id: string, input: OutgoingActionInput) {
  const [doc] = await world.db
    .select({ version: document.version })
    .from(document)
    .where(eq(document.id, id));
  return applyOutgoingAction(world.db, await world.as(username), {
    documentId: id,
    version: doc!.version,
    input,
  });
}

const route = (): OutgoingActionInput => ({
  action: "sendOnRoute",
  steps: [
    { kind: "review", rule: "all", userIds: [world.users["truongphong.kt"]!] },
    { kind: "format_check", rule: "any", userIds: [world.users["vanthu.dc"]!] },
    { kind: "sign", rule: "any", userIds: [world.users["chutich.dc"]!] },
  ],
  comment: null,
});

const boxes = async (id: string, username: string) =>
  (await world.boxOf(id, username)).map((r) => `${r.kind}:${r.box}`);

describe("the outgoing approval route", () => {
  it("goes from the drafter to the unit head, back with a comment, then on to the clerk and the leader", async () => {
    const { db, users } = world;
    // The specialist answers an incoming document the chairman gave them.
    const incoming = await world.newDocument({ subject: "Về việc rà soát hộ nghèo" });
    await world.act("vanthu.dc", incoming.id, {
      action: "present",
      leaderId: users["chutich.dc"]!,
    });
    await world.act("chutich.dc", incoming.id, {
      action: "direct",
      direction: "Giao đồng chí Tuấn soạn báo cáo.",
      lead: { userId: users["chuyenvien.kt"]! },
      co: [],
      info: [],
    });
    const created = await createDraft(
      db,
      await world.as("chuyenvien.kt"),
      draft({ answersDocumentId: incoming.id }),
    );
    expect(await boxes(created.id, "chuyenvien.kt")).toEqual(["drafter:drafting"]);

    await act("chuyenvien.kt", created.id, route());
    expect(await boxes(created.id, "truongphong.kt")).toEqual(["approver:draft_review"]);
    // The others on the route see it, out of their boxes, until their turn.
    expect(await boxes(created.id, "chutich.dc")).toEqual(["approver:none"]);
    expect(await boxes(created.id, "chuyenvien.kt")).toEqual(["drafter:none"]);

    await act("truongphong.kt", created.id, {
      action: "returnDraft",
      comment: "Bổ sung số liệu hộ cận nghèo.",
      toPosition: null,
    });
    const returned = await getOutgoingDocument(db, await world.as("chuyenvien.kt"), {
      id: created.id,
    });
    expect(returned.status).toBe("returned_to_drafter");
    expect(returned.comments).toEqual([
      expect.objectContaining({ versionNumber: 1, body: "Bổ sung số liệu hộ cận nghèo." }),
    ]);
    expect(await boxes(created.id, "chuyenvien.kt")).toEqual(["drafter:draft_returned"]);
    expect(await boxes(created.id, "truongphong.kt")).toEqual(["approver:none"]);
    // Only the drafter revises and sends it again.
    expect(
      (
        await refusedWith(
          act("truongphong.kt", created.id, { action: "saveDraft", draft: draft() }),
        )
      ).messageKey,
    ).toBe("outgoing.onlyDrafterEdits");
    const [told] = await db
      .select()
      .from(notification)
      .where(
        and(
          eq(notification.userId, users["chuyenvien.kt"]!),
          eq(notification.documentId, created.id),
        ),
      );
    expect(told).toMatchObject({ messageKey: "draftReturned", documentId: created.id });

    await act("chuyenvien.kt", created.id, {
      action: "saveDraft",
      draft: draft({ answersDocumentId: incoming.id }, [
        "Thực hiện chỉ đạo của UBND quận,",
        "Số hộ cận nghèo: 12 hộ.",
      ]),
    });
    const compared = await compareDraftVersions(db, await world.as("truongphong.kt"), {
      id: created.id,
      from: 1,
      to: 2,
    });
    expect(compared.lines).toEqual([
      { kind: "same", text: "Thực hiện chỉ đạo của UBND quận," },
      { kind: "added", text: "Số hộ cận nghèo: 12 hộ." },
    ]);

    await act("chuyenvien.kt", created.id, route());
    await act("truongphong.kt", created.id, { action: "approveStep", comment: null });
    expect(await boxes(created.id, "vanthu.dc")).toEqual(["approver:draft_review"]);
    await act("vanthu.dc", created.id, { action: "approveStep", comment: "Đúng thể thức." });
    expect(await boxes(created.id, "chutich.dc")).toEqual(["approver:to_sign"]);

    const page = await getOutgoingDocument(db, await world.as("chutich.dc"), { id: created.id });
    expect(page.route.map((s) => s.status)).toEqual(["approved", "approved", "active"]);
    expect(page.heldBy).toEqual(["Nguyễn Đức Thắng"]);
    expect(page.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(page.history.map((e) => e.action)).toEqual([
      "drafted",
      "sentOnRoute",
      "returnedToDrafter",
      "draftSaved",
      "sentOnRoute",
      "reviewMarked",
      "formatChecked",
    ]);
    // The signature is a signature, not an approval.
    const error = await refusedWith(
      act("chutich.dc", created.id, { action: "approveStep", comment: null }),
    );
    expect(error.messageKey).toBe("outgoing.signWithCertificate");
    expect((await verifyAuditChain(db, world.orgs.dinhcong!)).ok).toBe(true);
  });

  it("refuses out of turn, twice, on a stale version, and whatever the drafter is not", async () => {
    const { db } = world;
    const created = await createDraft(db, await world.as("chuyenvien.kt"), draft());
    // Nobody else sees it before it is on its route; it goes only along a route that ends
    // with a leader's signature.
    expect((await refusedWith(act("truongphong.kt", created.id, route()))).code).toBe("NOT_FOUND");
    const noSigner = await refusedWith(
      act("chuyenvien.kt", created.id, {
        action: "sendOnRoute",
        steps: [{ kind: "sign", rule: "any", userIds: [world.users["truongphong.kt"]!] }],
        comment: null,
      }),
    );
    expect(noSigner.fieldErrors).toMatchObject({
      "steps.0.userIds": [{ key: "outgoing.signerNotALeader" }],
    });
    await act("chuyenvien.kt", created.id, route());
    // The clerk's step is not yet active.
    expect(
      (await refusedWith(act("vanthu.dc", created.id, { action: "approveStep", comment: null })))
        .messageKey,
    ).toBe("outgoing.notYourTurn");
    // Two clicks at once: one passes, the other finds the document changed.
    const [version] = await db
      .select({ v: document.version })
      .from(document)
      .where(eq(document.id, created.id));
    const head = await world.as("truongphong.kt");
    const results = await Promise.allSettled(
      [1, 2].map(() =>
        applyOutgoingAction(db, head, {
          documentId: created.id,
          version: version!.v,
          input: { action: "approveStep", comment: null },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason.code).toBe("STALE");
    const comments = await db
      .select()
      .from(draftComment)
      .where(eq(draftComment.documentId, created.id));
    expect(comments).toEqual([]);
  });

  it("starts a step again when the draft is edited while it waits there", async () => {
    const { db, users } = world;
    const created = await createDraft(db, await world.as("chuyenvien.kt"), draft());
    await act("chuyenvien.kt", created.id, {
      action: "sendOnRoute",
      steps: [
        {
          kind: "review",
          rule: "all",
          userIds: [users["truongphong.kt"]!, users["phochutich.dc"]!],
        },
        { kind: "sign", rule: "any", userIds: [users["chutich.dc"]!] },
      ],
      comment: null,
    });
    await act("truongphong.kt", created.id, { action: "approveStep", comment: null });
    // One of two has approved: the step still waits for the other.
    expect(await boxes(created.id, "truongphong.kt")).toEqual(["approver:none"]);
    expect(await boxes(created.id, "phochutich.dc")).toEqual(["approver:draft_review"]);

    await act("chuyenvien.kt", created.id, {
      action: "saveDraft",
      draft: draft({}, ["Nội dung đã sửa sau khi trưởng phòng duyệt."]),
    });
    const page = await getOutgoingDocument(db, await world.as("chuyenvien.kt"), {
      id: created.id,
    });
    expect(page.route[0]!.members.map((m) => m.decision)).toEqual(["pending", "pending"]);
    expect(await boxes(created.id, "truongphong.kt")).toEqual(["approver:draft_review"]);
    expect(page.history.at(-1)).toMatchObject({ action: "draftSaved", data: { restarted: 1 } });
  });

  it("keeps a draft from those not on it, and from another organisation", async () => {
    const { db } = world;
    const created = await createDraft(db, await world.as("chuyenvien.kt"), draft());
    for (const username of ["phochutich.dc", "vanthu.dc", "vanthu.hl"]) {
      const error = await refusedWith(
        getOutgoingDocument(db, await world.as(username), { id: created.id }),
      );
      expect(error.code).toBe("NOT_FOUND");
    }
  });

  it("refuses ids that are not the actor's to name, and a leader who refuses ends the draft", async () => {
    const { db, orgs } = world;
    const draftsSoFar = (
      await db.select({ id: document.id }).from(document).where(eq(document.direction, "outgoing"))
    ).length;
    const bad = await refusedWith(
      createDraft(
        db,
        await world.as("chuyenvien.kt"),
        draft({
          signerId: world.users["chutich.hl"],
          recipients: [{ kind: "unit", unitId: crypto.randomUUID(), name: "Không có" }],
        }),
      ),
    );
    expect(bad.fieldErrors).toMatchObject({
      signerId: [{ key: "outgoing.signerNotALeader" }],
      recipients: [{ key: "outgoing.recipientUnknown" }],
    });
    // Nothing was saved.
    const subjects = await db
      .select({ subject: document.subject })
      .from(document)
      .where(eq(document.organisationId, orgs.dinhcong!));
    expect(subjects.filter((d) => d.subject.startsWith("Báo cáo kết quả rà soát"))).toHaveLength(
      draftsSoFar,
    );

    const created = await createDraft(db, await world.as("chuyenvien.kt"), draft());
    await act("chuyenvien.kt", created.id, route());
    await act("truongphong.kt", created.id, {
      action: "refuse",
      comment: "Không thuộc thẩm quyền của phường.",
    });
    const page = await getOutgoingDocument(db, await world.as("chuyenvien.kt"), {
      id: created.id,
    });
    expect(page.status).toBe("refused");
    expect(page.allowed).toEqual(["comment"]);
  });
});
