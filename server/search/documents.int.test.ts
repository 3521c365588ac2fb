import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { registry } from "@/db/schema/registry";
import { seedDemo } from "@/db/seed/demo";
import type { SearchDocumentsInput } from "@/lib/schemas/search";
import { createCaller } from "@/server/api/root";
import { loadActor, type Actor } from "@/server/authz/actor";
import { upsertParticipant } from "@/server/incoming/participants";
import { freshDatabase } from "@/server/testing/test-db";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { searchDocuments, searchTerms } from "./documents";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;
let book: string;
let nextNumber = 1;

async function addDocument(
  subject: string,
  values: Partial<typeof document.$inferInsert> = {},
): Promise<string> {
  const registered = values.status !== "received";
  const [row] = await db
    .insert(document)
    .values({
      organisationId: orgs.dinhcong!,
      direction: "incoming",
      status: "in_progress",
      documentType: "cong_van",
      subject,
      issuerName: "Ủy ban nhân dân quận Hoàng Mai",
      arrivalDate: registered ? "2026-03-02" : null,
      registeredAt: registered ? new Date("2026-03-02T02:00:00Z") : null,
      ...(registered && values.organisationId === undefined
        ? { registryId: book, registryPeriod: "2026", registryNumber: nextNumber++ }
        : {}),
      createdById: users["vanthu.dc"]!,
      ...values,
    })
    .returning({ id: document.id });
  return row!.id;
}

const actorOf = async (username: string): Promise<Actor> =>
  (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;

async function subjects(username: string, input: Partial<SearchDocumentsInput>) {
  const page = await searchDocuments(db, await actorOf(username), { limit: 100, ...input });
  return page.items.map((i) => i.subject);
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
  const [row] = await db
    .select({ id: registry.id })
    .from(registry)
    .where(and(eq(registry.organisationId, orgs.dinhcong!), eq(registry.kind, "incoming")));
  book = row!.id;

  await addDocument("Quyết định về phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026", {
    documentType: "quyet_dinh",
    codeNumber: "15",
    codeNotation: "QĐ-UBND",
    urgency: "urgent",
    arrivalDate: "2026-03-05",
  });
  await addDocument("Quyết định phê duyệt kế hoạch chỉnh trang đô thị", {
    documentType: "quyet_dinh",
    codeNumber: "151",
    codeNotation: "QĐ-UBND",
    arrivalDate: "2026-03-04",
  });
  await addDocument("Kế hoạch tổ chức Tết Trung thu cho thiếu nhi", {
    documentType: "ke_hoach",
    codeNumber: "36",
    codeNotation: "KH-UBND",
    status: "completed",
    arrivalDate: "2026-01-10",
    contentText: "Trang 2: kinh phí bánh trung thu và đèn ông sao cho các cháu.",
  });
  await addDocument("Về việc rà soát hộ nghèo, hộ cận nghèo", {
    codeNumber: "05",
    codeNotation: "UBND-VP",
    issuerName: "Sở Lao động - Thương binh và Xã hội",
    arrivalDate: "2026-02-20",
  });
  await addDocument("Văn bản mới nhận chưa vào sổ về phòng, chống dịch", { status: "received" });
  await addDocument("Quyết định về phòng, chống tham nhũng (mật)", {
    confidentiality: "secret",
    arrivalDate: "2026-03-06",
  });
  await addDocument("Quyết định về phòng, chống lụt bão của phường khác", {
    organisationId: orgs.hoangliet,
    createdById: users["vanthu.hl"],
  });
});

describe("search", () => {
  it("splits what was typed into words: words typed together follow each other, a notation being typed may be partial", () => {
    expect(searchTerms("quyết định")).toEqual({ groups: [["quyết"], ["định"]], prefixLast: false });
    expect(searchTerms(" 15/QĐ-UBND ")).toEqual({
      groups: [["15", "QĐ", "UBND"]],
      prefixLast: true,
    });
    expect(searchTerms("kế hoạch QĐ-UB")?.groups).toEqual([["kế"], ["hoạch"], ["QĐ", "UB"]]);
    expect(searchTerms(" -- / ")).toBeNull();
    expect(searchTerms("x'); drop table document; --")?.groups).toEqual([
      ["x"],
      ["drop"],
      ["table"],
      ["document"],
    ]);
  });

  it("answers text that accent removal turns into query syntax, quotes and backslashes with a list, not an error", async () => {
    for (const q of ["ʼ", "ː", "⑴⑵", "a'b", "\\", "x\\", "':*", "⒜ ㈱ ℡", "ǅ ﬁ"]) {
      await expect(subjects("vanthu.dc", { q }), q).resolves.toBeInstanceOf(Array);
      expect(await subjects("vanthu.dc", { q: "quyết định", issuer: q }), q).toEqual([]);
    }
    // The letter that became an apostrophe separates words, as it does in the documents' text.
    expect(await subjects("vanthu.dc", { q: "quyếtʼ địnhː" })).toHaveLength(2);
  });

  it("ignores diacritics: 'quyet dinh ve phong chong' finds 'Quyết định về phòng, chống …'", async () => {
    expect(await subjects("vanthu.dc", { q: "quyet dinh ve phong chong" })).toEqual([
      "Quyết định về phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026",
    ]);
    expect(await subjects("vanthu.dc", { q: "QUYẾT ĐỊNH về PHÒNG chống" })).toHaveLength(1);
  });

  it("finds a document by its number and notation, its notation, or the start of it", async () => {
    const first = "Quyết định về phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026";
    const second = "Quyết định phê duyệt kế hoạch chỉnh trang đô thị";
    expect(await subjects("vanthu.dc", { q: "15/QĐ-UBND" })).toEqual([first]);
    expect(await subjects("vanthu.dc", { q: "15/qd-ubnd" })).toEqual([first]);
    expect(await subjects("vanthu.dc", { q: "QĐ-UBND" })).toEqual([first, second]);
    expect(await subjects("vanthu.dc", { q: "QĐ-UB" })).toEqual([first, second]);
    expect(await subjects("vanthu.dc", { q: "05/UBND-VP" })).toEqual([
      "Về việc rà soát hộ nghèo, hộ cận nghèo",
    ]);
  });

  it("finds a word that appears only in the text of the PDF", async () => {
    expect(await subjects("vanthu.dc", { q: "đèn ông sao" })).toEqual([
      "Kế hoạch tổ chức Tết Trung thu cho thiếu nhi",
    ]);
    expect(await subjects("vanthu.dc", { q: "den ong sao" })).toHaveLength(1);
  });

  it("searches the issuer's name and filters by part of it", async () => {
    expect(await subjects("vanthu.dc", { q: "thuong binh" })).toEqual([
      "Về việc rà soát hộ nghèo, hộ cận nghèo",
    ]);
    expect(await subjects("vanthu.dc", { issuer: "lao dong" })).toEqual([
      "Về việc rà soát hộ nghèo, hộ cận nghèo",
    ]);
    expect(await subjects("vanthu.dc", { issuer: "100%" })).toEqual([]);
  });

  it("filters by type, urgency, status and arrival date range, with or without words", async () => {
    expect(await subjects("vanthu.dc", { type: "quyet_dinh" })).toEqual([
      "Quyết định về phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026",
      "Quyết định phê duyệt kế hoạch chỉnh trang đô thị",
    ]);
    expect(await subjects("vanthu.dc", { q: "quyet dinh", urgency: "urgent" })).toHaveLength(1);
    expect(await subjects("vanthu.dc", { status: "completed" })).toEqual([
      "Kế hoạch tổ chức Tết Trung thu cho thiếu nhi",
    ]);
    expect(await subjects("vanthu.dc", { status: "received" })).toEqual([
      "Văn bản mới nhận chưa vào sổ về phòng, chống dịch",
    ]);
    expect(await subjects("vanthu.dc", { from: "2026-02-01", to: "2026-03-04" })).toEqual([
      "Quyết định phê duyệt kế hoạch chỉnh trang đô thị",
      "Về việc rà soát hộ nghèo, hộ cận nghèo",
    ]);
  });

  it("lists unregistered documents first, then newest arrival, paging each row exactly once", async () => {
    const clerk = await actorOf("vanthu.dc");
    for (let i = 0; i < 9; i++)
      await addDocument(`Giấy mời họp số ${i}`, { arrivalDate: "2026-03-01" });
    const whole = (await searchDocuments(db, clerk, { limit: 100 })).items.map((i) => i.id);
    expect(whole).toHaveLength(14);
    const all = await subjects("vanthu.dc", {});
    expect(all[0]).toBe("Văn bản mới nhận chưa vào sổ về phòng, chống dịch");
    expect(all[1]).toBe("Quyết định về phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026");
    for (const limit of [1, 4]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await searchDocuments(db, clerk, { cursor, limit });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(whole);
    }
  });

  it("gives the same pages when the newest documents hold too few matches and the index takes over", async () => {
    const clerk = await actorOf("vanthu.dc");
    for (const input of [
      { q: "quyet dinh" },
      { q: "phong chong" },
      { type: "quyet_dinh" as const },
      {},
    ]) {
      const whole = (await searchDocuments(db, clerk, { ...input, limit: 100 })).items.map(
        (i) => i.id,
      );
      for (const [limit, recentBudget] of [
        [1, 1],
        [2, 3],
        [3, 1],
        [100, 2],
      ] as const) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await searchDocuments(
            db,
            clerk,
            { ...input, cursor, limit },
            { recentBudget },
          );
          seen.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual(whole);
      }
    }
  });

  it("never shows another organisation's documents, nor secret ones to people not on them", async () => {
    for (const username of ["vanthu.dc", "chutich.dc"]) {
      const found = await subjects(username, { q: "phong chong" });
      expect(found).not.toContain("Quyết định về phòng, chống lụt bão của phường khác");
      expect(found).not.toContain("Quyết định về phòng, chống tham nhũng (mật)");
      expect(found).toContain("Quyết định về phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026");
    }
    expect(await subjects("vanthu.hl", { q: "phong chong" })).toEqual([
      "Quyết định về phòng, chống lụt bão của phường khác",
    ]);
  });

  it("shows a handler only the documents they take part in, including a secret one given to them", async () => {
    expect(await subjects("chuyenvien.kt", { q: "phong chong" })).toEqual([]);
    const [secret] = await db
      .select({ id: document.id })
      .from(document)
      .where(eq(document.subject, "Quyết định về phòng, chống tham nhũng (mật)"));
    await upsertParticipant(db, {
      documentId: secret!.id,
      userId: users["chuyenvien.kt"]!,
      kind: "granted",
      organisationId: orgs.dinhcong!,
      box: "none",
      urgency: "normal",
    });
    expect(await subjects("chuyenvien.kt", { q: "phong chong" })).toEqual([
      "Quyết định về phòng, chống tham nhũng (mật)",
    ]);
  });

  it("answers over tRPC, refusing a reversed date range and an unknown status", async () => {
    const caller = createCaller({
      db,
      locale: "vi",
      session: { userId: users["vanthu.dc"]!, sessionEpoch: 1 },
    });
    const page = await caller.search.documents({ q: "quyet dinh ve phong chong" });
    expect(page.items[0]).toMatchObject({ numberNotation: "15/QĐ-UBND", registryNumber: 1 });
    const error = await refusal(caller.search.documents({ from: "2026-03-02", to: "2026-03-01" }));
    expect(fieldKeys(error)).toEqual({ to: ["search.dateRange"] });
    const bad = await refusal(caller.search.documents({ status: "lost" as "completed" }));
    expect(bad.code).toBe("BAD_REQUEST");
  });
});

describe("documents to link a task to", () => {
  it("offers incoming and issued documents the person sees, not drafts nor others' documents", async () => {
    const plan = "Kế hoạch triển khai tháng hành động vì môi trường";
    await addDocument(`${plan} của quận`, { codeNumber: "88", codeNotation: "KH-UBND" });
    const issued = await addDocument(plan, {
      direction: "outgoing",
      status: "issued",
      codeNumber: "45",
      codeNotation: "KH-UBND",
      documentDate: "2026-04-01",
      arrivalDate: null,
      registeredAt: null,
    });
    await addDocument(`${plan} (dự thảo)`, {
      direction: "outgoing",
      status: "draft",
      arrivalDate: null,
      registeredAt: null,
    });
    await addDocument(`${plan} của phường Hoàng Liệt`, {
      organisationId: orgs.hoangliet!,
      arrivalDate: null,
      registeredAt: null,
    });
    const caller = createCaller({
      db,
      locale: "vi",
      session: { userId: users["vanthu.dc"]!, sessionEpoch: 1 },
    });
    const found = await caller.search.linkable({ q: "ke hoach hanh dong moi truong" });
    expect(found.map((d) => [d.direction, d.numberNotation, d.subject])).toEqual([
      ["outgoing", "45/KH-UBND", plan],
      ["incoming", "88/KH-UBND", `${plan} của quận`],
    ]);
    expect((await caller.search.linkable({ q: "45/KH-UBND" })).map((d) => d.id)).toEqual([issued]);
    // A specialist sees only the documents they take part in.
    const specialist = await linkableAs("chuyenvien.kt", "ke hoach hanh dong moi truong");
    expect(specialist).toEqual([]);
    expect(fieldKeys(await refusal(caller.search.linkable({ q: "a".repeat(201) })))).toEqual({
      q: ["validation.tooLong"],
    });
  });
});

async function linkableAs(username: string, q: string) {
  const { linkableDocuments } = await import("./linkable");
  return linkableDocuments(db, await actorOf(username), { q, limit: 20 });
}
