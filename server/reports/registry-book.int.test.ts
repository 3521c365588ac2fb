import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/authz/actor";
import { freshDatabase } from "@/server/testing/test-db";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import {
  followUpBook,
  incomingRegistryBook,
  wholeFollowUpBook,
  wholeIncomingBook,
  type BookInput,
} from "./registry-book";
import { daysFromToday, MARCH, seedReportFixtures } from "./test-fixtures";

let db: Db;
let f: Awaited<ReturnType<typeof seedReportFixtures>>;
let clerk: Actor;
let leader: Actor;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  f = await seedReportFixtures(db);
  clerk = await f.actorOf("vanthu.dc");
  leader = await f.actorOf("chutich.dc");
});

const callerFor = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: f.users[username]!, sessionEpoch: 1 } });

const march = (extra: Partial<BookInput> = {}): BookInput => ({ ...MARCH, limit: 100, ...extra });

describe("incoming registry book", () => {
  it("lists the default incoming registry's documents of the range in arrival-number order, with every column", async () => {
    const book = await incomingRegistryBook(db, clerk, march());
    expect(book.registry).toMatchObject({ id: f.registries.incoming, kind: "incoming" });
    expect(book.rows.map((r) => r.registryNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(book.nextCursor).toBeNull();
    const [first, second, third] = book.rows;
    expect(first).toEqual({
      id: f.docs.d1,
      registryPeriod: "2026",
      registryNumber: 1,
      arrivalDate: "2026-03-02",
      issuerName: "Ủy ban nhân dân quận Hoàng Mai",
      numberNotation: "15/QĐ-UBND",
      documentDate: "2026-02-27",
      documentType: "quyet_dinh",
      subject: "Về việc kiện toàn Ban chỉ đạo chuyển đổi số phường",
      lead: "Phòng Kinh tế, Hạ tầng và Đô thị",
      coHandlers: ["Phòng Văn hóa - Xã hội", "Lê Minh Tuấn"],
      transferredOn: "2026-03-03",
      notes: null,
    });
    // Handed over at 01:30 on 5 March in Hà Nội: 5 March, although UTC was still on the 4th.
    expect(second).toMatchObject({
      lead: "Phòng Kinh tế, Hạ tầng và Đô thị",
      transferredOn: "2026-03-05",
    });
    expect(third).toMatchObject({ numberNotation: "42/KH-UBND", notes: "Đã trả lời bằng văn bản" });
    // A document led by a person shows the person; one not yet directed shows nobody.
    expect(book.rows[3]).toMatchObject({ lead: "Hoàng Thị Mai", coHandlers: [] });
    expect(book.rows[4]).toMatchObject({ lead: null, coHandlers: [], transferredOn: null });
  });

  it("filters by arrival date and orders across periods by period, then number", async () => {
    const spanning = await incomingRegistryBook(
      db,
      clerk,
      march({ from: "2025-12-01", to: "2026-03-05" }),
    );
    expect(spanning.rows.map((r) => `${r.registryPeriod}/${r.registryNumber}`)).toEqual([
      "2025/300",
      "2026/1",
      "2026/2",
    ]);
    const april = await incomingRegistryBook(
      db,
      clerk,
      march({ from: "2026-04-01", to: "2026-04-30" }),
    );
    expect(april.rows.map((r) => r.id)).toEqual([f.docs.d8]);
    const oneDay = await incomingRegistryBook(
      db,
      clerk,
      march({ from: "2026-03-10", to: "2026-03-10" }),
    );
    expect(oneDay.rows.map((r) => r.id)).toEqual([f.docs.d3]);
  });

  it("pages by key: every row exactly once, in order, whatever the page size", async () => {
    const all = await incomingRegistryBook(
      db,
      clerk,
      march({ from: "2025-12-01", to: "2026-04-30" }),
    );
    for (const limit of [1, 2, 3, 4]) {
      const seen: string[] = [];
      let cursor: BookInput["cursor"] = null;
      let pages = 0;
      do {
        const page = await incomingRegistryBook(
          db,
          clerk,
          march({ from: "2025-12-01", to: "2026-04-30", cursor, limit }),
        );
        expect(page.rows.length).toBeLessThanOrEqual(limit);
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(seen).toEqual(all.rows.map((r) => r.id));
      expect(pages).toBe(Math.ceil(all.rows.length / limit));
    }
    const whole = await wholeIncomingBook(db, clerk, { from: "2025-12-01", to: "2026-04-30" });
    expect(whole.rows.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
  });

  it("keeps secret documents out of the ordinary book, even for the leader who is on them", async () => {
    for (const actor of [clerk, leader]) {
      const book = await incomingRegistryBook(db, actor, march());
      expect(book.rows.map((r) => r.id)).not.toContain(f.docs.d7);
      expect(book.rows.map((r) => r.id)).not.toContain(f.docs.secret);
    }
  });

  it("shows the secret registry's book only to those given its documents", async () => {
    const input = march({ registryId: f.registries.secret });
    const forLeader = await incomingRegistryBook(db, leader, input);
    expect(forLeader.registry.kind).toBe("secret");
    expect(forLeader.rows.map((r) => r.id)).toEqual([f.docs.secret]);
    const forClerk = await incomingRegistryBook(db, clerk, input);
    expect(forClerk.rows).toEqual([]);
  });

  it("never shows another organisation's registry or documents", async () => {
    const error = await refusal(
      callerFor("vanthu.dc").reports.registryBook({ ...MARCH, registryId: f.registries.neighbour }),
    );
    expect(error.code).toBe("NOT_FOUND");
    const ids = (await wholeIncomingBook(db, leader, { from: "2025-01-01", to: "2025-12-31" })).rows
      .concat((await wholeIncomingBook(db, leader, MARCH)).rows)
      .map((r) => r.id);
    expect(ids).not.toContain(f.docs.neighbour);
  });

  it("refuses a specialist, and a range that is reversed or longer than 366 days", async () => {
    const specialist = callerFor("chuyenvien.kt");
    expect((await refusal(specialist.reports.registryBook(MARCH))).code).toBe("FORBIDDEN");
    expect((await refusal(specialist.reports.followUpBook(MARCH))).code).toBe("FORBIDDEN");
    const clerkCaller = callerFor("vanthu.dc");
    const reversed = await refusal(
      clerkCaller.reports.registryBook({ from: "2026-03-31", to: "2026-03-01" }),
    );
    expect(reversed.code).toBe("BAD_REQUEST");
    expect(fieldKeys(reversed)).toEqual({ to: ["reports.errors.rangeOrder"] });
    const long = await refusal(
      clerkCaller.reports.registryBook({ from: "2025-01-01", to: "2026-01-02" }),
    );
    expect(fieldKeys(long)).toEqual({ to: ["reports.errors.rangeTooLong"] });
    // A whole leap year is 366 days and allowed.
    await expect(
      clerkCaller.reports.registryBook({ from: "2024-01-01", to: "2024-12-31" }),
    ).resolves.toMatchObject({ rows: [] });
    const invalid = await refusal(
      clerkCaller.reports.registryBook({ from: "2026-02-30", to: "2026-03-01" }),
    );
    expect(fieldKeys(invalid)).toEqual({ from: ["validation.dateNotReal"] });
  });

  it("refuses a registry that is not an incoming one", async () => {
    const registries = await callerFor("vanthu.dc").registries.list({});
    const outgoing = registries.find((r) => r.kind === "outgoing");
    expect(outgoing).toBeDefined();
    const error = await refusal(
      callerFor("vanthu.dc").reports.registryBook({ ...MARCH, registryId: outgoing!.id }),
    );
    expect(fieldKeys(error)).toEqual({ registryId: ["reports.errors.notIncomingRegistry"] });
  });
});

describe("follow-up book", () => {
  it("lists the documents given a lead or a deadline, with deadline, progress and reply", async () => {
    const book = await followUpBook(db, clerk, march());
    // No. 5 awaits direction with no deadline: nothing to follow up yet.
    expect(book.rows.map((r) => r.registryNumber)).toEqual([1, 2, 3, 4, 6]);
    const byNumber = Object.fromEntries(book.rows.map((r) => [r.registryNumber, r]));
    expect(byNumber[1]).toMatchObject({
      numberNotation: "15/QĐ-UBND",
      documentDate: "2026-02-27",
      issuerName: "Ủy ban nhân dân quận Hoàng Mai",
      lead: "Phòng Kinh tế, Hạ tầng và Đô thị",
      coHandlers: ["Phòng Văn hóa - Xã hội", "Lê Minh Tuấn"],
      deadline: daysFromToday(5),
      issuerDeadline: daysFromToday(-1),
      progress: "in_progress",
      lateForIssuer: true,
      completedOn: null,
      replyNumberNotation: "",
    });
    expect(byNumber[2]).toMatchObject({
      progress: "overdue",
      deadline: daysFromToday(-3),
      issuerDeadline: null,
      lateForIssuer: false,
    });
    // On time by the office's deadline, late by the issuer's; the co-handler closed unfinished.
    expect(byNumber[3]).toMatchObject({
      progress: "completed_on_time",
      issuerDeadline: "2026-03-17",
      lateForIssuer: true,
      coHandlers: ["Phòng Kinh tế, Hạ tầng và Đô thị"],
      closedCoHandlers: ["Phòng Kinh tế, Hạ tầng và Đô thị"],
      completedOn: "2026-03-18",
      replyNumberNotation: "05/UBND-VP",
      notes: "Đã trả lời bằng văn bản",
    });
    expect(byNumber[4]).toMatchObject({ progress: "completed_late", lead: "Hoàng Thị Mai" });
    // Completed at 00:30 on 21 March in Hà Nội, a day after its deadline.
    expect(byNumber[6]).toMatchObject({ progress: "completed_late", completedOn: "2026-03-21" });
  });

  it("pages by key and serves the screen through tRPC", async () => {
    const caller = callerFor("chutich.dc");
    const first = await caller.reports.followUpBook({ ...MARCH, limit: 3 });
    expect(first.rows.map((r) => r.registryNumber)).toEqual([1, 2, 3]);
    const second = await caller.reports.followUpBook({
      ...MARCH,
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(second.rows.map((r) => r.registryNumber)).toEqual([4, 6]);
    expect(second.nextCursor).toBeNull();
    const whole = await wholeFollowUpBook(db, leader, MARCH);
    expect(whole.rows.map((r) => r.registryNumber)).toEqual([1, 2, 3, 4, 6]);
  });

  it("shows the secret follow-up book only to those on its documents", async () => {
    const input = march({ registryId: f.registries.secret });
    expect((await followUpBook(db, leader, input)).rows).toMatchObject([
      { id: f.docs.secret, progress: "overdue", lead: "Phòng Kinh tế, Hạ tầng và Đô thị" },
    ]);
    expect((await followUpBook(db, clerk, input)).rows).toEqual([]);
  });
});
