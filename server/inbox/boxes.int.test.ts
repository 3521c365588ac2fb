import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { registry } from "@/db/schema/registry";
import { seedDemo } from "@/db/seed/demo";
import type { Urgency } from "@/lib/documents";
import { clerkBoxes, type ClerkBox, type InboxBox, type InboxFilter } from "@/lib/schemas/inbox";
import { incomingStatuses, type IncomingStatus } from "@/lib/schemas/search";
import { createCaller } from "@/server/api/root";
import { loadActor, type Actor } from "@/server/authz/actor";
import { AppError } from "@/server/errors";
import { freshDatabase } from "@/server/testing/test-db";
import { refusal } from "@/server/testing/trpc";
import { addDays, vietnamToday } from "@/lib/dates";
import { clerkBoxStatus, listClerkBox, listInbox } from "@/server/inbox/boxes";
import { inboxCounters } from "@/server/inbox/counters";
import { upsertParticipant } from "../incoming/participants";
import { visibleTo } from "../incoming/visibility";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;
const today = vietnamToday();

type Box = "to_direct" | "to_handle" | "handled" | "info_unread" | "info_read" | "none";

async function addDocument(
  subject: string,
  values: Partial<typeof document.$inferInsert> = {},
): Promise<string> {
  const [row] = await db
    .insert(document)
    .values({
      organisationId: orgs.dinhcong!,
      direction: "incoming",
      status: "in_progress",
      documentType: "cong_van",
      subject,
      issuerName: "Ủy ban nhân dân quận Hoàng Mai",
      arrivalDate: addDays(today, -2),
      registeredAt: new Date(),
      createdById: users["vanthu.dc"]!,
      ...values,
    })
    .returning({ id: document.id });
  return row!.id;
}

async function put(
  documentId: string,
  username: string,
  box: Box,
  options: { urgency?: Urgency; deadline?: string | null; returned?: boolean; kind?: "lead" } = {},
) {
  await upsertParticipant(db, {
    documentId,
    userId: users[username]!,
    kind: options.kind ?? (box.startsWith("info") ? "info" : "lead"),
    organisationId: orgs.dinhcong!,
    box,
    urgency: options.urgency ?? "normal",
    deadline: options.deadline ?? null,
    returned: options.returned,
  });
}

const actorOf = async (username: string): Promise<Actor> =>
  (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;

/** Every row of a box, page after page, following nextCursor. */
/** Every item of a clerk's box, page by page. */
async function allClerkPages(actor: Actor, box: ClerkBox, limit: number) {
  const items: { id: string; subject: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listClerkBox>> = await listClerkBox(db, actor, {
      box,
      cursor,
      limit,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function allPages(actor: Actor, box: InboxBox, limit: number, filter?: InboxFilter) {
  const subjects: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await listInbox(db, actor, { box, filter, cursor, limit });
    subjects.push(...page.items.map((i) => i.subject));
    if (!page.nextCursor) return subjects;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));

  // chuyenvien.kt's box to handle, in the order it must be listed.
  const handle: [string, Urgency, string | null, boolean?][] = [
    ["H1 hỏa tốc, hạn xa", "flash", addDays(today, 20)],
    ["H2 thượng khẩn, không hạn", "very_urgent", null],
    ["H3 khẩn, quá hạn", "urgent", addDays(today, -1)],
    ["H4 thường, quá hạn 5 ngày", "normal", addDays(today, -5)],
    ["H5 thường, hạn hôm nay", "normal", today],
    ["H6 thường, hạn sau 3 ngày", "normal", addDays(today, 3), true],
    ["H7 thường, hạn sau 4 ngày", "normal", addDays(today, 4)],
    ["H8 thường, không hạn", "normal", null, true],
  ];
  for (const [subject, urgency, deadline, returned] of handle) {
    ids[subject] = await addDocument(subject, { urgency });
    await put(ids[subject]!, "chuyenvien.kt", "to_handle", { urgency, deadline, returned });
  }
  // 20 more with equal keys in places, for paging.
  for (let i = 0; i < 20; i++) {
    const subject = `P${String(i).padStart(2, "0")} phân trang`;
    const urgency: Urgency = i % 7 === 0 ? "urgent" : "normal";
    ids[subject] = await addDocument(subject, { urgency });
    await put(ids[subject]!, "chuyenvien.kt", "to_handle", {
      urgency,
      deadline: addDays(today, 30 + (i % 3)),
    });
  }
  for (const [subject, box] of [
    ["I1 đã đọc", "info_read"],
    ["I2 chưa đọc", "info_unread"],
    ["I3 chưa đọc, khẩn", "info_unread"],
  ] as const) {
    ids[subject] = await addDocument(subject, {
      urgency: subject.includes("khẩn") ? "urgent" : "normal",
    });
    await put(ids[subject]!, "chuyenvien.kt", box, {
      urgency: subject.includes("khẩn") ? "urgent" : "normal",
    });
  }
  ids.handled = await addDocument("Đã xử lý xong");
  await put(ids.handled, "chuyenvien.kt", "handled");
  ids.direct = await addDocument("Trình chủ tịch", { status: "presented", urgency: "urgent" });
  await put(ids.direct, "chutich.dc", "to_direct", { urgency: "urgent" });

  // Another organisation's document wrongly carrying a row for chuyenvien.kt must not show.
  const foreign = await addDocument("Của phường Hoàng Liệt", {
    organisationId: orgs.hoangliet,
    createdById: users["vanthu.hl"],
  });
  await upsertParticipant(db, {
    documentId: foreign,
    userId: users["chuyenvien.kt"]!,
    kind: "lead",
    organisationId: orgs.hoangliet!,
    box: "to_handle",
    urgency: "flash",
  });

  // The clerk's boxes.
  ids.received = await addDocument("Mới nhận, chưa vào sổ", {
    status: "received",
    arrivalDate: null,
    registeredAt: null,
  });
  ids.receivedFlash = await addDocument("Mới nhận, hỏa tốc", {
    status: "received",
    urgency: "flash",
    arrivalDate: null,
    registeredAt: null,
  });
  ids.secretReceived = await addDocument("Văn bản mật chưa giao văn thư", {
    status: "received",
    confidentiality: "secret",
    arrivalDate: null,
    registeredAt: null,
  });
  const [book] = await db
    .select({ id: registry.id })
    .from(registry)
    .where(and(eq(registry.organisationId, orgs.dinhcong!), eq(registry.kind, "incoming")));
  ids.registeredEarlier = await addDocument("Vào sổ hôm trước, chưa trình", {
    status: "registered",
    arrivalDate: addDays(today, -1),
    registeredAt: new Date(Date.now() - 86_400_000),
  });
  ids.registeredToday = await addDocument("Vào sổ hôm nay", {
    status: "registered",
    arrivalDate: today,
    registryId: book!.id,
    registryPeriod: today.slice(0, 4),
    registryNumber: 1,
  });
  ids.returnedToClerk = await addDocument("Lãnh đạo trả lại", { status: "returned" });
  await db.insert(document).values({
    organisationId: orgs.hoangliet!,
    direction: "incoming",
    status: "received",
    documentType: "cong_van",
    subject: "Phường khác, chưa vào sổ",
    issuerName: "UBND quận Hoàng Mai",
    createdById: users["vanthu.hl"]!,
  });
});

describe("a handler's inbox", () => {
  it("lists the most urgent first, then the nearest deadline, documents without one last", async () => {
    const page = await listInbox(db, await actorOf("chuyenvien.kt"), {
      box: "to_handle",
      limit: 8,
    });
    expect(page.items.map((i) => i.subject)).toEqual([
      "H1 hỏa tốc, hạn xa",
      "H2 thượng khẩn, không hạn",
      "H3 khẩn, quá hạn",
      // the urgent paging rows (deadline in 30+ days) come after H3 and before the normal ones
      "P00 phân trang",
      "P07 phân trang",
      "P14 phân trang",
      "H4 thường, quá hạn 5 ngày",
      "H5 thường, hạn hôm nay",
    ]);
    expect(page.items[1]).toMatchObject({
      deadline: null,
      urgency: "very_urgent",
      box: "to_handle",
    });
    expect(page.items[7]).toMatchObject({ deadline: today, status: "in_progress" });
    const all = await allPages(await actorOf("chuyenvien.kt"), "to_handle", 100);
    expect(all.at(-1)).toBe("H8 thường, không hạn");
  });

  it("filters overdue, due within 3 days (today and the third day included) and returned", async () => {
    const actor = await actorOf("chuyenvien.kt");
    expect(await allPages(actor, "to_handle", 10, "overdue")).toEqual([
      "H3 khẩn, quá hạn",
      "H4 thường, quá hạn 5 ngày",
    ]);
    expect(await allPages(actor, "to_handle", 10, "due_soon")).toEqual([
      "H5 thường, hạn hôm nay",
      "H6 thường, hạn sau 3 ngày",
    ]);
    expect(await allPages(actor, "to_handle", 10, "returned")).toEqual([
      "H6 thường, hạn sau 3 ngày",
      "H8 thường, không hạn",
    ]);
  });

  it("pages by key: every row exactly once, in the same order as one long page", async () => {
    const actor = await actorOf("chuyenvien.kt");
    const whole = await allPages(actor, "to_handle", 100);
    expect(whole).toHaveLength(28);
    for (const limit of [1, 3, 5, 7]) {
      expect(await allPages(actor, "to_handle", limit)).toEqual(whole);
    }
  });

  it("shows a document once even when the person has two roles on it in the same box", async () => {
    const actor = await actorOf("chuyenvien.kt");
    await upsertParticipant(db, {
      documentId: ids["H5 thường, hạn hôm nay"]!,
      userId: users["chuyenvien.kt"]!,
      kind: "co",
      organisationId: orgs.dinhcong!,
      box: "to_handle",
      urgency: "normal",
      deadline: today,
    });
    const whole = await allPages(actor, "to_handle", 4);
    expect(whole.filter((s) => s === "H5 thường, hạn hôm nay")).toHaveLength(1);
    expect((await inboxCounters(db, actor)).toHandle).toBe(28);
  });

  it("lists information copies unread first, then read, across pages", async () => {
    const actor = await actorOf("chuyenvien.kt");
    const expected = ["I3 chưa đọc, khẩn", "I2 chưa đọc", "I1 đã đọc"];
    expect(await allPages(actor, "info", 1)).toEqual(expected);
    expect(await allPages(actor, "info", 2)).toEqual(expected);
    const page = await listInbox(db, actor, { box: "info", limit: 10 });
    expect(page.items.map((i) => i.box)).toEqual(["info_unread", "info_unread", "info_read"]);
  });

  it("lists what a leader must direct and what a person has handled", async () => {
    expect(await allPages(await actorOf("chutich.dc"), "to_direct", 10)).toEqual([
      "Trình chủ tịch",
    ]);
    expect(await allPages(await actorOf("chuyenvien.kt"), "handled", 10)).toEqual([
      "Đã xử lý xong",
    ]);
    expect(await allPages(await actorOf("chuyenvien.vhxh"), "to_handle", 10)).toEqual([]);
  });

  it("counts what the lists show, for each of the actor's roles", async () => {
    const specialist = await actorOf("chuyenvien.kt");
    const counters = await inboxCounters(db, specialist);
    expect(counters).toEqual({
      clerk: null,
      leader: null,
      toReview: null,
      toHandle: (await allPages(specialist, "to_handle", 100)).length,
      dueSoon: (await allPages(specialist, "to_handle", 100, "due_soon")).length,
      overdue: (await allPages(specialist, "to_handle", 100, "overdue")).length,
      returned: (await allPages(specialist, "to_handle", 100, "returned")).length,
      infoUnread: 2,
      // No outgoing document waits for this specialist.
      outgoing: { to_sign: 0, draft_review: 0, to_issue: 0, draft_returned: 0, drafting: 0 },
    });
    expect(counters).toMatchObject({ toHandle: 28, dueSoon: 2, overdue: 2, returned: 2 });
    expect(await inboxCounters(db, await actorOf("chutich.dc"))).toMatchObject({
      clerk: null,
      leader: { toDirect: 1 },
      toHandle: 0,
    });
    const clerk = await actorOf("vanthu.dc");
    const clerkCounters = await inboxCounters(db, clerk);
    expect(clerkCounters).toMatchObject({ clerk: { toRegister: 2, returned: 1 }, leader: null });
    // Each count is the length of its box.
    for (const [box, count] of [
      ["to_register", clerkCounters.clerk!.toRegister],
      ["to_present", clerkCounters.clerk!.toPresent],
      ["returned", clerkCounters.clerk!.returned],
      ["at_leader", clerkCounters.clerk!.atLeader],
    ] as const) {
      expect((await allClerkPages(clerk, box, 7)).length, box).toBe(count);
    }
  });

  it("refuses a cursor that was altered or belongs to another list", async () => {
    const actor = await actorOf("chuyenvien.kt");
    const page = await listInbox(db, actor, { box: "to_handle", limit: 2 });
    for (const cursor of ["bm90LWpzb24", page.nextCursor!.slice(0, -4) + "AAAA"]) {
      await expect(listInbox(db, actor, { box: "to_handle", cursor, limit: 2 })).rejects.toThrow(
        AppError,
      );
    }
    const error = await listInbox(db, actor, { box: "info", cursor: page.nextCursor, limit: 2 })
      .then(() => null)
      .catch((e: AppError) => e);
    expect(error).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { cursor: [{ key: "inbox.invalidCursor" }] },
    });
  });
});

describe("the clerk's boxes", () => {
  it("lists received documents most urgent first, without another organisation's or a secret one the clerk is not on", async () => {
    const clerk = await actorOf("vanthu.dc");
    const page = await listClerkBox(db, clerk, { box: "to_register", limit: 10 });
    expect(page.items.map((i) => i.subject)).toEqual([
      "Mới nhận, hỏa tốc",
      "Mới nhận, chưa vào sổ",
    ]);
    expect(page.nextCursor).toBeNull();
    const first = await listClerkBox(db, clerk, { box: "to_register", limit: 1 });
    const second = await listClerkBox(db, clerk, {
      box: "to_register",
      cursor: first.nextCursor,
      limit: 1,
    });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(page.items.map((i) => i.id));
    expect(second.nextCursor).toBeNull();
  });

  it("keeps a document registered on an earlier day and not yet presented in the box to present", async () => {
    const clerk = await actorOf("vanthu.dc");
    const toPresent = (await allClerkPages(clerk, "to_present", 2)).map((i) => i.subject);
    expect(toPresent).toContain("Vào sổ hôm trước, chưa trình");
    expect(toPresent).toContain("Vào sổ hôm nay");
    const returned = await listClerkBox(db, clerk, { box: "returned", limit: 10 });
    expect(returned.items.map((i) => i.subject)).toEqual(["Lãnh đạo trả lại"]);
  });

  it("puts every document the clerk may see in exactly one box, whatever its status", async () => {
    const clerk = await actorOf("vanthu.dc");
    const made = new Map<string, IncomingStatus>();
    for (const status of incomingStatuses) {
      for (const urgency of ["normal", "flash"] as const) {
        const id = await addDocument(`Trạng thái ${status} ${urgency}`, {
          status,
          urgency,
          ...(status === "received" ? { arrivalDate: null, registeredAt: null } : {}),
        });
        made.set(id, status);
      }
    }
    const seen = new Map<string, ClerkBox[]>();
    for (const box of clerkBoxes) {
      // Small pages, so that the keyset of every box is walked too.
      for (const item of await allClerkPages(clerk, box, 3)) {
        seen.set(item.id, [...(seen.get(item.id) ?? []), box]);
      }
    }
    for (const [id, status] of made) {
      expect(seen.get(id), status).toEqual([
        clerkBoxes.find((box) => clerkBoxStatus[box] === status),
      ]);
    }
    // Nothing the clerk may see is missing from the boxes, nor listed twice.
    const visible = await db
      .select({ id: document.id })
      .from(document)
      .where(and(visibleTo(clerk), eq(document.direction, "incoming")));
    expect([...seen.keys()].sort()).toEqual(visible.map((d) => d.id).sort());
    expect([...seen.values()].every((boxes) => boxes.length === 1)).toBe(true);
  });

  it("shows a secret received document to the clerk once the clerk is on it", async () => {
    const clerk = await actorOf("vanthu.dc");
    const before = (await inboxCounters(db, clerk)).clerk!.toRegister;
    await put(ids.secretReceived!, "vanthu.dc", "none");
    const page = await listClerkBox(db, clerk, { box: "to_register", limit: 10 });
    expect(page.items.map((i) => i.subject)).toContain("Văn bản mật chưa giao văn thư");
    expect((await inboxCounters(db, clerk)).clerk?.toRegister).toBe(before + 1);
  });

  it("is refused to a specialist over tRPC, and the inbox to an administrator of the deployment", async () => {
    const caller = (username: string) =>
      createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });
    expect(
      (await refusal(caller("chuyenvien.kt").inbox.clerkBox({ box: "to_register" }))).code,
    ).toBe("FORBIDDEN");
    expect((await refusal(caller("quantri").inbox.list({ box: "to_handle" }))).code).toBe(
      "FORBIDDEN",
    );
    const page = await caller("chuyenvien.kt").inbox.list({ box: "to_handle", filter: "overdue" });
    expect(page.items).toHaveLength(2);
  });
});
