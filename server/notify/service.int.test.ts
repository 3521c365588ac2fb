import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { loadActor, type Actor } from "../authz/actor";
import { insertRegisteredDocument } from "../testing/documents";
import { freshDatabase } from "../testing/test-db";
import { notifyUsers } from "./notify";
import { listNotifications, markNotificationsRead, unreadNotificationCount } from "./service";

let db: Db;
let users: Record<string, string>;
let orgs: Record<string, string>;

const actor = async (username: string): Promise<Actor> =>
  (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ users, orgs } = await seedDemo(db));
});

describe("notifications", () => {
  it("are read one at a time, by document, or all at once, and only one's own", async () => {
    const docA = await insertRegisteredDocument(db, {
      organisationId: orgs.dinhcong!,
      createdById: users["vanthu.dc"]!,
    });
    const docB = await insertRegisteredDocument(db, {
      organisationId: orgs.dinhcong!,
      createdById: users["vanthu.dc"]!,
    });
    for (const doc of [docA, docA, docB]) {
      await notifyUsers(db, {
        organisationId: orgs.dinhcong!,
        userIds: [users["chuyenvien.kt"]!, users["chuyenvien.vhxh"]!],
        kind: "assigned",
        documentId: doc.id,
        messageKey: "assignedLead",
        params: { subject: doc.subject },
      });
    }
    const tuan = await actor("chuyenvien.kt");
    const hanh = await actor("chuyenvien.vhxh");
    expect(await unreadNotificationCount(db, tuan)).toBe(3);

    // Someone else's notification id changes nothing for them.
    const hanhFirst = (await listNotifications(db, hanh, { limit: 10 })).items[0]!;
    await markNotificationsRead(db, tuan, { id: hanhFirst.id });
    expect(await unreadNotificationCount(db, hanh)).toBe(3);

    expect(await markNotificationsRead(db, tuan, { documentId: docA.id })).toEqual({ unread: 1 });
    expect(await markNotificationsRead(db, tuan, {})).toEqual({ unread: 0 });
    expect(await unreadNotificationCount(db, hanh)).toBe(3);
  });

  it("page newest first by id", async () => {
    const tuan = await actor("chuyenvien.kt");
    const first = await listNotifications(db, tuan, { limit: 2 });
    const second = await listNotifications(db, tuan, { limit: 2, cursor: first.nextCursor });
    const ids = [...first.items, ...second.items].map((n) => n.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(3);
  });
});
