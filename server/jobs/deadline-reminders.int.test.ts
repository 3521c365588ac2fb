import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { notification } from "@/db/schema/notify";
import { seedDemo } from "@/db/seed/demo";
import { vietnamToday } from "@/lib/dates";
import { loadActor } from "../authz/actor";
import { applyIncomingAction } from "../incoming/workflow";
import { insertRegisteredDocument } from "../testing/documents";
import { freshDatabase } from "../testing/test-db";
import { sendDeadlineReminders } from "./deadline-reminders";

let db: Db;
let users: Record<string, string>;
let orgs: Record<string, string>;

const plusDays = (n: number) => {
  const d = new Date(`${vietnamToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

async function directTo(username: string, deadline: string) {
  const doc = await insertRegisteredDocument(db, {
    organisationId: orgs.dinhcong!,
    createdById: users["vanthu.dc"]!,
  });
  const clerk = (await loadActor(db, { userId: users["vanthu.dc"]!, sessionEpoch: 1 }))!;
  const leader = (await loadActor(db, { userId: users["chutich.dc"]!, sessionEpoch: 1 }))!;
  await applyIncomingAction(db, clerk, {
    documentId: doc.id,
    version: 1,
    input: { action: "present", leaderId: leader.userId },
  });
  await applyIncomingAction(db, leader, {
    documentId: doc.id,
    version: 2,
    input: {
      action: "direct",
      direction: "Xử lý",
      lead: { userId: users[username]!, deadline },
      co: [],
      info: [],
    },
  });
  return doc.id;
}

const reminders = (username: string) =>
  db
    .select()
    .from(notification)
    .where(and(eq(notification.userId, users[username]!), eq(notification.kind, "dueSoon")));

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ users, orgs } = await seedDemo(db));
});

describe("deadline reminders", () => {
  it("reminds once of a deadline within three days and once of an overdue one, however often it runs", async () => {
    const soon = await directTo("chuyenvien.kt", plusDays(2));
    const later = await directTo("chuyenvien.kt", plusDays(10));
    const late = await directTo("chuyenvien.vhxh", plusDays(1));
    // The deadline has since passed (written directly: the workflow refuses past deadlines).
    await db
      .update(assignment)
      .set({ deadline: plusDays(-2) })
      .where(eq(assignment.documentId, late));

    const first = await sendDeadlineReminders(db, vietnamToday());
    expect(first).toEqual({ dueSoon: 1, overdue: 1 });
    expect(await sendDeadlineReminders(db, vietnamToday())).toEqual({ dueSoon: 0, overdue: 0 });

    const [due] = await reminders("chuyenvien.kt");
    expect(due).toMatchObject({ documentId: soon, messageKey: "dueSoon" });
    expect(due!.params.deadline).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const overdue = await db
      .select()
      .from(notification)
      .where(
        and(eq(notification.userId, users["chuyenvien.vhxh"]!), eq(notification.kind, "overdue")),
      );
    expect(overdue.map((n) => n.documentId)).toEqual([late]);
    expect((await reminders("chuyenvien.kt")).map((n) => n.documentId)).not.toContain(later);
  });

  it("says nothing about finished documents", async () => {
    const doc = await directTo("truongphong.kt", plusDays(1));
    await db.update(document).set({ status: "completed" }).where(eq(document.id, doc));
    await sendDeadlineReminders(db, vietnamToday());
    const rows = await db
      .select()
      .from(notification)
      .where(and(eq(notification.documentId, doc), eq(notification.kind, "dueSoon")));
    expect(rows).toHaveLength(0);
  });
});
