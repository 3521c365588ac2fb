import { beforeAll, describe, expect, it } from "vitest";
import { loadVisibleDocument } from "../incoming/visibility";
import { refusedWith } from "../testing/incoming-workflow";
import { deliveriesOf } from "./status";
import { createDeliveryWorld, deliveryMoves, type DeliveryWorld } from "./test-world";

let world: DeliveryWorld;
const { act, issuedToThree, copyOf, actOn } = deliveryMoves(() => world);

beforeAll(async () => {
  world = await createDeliveryWorld();
});

describe("delivery between organisations of the deployment", () => {
  it("recalls an issued document: one recipient accepts and it leaves its inboxes, another refuses", async () => {
    const { db } = world;
    const sent = await issuedToThree("V/v thông báo lịch họp (ban hành nhầm)", "hoangliet");
    const hlCopy = await copyOf(sent.id, world.orgs.hoangliet!);
    const hmCopy = await copyOf(sent.id, world.orgs.hoangmai!);
    await actOn("vanthu.hl", hlCopy, { action: "register" });
    // Nothing asked yet: there is nothing to answer.
    expect(
      (await refusedWith(actOn("vanthu.hl", hlCopy, { action: "answerRecall", accept: true })))
        .messageKey,
    ).toBe("delivery.noRecall");
    // A specialist cannot ask; the clerk asks with a reason.
    expect(
      (
        await refusedWith(
          act("chuyenvien.kt", sent.id, {
            action: "requestRecall",
            kind: "recall",
            reason: "Ban hành nhầm",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    await act("vanthu.dc", sent.id, {
      action: "requestRecall",
      kind: "recall",
      reason: "Ban hành nhầm ngày họp.",
    });
    const hlView = await loadVisibleDocument(db, await world.as("vanthu.hl"), hlCopy);
    expect(hlView.status).toBe("registered");
    await actOn("vanthu.hl", hlCopy, { action: "answerRecall", accept: true });
    expect((await loadVisibleDocument(db, await world.as("vanthu.hl"), hlCopy)).status).toBe(
      "recalled",
    );
    expect(await world.boxOf(hlCopy, "vanthu.hl")).toEqual([
      expect.objectContaining({ box: "none" }),
    ]);
    // A refusal needs its reason.
    expect(
      (
        await refusedWith(
          actOn("vanthu.hoangmai", hmCopy, { action: "answerRecall", accept: false }),
        )
      ).code,
    ).toBe("VALIDATION");
    await actOn("vanthu.hoangmai", hmCopy, {
      action: "answerRecall",
      accept: false,
      note: "Đã triển khai theo văn bản.",
    });
    const table = await deliveriesOf(db, await world.as("vanthu.dc"), sent.id);
    const hl = table.find((d) => d.recipientName.includes("Hoàng Liệt"))!;
    const hm = table.find((d) => d.recipientName.includes("Hoàng Mai"))!;
    expect(hl).toMatchObject({ status: "recalled", recall: { state: "accepted", kind: "recall" } });
    expect(hl.events.map((e) => e.code)).toEqual(["01", "03", "13", "15"]);
    expect(hm).toMatchObject({ status: "arrived", recall: { state: "refused" } });
    expect(hm.events.map((e) => [e.code, e.description])).toEqual([
      ["01", null],
      ["13", "Ban hành nhầm ngày họp."],
      ["16", "Đã triển khai theo văn bản."],
    ]);
    // Asked again: only the district still holds it; once it accepts, there is nothing left.
    await act("vanthu.dc", sent.id, {
      action: "requestRecall",
      kind: "update",
      reason: "Sửa ngày.",
    });
    await actOn("vanthu.hoangmai", hmCopy, { action: "answerRecall", accept: true });
    expect(
      (
        await refusedWith(
          act("vanthu.dc", sent.id, { action: "requestRecall", kind: "recall", reason: "Lần nữa" }),
        )
      ).messageKey,
    ).toBe("delivery.nothingToRecall");
  });
});
