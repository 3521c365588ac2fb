// The audit log narrowed by person, action, record and days: each filter, together, across
// pages; a withheld document stays withheld under any filter; another organisation's events
// stay out of reach whatever is named; a malformed filter is refused field by field.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { unit } from "@/db/schema/org";
import { userRole } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import { createCaller } from "@/server/api/root";
import { translate } from "@/server/i18n/translate";
import { insertRegisteredDocument } from "@/server/testing/documents";
import { freshDatabase } from "@/server/testing/test-db";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { appendAudit, type AuditInput } from "./append";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;
let unitKt: string;
let unitKtName: string;
let ordinaryDoc: string;
let secretDoc: string;

const CANARY = "CANARY-FILTER-NOTE";
const person = (username: string, fullName: string) => ({ userId: users[username]!, fullName });

const caller = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });

type ListInput = Parameters<ReturnType<typeof caller>["audit"]["list"]>[0];
const list = (input: ListInput, username = "quantri.dc") =>
  caller(username).audit.list({ limit: 100, ...input });

/** Appends an event as if it happened at `at` (an instant written with its offset). */
async function appendAt(at: string, event: Omit<AuditInput, "organisationId">, org = "dinhcong") {
  vi.setSystemTime(new Date(at));
  await appendAudit(db, { organisationId: orgs[org]!, ...event });
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
  const [kt] = await db
    .select({ id: unit.id, name: unit.name })
    .from(unit)
    .where(and(eq(unit.organisationId, orgs.dinhcong!), eq(unit.shortName, "KT")));
  unitKt = kt!.id;
  unitKtName = kt!.name;
  const clerk = users["vanthu.dc"]!;
  ordinaryDoc = (
    await insertRegisteredDocument(db, {
      organisationId: orgs.dinhcong!,
      createdById: clerk,
      subject: "Giấy mời họp giao ban",
    })
  ).id;
  secretDoc = (
    await insertRegisteredDocument(db, {
      organisationId: orgs.dinhcong!,
      createdById: clerk,
      subject: "Kế hoạch CANARY-FILTER-SUBJECT",
      confidentiality: "secret",
    })
  ).id;

  vi.useFakeTimers({ toFake: ["Date"] });
  const admin = person("quantri.dc", "Nguyễn Văn Quản");
  const clerkActor = person("vanthu.dc", "Phạm Thị Thu");
  const tuan = users["chuyenvien.kt"]!;
  const doc = (id: string, action: string, data: Record<string, unknown> = {}) => ({
    actor: clerkActor,
    action,
    entityType: "document",
    entityId: id,
    data,
  });
  // 1 March in Hà Nội, early and late; 00:10 on 2 March is still 1 March in UTC.
  await appendAt("2026-03-01T08:00:00+07:00", {
    actor: admin,
    action: "user.created",
    entityType: "user",
    entityId: tuan,
    data: { username: "chuyenvien.kt", fullName: "Lê Minh Tuấn", unitId: unitKt },
  });
  await appendAt("2026-03-01T23:30:00+07:00", {
    actor: admin,
    action: "user.updated",
    entityType: "user",
    entityId: tuan,
    data: { changes: { roles: { from: ["specialist"], to: ["unit_head"] } } },
  });
  await appendAt("2026-03-02T00:10:00+07:00", doc(ordinaryDoc, "incoming.registered"));
  await appendAt("2026-03-02T09:00:00+07:00", doc(secretDoc, "incoming.registered"));
  await appendAt("2026-03-05T09:00:00+07:00", doc(secretDoc, "incoming.noted", { note: CANARY }));
  await appendAt("2026-03-05T10:00:00+07:00", doc(ordinaryDoc, "incoming.presented"));
  await appendAt("2026-03-05T11:00:00+07:00", {
    actor: admin,
    action: "unit.updated",
    entityType: "unit",
    entityId: unitKt,
    data: { changes: { shortName: { from: "KT", to: "P.KT" } } },
  });
  // The same kinds of thing in Hoàng Liệt, which Định Công's admin must never see.
  await appendAt(
    "2026-03-01T09:00:00+07:00",
    {
      actor: person("vanthu.hl", "Trương Thị Huyền"),
      action: "user.updated",
      entityType: "user",
      entityId: users["chutich.hl"]!,
      data: { changes: { jobTitle: { from: "", to: "Chủ tịch" } } },
    },
    "hoangliet",
  );
  vi.useRealTimers();
});

afterAll(() => vi.useRealTimers());

describe("each filter", () => {
  it("by person keeps only what that person did", async () => {
    const page = await list({ actorId: users["vanthu.dc"] });
    expect(page.items.map((e) => e.action)).toEqual([
      "incoming.presented",
      "incoming.noted",
      "incoming.registered",
      "incoming.registered",
    ]);
    expect(new Set(page.items.map((e) => e.actorName))).toEqual(new Set(["Phạm Thị Thu"]));
  });

  it("by action keeps one action, by group every action of it", async () => {
    const one = await list({ action: "user.updated" });
    expect(one.items.map((e) => e.action)).toEqual(["user.updated"]);
    const group = await list({ action: "user" });
    expect(group.items.map((e) => e.action)).toEqual(["user.updated", "user.created"]);
  });

  it("by record type and record keeps the events of that record", async () => {
    const units = await list({ entityType: "unit" });
    expect(units.items.map((e) => e.action)).toEqual(["unit.updated"]);
    const one = await list({ entityId: ordinaryDoc });
    expect(one.items.map((e) => e.action)).toEqual(["incoming.presented", "incoming.registered"]);
    expect(one.items.every((e) => e.entityId === ordinaryDoc)).toBe(true);
  });

  it("by days counts them in Vietnam time, both ends included", async () => {
    const first = await list({ from: "2026-03-01", to: "2026-03-01" });
    expect(first.items.map((e) => e.action)).toEqual(["user.updated", "user.created"]);
    const second = await list({ from: "2026-03-02", to: "2026-03-02" });
    expect(second.items.map((e) => e.action)).toEqual([
      "incoming.registered",
      "incoming.registered",
    ]);
    const since = await list({ from: "2026-03-05", to: "2026-03-31" });
    expect(since.items.map((e) => e.action)).toEqual([
      "unit.updated",
      "incoming.presented",
      "incoming.noted",
    ]);
    const until = await list({ to: "2026-03-01" });
    // The demo's own events, written when the test runs, may come first; nothing after 1 March does.
    expect(until.items.filter((e) => e.createdAt >= new Date("2026-03-01T17:00:00Z"))).toEqual([]);
    expect(until.items.map((e) => e.action).slice(0, 2)).toEqual(["user.updated", "user.created"]);
  });
});

describe("filters together", () => {
  it("narrow to what every one of them allows", async () => {
    const page = await list({
      actorId: users["vanthu.dc"],
      action: "incoming",
      entityId: ordinaryDoc,
      from: "2026-03-05",
      to: "2026-03-31",
    });
    expect(page.items.map((e) => e.action)).toEqual(["incoming.presented"]);
    const none = await list({ actorId: users["quantri.dc"], entityType: "document" });
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it("page by sequence number: every match once, newest first, and the end says so", async () => {
    const filter = { actorId: users["vanthu.dc"], action: "incoming" as const };
    const all = (await list(filter)).items.map((e) => e.seq);
    const seen: number[] = [];
    let cursor: number | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page: Awaited<ReturnType<typeof list>> = await list({ ...filter, limit: 3, cursor });
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(all).toHaveLength(4);
    expect(seen).toEqual(all);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });
});

describe("the records an event is about", () => {
  it("come with the event: a person, a unit, a document the reader may open or not", async () => {
    const people = await list({ action: "user" });
    expect(people.items[0]!.record).toMatchObject({
      name: "Lê Minh Tuấn",
      username: "chuyenvien.kt",
    });
    expect(people.items[1]!.unitNames).toEqual({ [unitKt]: unitKtName });
    const [presented] = (await list({ entityId: ordinaryDoc })).items;
    // The admin reads the subject in the log, but is not among those who open the document...
    expect(presented!.record).toEqual({
      name: "Giấy mời họp giao ban",
      number: null,
      username: null,
      openable: false,
    });
    // ...until they are also the clerk, who sees every ordinary document.
    await db
      .insert(userRole)
      .values({ userId: users["quantri.dc"]!, organisationId: orgs.dinhcong!, role: "clerk" });
    const [again] = (await list({ entityId: ordinaryDoc })).items;
    expect(again!.record).toMatchObject({ openable: true });
  });
});

describe("a withheld document under filters", () => {
  it("stays withheld when named, and when its events match the person, action or days", async () => {
    const filters: ListInput[] = [
      { entityId: secretDoc },
      { entityType: "document", action: "incoming.noted" },
      { actorId: users["vanthu.dc"], from: "2026-03-05", to: "2026-03-05" },
    ];
    for (const filter of filters) {
      const page = await list(filter);
      const text = JSON.stringify(page);
      expect(text, JSON.stringify(filter)).not.toContain("CANARY");
      const secret = page.items.filter((e) => e.entityId === secretDoc);
      expect(secret.length, JSON.stringify(filter)).toBeGreaterThan(0);
      for (const e of secret) {
        expect(e).toMatchObject({ redacted: true, data: {}, record: null, unitNames: {} });
        expect(e.actorName).toBe("Phạm Thị Thu");
      }
    }
  });
});

describe("another organisation", () => {
  it("is not reached by naming its records or people in a filter", async () => {
    for (const filter of [
      { entityId: users["chutich.hl"] },
      { actorId: users["vanthu.hl"] },
      { actorId: users["vanthu.hl"], action: "user" as const, from: "2026-03-01" },
    ]) {
      expect(await list(filter), JSON.stringify(filter)).toEqual({ items: [], nextCursor: null });
    }
    const error = await refusal(list({ organisationId: orgs.hoangliet, action: "user" }));
    expect(error.code).toBe("FORBIDDEN");
    const actors = await refusal(
      caller("quantri.dc").audit.actors({ organisationId: orgs.hoangliet }),
    );
    expect(actors.code).toBe("FORBIDDEN");
  });

  it("is read, filtered, by the deployment admin", async () => {
    const page = await list(
      { organisationId: orgs.hoangliet, actorId: users["vanthu.hl"] },
      "quantri",
    );
    expect(page.items.map((e) => e.action)).toEqual(["user.updated"]);
  });
});

describe("the people in the log", () => {
  it("are those who acted in the organisation, by name, without the system", async () => {
    const people = await caller("quantri.dc").audit.actors({});
    expect(people).toEqual([
      { id: users["quantri.dc"], name: "Nguyễn Văn Quản" },
      { id: users["vanthu.dc"], name: "Phạm Thị Thu" },
    ]);
  });
});

describe("a malformed filter", () => {
  it("is refused with a translated message on its field, never a server error", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ from: "2026-02-31" }, "from", "validation.dateNotReal"],
      [{ to: "01/03/2026" }, "to", "validation.dateFormat"],
      [{ from: "2026-03-05", to: "2026-03-01" }, "to", "audit.dateOrder"],
      [{ entityId: "abc" }, "entityId", "validation.invalid"],
      [{ actorId: "'; drop table audit_event; --" }, "actorId", "validation.invalid"],
      [{ action: "user.hacked" }, "action", "validation.choice"],
      [{ entityType: "spaceship" }, "entityType", "validation.choice"],
      [{ entityId: "a\u0000b" }, "entityId", "validation.invalid"],
    ];
    for (const [input, field, key] of cases) {
      const error = await refusal(list(input as ListInput));
      expect(error.code, JSON.stringify(input)).toBe("BAD_REQUEST");
      expect(fieldKeys(error), JSON.stringify(input)).toEqual({ [field]: [key] });
      for (const locale of ["vi", "en"] as const) {
        expect(translate(locale, key)).not.toBe(key);
      }
    }
  });
});
