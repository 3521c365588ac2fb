import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { delivery } from "@/db/schema/delivery";
import { refusedWith } from "../testing/incoming-workflow";
import { lateSentCount, sentDocuments, type SentRow } from "./sent";
import { createDeliveryWorld, deliveryMoves, type DeliveryWorld } from "./test-world";

let world: DeliveryWorld;
const { issuedToThree, copyOf, actOn } = deliveryMoves(() => world);

beforeAll(async () => {
  world = await createDeliveryWorld();
});

const counts = (row: SentRow | undefined) =>
  row && {
    recipients: row.recipients,
    waiting: row.waiting,
    registered: row.registered,
    refused: row.refused,
    late: row.late,
  };

describe("the sender's sent documents", () => {
  it("lists each with how far its recipients have got, narrowed by what needs doing", async () => {
    const { db } = world;
    // Two công văn to Hoàng Liệt, the district and an outside body; on the first, Hoàng Liệt
    // registers it and the district sends it back.
    const first = await issuedToThree("V/v rà soát hộ nghèo cuối năm 2026", "hoangliet");
    await actOn("vanthu.hl", await copyOf(first.id, world.orgs.hoangliet!), { action: "register" });
    await actOn("vanthu.hoangmai", await copyOf(first.id, world.orgs.hoangmai!), {
      action: "returnToSender",
      reason: "Không thuộc thẩm quyền của quận.",
    });
    const second = await issuedToThree("V/v kiểm tra an toàn phòng cháy", "hoangliet");
    const ours = [second.id, first.id];
    const [arrived] = await db
      .select({ at: delivery.statusAt })
      .from(delivery)
      .where(and(eq(delivery.documentId, second.id), eq(delivery.status, "arrived")));
    const clerk = await world.as("vanthu.dc");
    const list = async (filter: "all" | "waiting" | "late" | "refused", now: Date) =>
      (await sentDocuments(db, clerk, { filter, limit: 30 }, now)).items.filter((r) =>
        ours.includes(r.id),
      );

    // Newest first, the outside body waiting to be sent by other means.
    const today = arrived!.at!;
    const all = await list("all", today);
    expect(all.map((r) => r.id)).toEqual(ours);
    expect(all[0]).toMatchObject({ numberNotation: second.numberNotation });
    expect(counts(all[0])).toEqual({
      recipients: 3,
      waiting: 3,
      registered: 0,
      refused: 0,
      late: 0,
    });
    expect(counts(all[1])).toEqual({
      recipients: 3,
      waiting: 1,
      registered: 1,
      refused: 1,
      late: 0,
    });
    expect((await list("refused", today)).map((r) => r.id)).toEqual([first.id]);
    expect((await list("waiting", today)).map((r) => r.id)).toEqual(ours);
    expect(await list("late", today)).toEqual([]);

    // Five days on, the second is late at both organisations of the deployment.
    const later = new Date(today.getTime() + 5 * 24 * 3600_000);
    const late = await list("late", later);
    expect(late.map((r) => r.id)).toEqual([second.id]);
    expect(late[0]?.late).toBe(2);
    const lateCount = await lateSentCount(db, clerk, later);
    expect(lateCount).toBeGreaterThanOrEqual(1);
    // Hoàng Liệt registers it: the district is still late, the document still counted once.
    await actOn("vanthu.hl", await copyOf(second.id, world.orgs.hoangliet!), {
      action: "register",
    });
    expect((await list("late", later))[0]?.late).toBe(1);
    expect(await lateSentCount(db, clerk, later)).toBe(lateCount);
    // The district registers too: nothing of it is late any more.
    await actOn("vanthu.hoangmai", await copyOf(second.id, world.orgs.hoangmai!), {
      action: "register",
    });
    expect(await list("late", later)).toEqual([]);
    expect(await lateSentCount(db, clerk, later)).toBe(lateCount - 1);

    // A page at a time: the cursor carries on after the last row; a forged one is refused.
    const page = await sentDocuments(db, clerk, { filter: "all", limit: 1 }, later);
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const next = await sentDocuments(
      db,
      clerk,
      { filter: "all", limit: 30, cursor: page.nextCursor },
      later,
    );
    expect(next.items.map((r) => r.id)).not.toContain(page.items[0]!.id);
    const forged = Buffer.from(JSON.stringify(["2026-12-01", "x"])).toString("base64url");
    expect(
      (await refusedWith(sentDocuments(db, clerk, { filter: "all", limit: 30, cursor: forged })))
        .code,
    ).toBe("VALIDATION");

    // The recipients' clerks do not see the sender's list; a member without the right is refused.
    const recipient = await sentDocuments(db, await world.as("vanthu.hl"), {
      filter: "all",
      limit: 30,
    });
    expect(recipient.items.map((r) => r.id)).not.toContain(first.id);
    expect(recipient.items.map((r) => r.id)).not.toContain(second.id);
    const admin = await world.as("quantri.dc");
    expect((await refusedWith(sentDocuments(db, admin, { filter: "all", limit: 30 }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusedWith(lateSentCount(db, admin))).code).toBe("FORBIDDEN");
  });
});
