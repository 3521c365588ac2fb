import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { delivery } from "@/db/schema/delivery";
import { notification } from "@/db/schema/notify";
import { refusedWith } from "../testing/incoming-workflow";
import { remindLate } from "./status";
import { createDeliveryWorld, deliveryMoves, type DeliveryWorld } from "./test-world";

let world: DeliveryWorld;
const { issuedToThree, copyOf, actOn } = deliveryMoves(() => world);

beforeAll(async () => {
  world = await createDeliveryWorld();
});

/** The reminders each recipient's clerk has about its copy. */
async function remindersAt(copies: string[]) {
  const rows = await world.db
    .select({ documentId: notification.documentId })
    .from(notification)
    .where(
      and(inArray(notification.documentId, copies), eq(notification.kind, "deliveryReminder")),
    );
  return copies.map((id) => rows.filter((r) => r.documentId === id).length);
}

describe("reminding every late recipient at once", () => {
  it("reminds those unregistered past a working day, once an hour at most, and no one else", async () => {
    const { db } = world;
    const sent = await issuedToThree("V/v báo cáo công tác dân vận năm 2026", "hoangliet");
    const copies = [
      await copyOf(sent.id, world.orgs.hoangliet!),
      await copyOf(sent.id, world.orgs.hoangmai!),
    ];
    const [arrived] = await db
      .select({ at: delivery.statusAt })
      .from(delivery)
      .where(and(eq(delivery.documentId, sent.id), eq(delivery.status, "arrived")));
    const clerk = await world.as("vanthu.dc");

    // Not late yet: nobody is reminded.
    expect(await remindLate(db, clerk, { documentId: sent.id }, arrived!.at!)).toEqual({
      reminded: 0,
      skipped: 0,
    });

    // Five days on, both organisations of the deployment are late; the outside body is not theirs.
    const later = new Date(arrived!.at!.getTime() + 5 * 24 * 3600_000);
    expect(await remindLate(db, clerk, { documentId: sent.id }, later)).toEqual({
      reminded: 2,
      skipped: 0,
    });
    expect(await remindersAt(copies)).toEqual([1, 1]);

    // The same press again: both were reminded within the hour.
    expect(await remindLate(db, clerk, { documentId: sent.id }, later)).toEqual({
      reminded: 0,
      skipped: 2,
    });
    expect(await remindersAt(copies)).toEqual([1, 1]);

    // Hoàng Liệt registers it; two hours on, only the district is reminded again.
    await actOn("vanthu.hl", copies[0]!, { action: "register" });
    const twoHoursOn = new Date(later.getTime() + 2 * 3600_000);
    expect(await remindLate(db, clerk, { documentId: sent.id }, twoHoursOn)).toEqual({
      reminded: 1,
      skipped: 0,
    });
    expect(await remindersAt(copies)).toEqual([1, 2]);

    // A recipient's clerk cannot remind on the sender's behalf.
    const error = await refusedWith(
      remindLate(db, await world.as("vanthu.hl"), { documentId: sent.id }, twoHoursOn),
    );
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(error.code);
    expect(await remindersAt(copies)).toEqual([1, 2]);
  });
});
