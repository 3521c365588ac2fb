import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { delivery, deliveryEvent } from "@/db/schema/delivery";
import { document, documentEvent } from "@/db/schema/documents";
import { loadVisibleDocument } from "../incoming/visibility";
import { createDeliveryWorld, deliveryMoves, type DeliveryWorld } from "./test-world";

let world: DeliveryWorld;
const { issuedToThree, copyOf } = deliveryMoves(() => world);

beforeAll(async () => {
  world = await createDeliveryWorld();
});

describe("delivery between organisations of the deployment", () => {
  it("registers a document once when the same one reaches an organisation twice", async () => {
    const { db } = world;
    const sent = await issuedToThree("V/v kế hoạch trực Tết Nguyên đán", "hoangliet");
    const hlCopy = await copyOf(sent.id, world.orgs.hoangliet!);
    const before = await db
      .select({ id: document.id })
      .from(document)
      .where(eq(document.organisationId, world.orgs.hoangliet!));
    // The same document reaching Hoàng Liệt by a second path: the copy it holds is found again.
    const { copyAt } = await import("./copies");
    const sentRow = await loadVisibleDocument(db, await world.as("vanthu.dc"), sent.id);
    const found = await db.transaction((tx) => copyAt(tx, world.orgs.hoangliet!, sentRow));
    expect(found).toBe(hlCopy);
    const after = await db
      .select({ id: document.id })
      .from(document)
      .where(eq(document.organisationId, world.orgs.hoangliet!));
    expect(after).toHaveLength(before.length);
    // The arrival is in the copy's history, and in Hoàng Liệt's audit chain.
    const events = await db
      .select()
      .from(documentEvent)
      .where(eq(documentEvent.documentId, hlCopy));
    expect(events.map((e) => [e.action, e.organisationId])).toEqual([
      ["arrived", world.orgs.hoangliet],
    ]);
    const codes = await db
      .select({ code: deliveryEvent.code })
      .from(deliveryEvent)
      .innerJoin(delivery, eq(delivery.id, deliveryEvent.deliveryId))
      .where(eq(delivery.incomingDocumentId, hlCopy));
    expect(codes).toEqual([{ code: "01" }]);
  });
});
