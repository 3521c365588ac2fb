import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { delivery } from "@/db/schema/delivery";
import { documentFile } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { notification } from "@/db/schema/notify";
import { loadVisibleDocument } from "../incoming/visibility";
import { refusedWith } from "../testing/incoming-workflow";
import { deliveriesOf, remindDelivery, resendDelivery } from "./status";
import { createDeliveryWorld, deliveryMoves, type DeliveryWorld } from "./test-world";

let world: DeliveryWorld;
const { issuedToThree, copyOf, actOn } = deliveryMoves(() => world);

beforeAll(async () => {
  world = await createDeliveryWorld();
});

describe("delivery between organisations of the deployment", () => {
  it("puts the issued document in each recipient's reception queue and reports every step back", async () => {
    const { db, users } = world;
    const sent = await issuedToThree("V/v báo cáo kết quả rà soát hộ nghèo");
    const clerk = await world.as("vanthu.dc");
    let table = await deliveriesOf(db, clerk, sent.id);
    expect(table.map((d) => [d.recipientName, d.addressedName, d.status, d.outside])).toEqual([
      ["Công an phường Định Công", null, "pending", true],
      [
        "Ủy ban nhân dân phường Hoàng Liệt",
        "Ủy ban nhân dân phường Hoàng Văn Thụ",
        "arrived",
        false,
      ],
      ["Ủy ban nhân dân quận Hoàng Mai", null, "arrived", false],
    ]);
    // Times as the database holds them; a copy still unregistered a whole working day after it
    // arrived is late, and one that has not arrived never is.
    const [arrivedAt] = await db
      .select({ id: delivery.id, at: delivery.statusAt })
      .from(delivery)
      .where(and(eq(delivery.documentId, sent.id), eq(delivery.status, "arrived")));
    expect(table.find((d) => d.id === arrivedAt!.id)!.statusAt).toBe(arrivedAt!.at!.toISOString());
    expect(table.map((d) => d.late)).toEqual([false, false, false]);
    const fiveDaysOn = new Date(arrivedAt!.at!.getTime() + 5 * 24 * 3600_000);
    expect((await deliveriesOf(db, clerk, sent.id, fiveDaysOn)).map((d) => d.late)).toEqual([
      false,
      true,
      true,
    ]);

    // Hoàng Liệt's clerk finds it waiting, with the signed file and the metadata as issued.
    const hlCopy = await copyOf(sent.id, world.orgs.hoangliet!);
    const hlClerk = await world.as("vanthu.hl");
    const copy = await loadVisibleDocument(db, hlClerk, hlCopy);
    const [number, ...notation] = sent.numberNotation.split("/");
    expect(copy).toMatchObject({
      status: "received",
      direction: "incoming",
      receivedVia: "exchange",
      subject: "V/v báo cáo kết quả rà soát hộ nghèo",
      codeNumber: number,
      codeNotation: notation.join("/"),
      issuerName: "Ủy ban nhân dân phường Định Công",
      issuerCode: "000.10.28.H26",
      signerName: "Nguyễn Đức Thắng",
      pageCount: 1,
      registryNumber: null,
    });
    const files = await db.select().from(documentFile).where(eq(documentFile.documentId, hlCopy));
    expect(files.map((f) => f.kind)).toEqual(["main"]);
    expect(
      await db
        .select({ key: notification.messageKey })
        .from(notification)
        .where(
          and(eq(notification.userId, users["vanthu.hl"]!), eq(notification.documentId, hlCopy)),
        ),
    ).toEqual([{ key: "documentArrived" }]);
    // Another organisation's clerk cannot see it, nor remind anyone about it.
    expect(
      (await refusedWith(loadVisibleDocument(db, await world.as("vanthu.dc"), hlCopy))).code,
    ).toBe("NOT_FOUND");
    const hlRow = table.find((d) => d.recipientName.includes("Hoàng Liệt"))!;
    expect(
      (
        await refusedWith(
          remindDelivery(db, hlClerk, { deliveryId: hlRow.id, version: hlRow.version }),
        )
      ).code,
    ).toBe("NOT_FOUND");

    // The sender reminds once; a second reminder within the hour is refused.
    const reminded = await remindDelivery(db, clerk, {
      deliveryId: hlRow.id,
      version: hlRow.version,
    });
    expect(
      (
        await refusedWith(
          remindDelivery(db, clerk, { deliveryId: hlRow.id, version: reminded.version }),
        )
      ).messageKey,
    ).toBe("delivery.remindedRecently");

    // Registered with its own arrival number, nothing typed; then refused by the district.
    await actOn("vanthu.hl", hlCopy, { action: "register" });
    const registered = await loadVisibleDocument(db, hlClerk, hlCopy);
    expect(registered).toMatchObject({ status: "registered", registryNumber: expect.any(Number) });
    const hmCopy = await copyOf(sent.id, world.orgs.hoangmai!);
    await actOn("vanthu.hoangmai", hmCopy, {
      action: "returnToSender",
      reason: "Không thuộc thẩm quyền của quận.",
    });

    // Hoàng Liệt handles it to the end: assigned, in progress, completed.
    await actOn("vanthu.hl", hlCopy, { action: "present", leaderId: users["chutich.hl"]! });
    await actOn("chutich.hl", hlCopy, {
      action: "direct",
      direction: "Văn thư tổng hợp, báo cáo.",
      lead: { userId: users["vanthu.hl"]! },
      co: [],
      info: [],
    });
    await actOn("vanthu.hl", hlCopy, { action: "addNote", note: "Đang tổng hợp.", files: [] });
    const [part] = await db
      .select()
      .from(assignment)
      .where(and(eq(assignment.documentId, hlCopy), eq(assignment.role, "lead")));
    await actOn("vanthu.hl", hlCopy, {
      action: "submitResult",
      assignmentId: part!.id,
      result: "Đã báo cáo.",
      files: [],
    });
    await actOn("chutich.hl", hlCopy, {
      action: "reviewResult",
      assignmentId: part!.id,
      accept: true,
    });
    expect((await loadVisibleDocument(db, hlClerk, hlCopy)).status).toBe("completed");

    table = await deliveriesOf(db, clerk, sent.id);
    const hl = table.find((d) => d.recipientName.includes("Hoàng Liệt"))!;
    expect(hl.status).toBe("completed");
    expect(hl.events.map((e) => [e.code, e.status])).toEqual([
      ["01", "arrived"],
      ["03", "registered"],
      ["04", "assigned"],
      ["05", "in_progress"],
      ["06", "completed"],
    ]);
    expect(hl.events[1]!.staffName).toBe("Trương Thị Huyền");
    const hm = table.find((d) => d.recipientName.includes("Hoàng Mai"))!;
    expect(hm).toMatchObject({ status: "refused", reason: "Không thuộc thẩm quyền của quận." });
    expect(
      await db
        .select({ key: notification.messageKey })
        .from(notification)
        .where(
          and(eq(notification.userId, users["vanthu.dc"]!), eq(notification.documentId, sent.id)),
        ),
    ).toContainEqual({ key: "deliveryRefused" });

    // Only the sender sends it again: the district's own clerk, who refused it, cannot.
    expect(
      (
        await refusedWith(
          resendDelivery(db, await world.as("vanthu.hoangmai"), {
            deliveryId: hm.id,
            version: hm.version,
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    // Sent again to the district: a new copy in its queue, a new round; the refused copy stays.
    const resent = await resendDelivery(db, clerk, { deliveryId: hm.id, version: hm.version });
    expect(
      (await refusedWith(resendDelivery(db, clerk, { deliveryId: hm.id, version: hm.version })))
        .code,
    ).toBe("STALE");
    expect(resent.version).toBe(hm.version + 1);
    const again = (await deliveriesOf(db, clerk, sent.id)).find((d) => d.id === hm.id)!;
    expect(again).toMatchObject({ status: "arrived", round: 2, reason: null });
    const newCopy = await copyOf(sent.id, world.orgs.hoangmai!);
    expect(newCopy).not.toBe(hmCopy);
    expect((await loadVisibleDocument(db, await world.as("vanthu.hoangmai"), newCopy)).status).toBe(
      "received",
    );
    expect((await loadVisibleDocument(db, await world.as("vanthu.hoangmai"), hmCopy)).status).toBe(
      "returned_to_sender",
    );
  });
});
