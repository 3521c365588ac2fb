import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { registry, registryPeriod } from "@/db/schema/registry";
import { seedDemo } from "@/db/seed/demo";
import { createCaller } from "@/server/api/root";
import { verifyAuditChain } from "@/server/audit/verify";
import { violatedUniqueConstraint } from "@/server/org/unique-violation";
import { insertRegisteredDocument } from "@/server/testing/documents";
import { freshDatabase } from "@/server/testing/test-db";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import type { RegistryKind } from "@/lib/schemas/registry";
import { defaultRegistry, nextRegistryNumber, periodOf } from "./numbering";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
});

const callerFor = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });

const at = (iso: string) => new Date(iso);

async function registryOf(organisationId: string, kind: RegistryKind) {
  const [row] = await db
    .select()
    .from(registry)
    .where(
      and(
        eq(registry.organisationId, organisationId),
        eq(registry.kind, kind),
        eq(registry.isDefault, true),
      ),
    );
  return row!;
}

async function lastNumber(registryId: string, period: string): Promise<number | undefined> {
  const [row] = await db
    .select({ n: registryPeriod.lastNumber })
    .from(registryPeriod)
    .where(and(eq(registryPeriod.registryId, registryId), eq(registryPeriod.period, period)));
  return row?.n;
}

const take = (registryId: string, on: Date) =>
  db.transaction((tx) => nextRegistryNumber(tx, { registryId, on }));

async function auditCount(organisationId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, organisationId));
  return row!.n;
}

describe("periods", () => {
  it("counts the year in Vietnam: 00:30 on 1 January in Hanoi is already the new year", () => {
    const year = { periodKind: "year", termStartYear: null, termYears: null } as const;
    expect(periodOf(year, at("2026-12-31T17:30:00Z"))).toEqual({
      period: "2027",
      startsOn: "2027-01-01",
      endsOn: "2027-12-31",
    });
    expect(periodOf(year, at("2026-12-31T16:59:59Z")).period).toBe("2026");
  });

  it("puts a date of a term registry in its committee term, rolling over to later terms by itself", () => {
    const term = { periodKind: "term", termStartYear: 2020, termYears: 5 } as const;
    expect(periodOf(term, at("2024-06-01T00:00:00Z")).period).toBe("2020-2025");
    expect(periodOf(term, at("2026-03-05T02:00:00Z"))).toEqual({
      period: "2025-2030",
      startsOn: "2025-01-01",
      endsOn: "2029-12-31",
    });
    expect(periodOf(term, at("2031-01-10T00:00:00Z")).period).toBe("2030-2035");
    expect(periodOf(term, at("2018-01-10T00:00:00Z")).period).toBe("2015-2020");
  });
});

describe("nextRegistryNumber", () => {
  it("opens a new year's period by itself, starting at 1, while the old year's counter stays", async () => {
    const book = await registryOf(orgs.hoangliet!, "outgoing");
    expect(await take(book.id, at("2026-12-31T09:00:00+07:00"))).toEqual({
      period: "2026",
      number: 1,
    });
    expect(await take(book.id, at("2026-12-31T23:59:00+07:00"))).toEqual({
      period: "2026",
      number: 2,
    });
    expect(await take(book.id, at("2027-01-01T00:30:00+07:00"))).toEqual({
      period: "2027",
      number: 1,
    });
    expect(await lastNumber(book.id, "2026")).toBe(2);
    const [opened] = await db
      .select()
      .from(registryPeriod)
      .where(and(eq(registryPeriod.registryId, book.id), eq(registryPeriod.period, "2027")));
    expect(opened).toMatchObject({ startsOn: "2027-01-01", endsOn: "2027-12-31", lastNumber: 1 });
  });

  it("gives the number back when the transaction that took it rolls back", async () => {
    const book = await registryOf(orgs.hoangliet!, "secret");
    const on = at("2026-05-04T10:00:00+07:00");
    expect((await take(book.id, on)).number).toBe(1);
    await expect(
      db.transaction(async (tx) => {
        expect((await nextRegistryNumber(tx, { registryId: book.id, on })).number).toBe(2);
        throw new Error("the registration failed after numbering");
      }),
    ).rejects.toThrow("the registration failed after numbering");
    expect(await lastNumber(book.id, "2026")).toBe(1);
    expect((await take(book.id, on)).number).toBe(2);
  });

  it("numbers a term registry in its term, e.g. 2025-2030", async () => {
    const created = await callerFor("quantri.dc").registries.create({
      name: "Sổ văn bản đi của Đảng ủy phường",
      kind: "outgoing",
      periodKind: "term",
      termStartYear: 2025,
      termYears: 5,
    });
    expect(created).toMatchObject({ periodKind: "term", isDefault: false, lastNumber: 0 });
    expect(await take(created.id, at("2026-02-10T08:00:00+07:00"))).toEqual({
      period: "2025-2030",
      number: 1,
    });
    expect(await take(created.id, at("2029-12-31T08:00:00+07:00"))).toEqual({
      period: "2025-2030",
      number: 2,
    });
    expect(await take(created.id, at("2030-01-02T08:00:00+07:00"))).toEqual({
      period: "2030-2035",
      number: 1,
    });
  });

  it("hands out 1..40 exactly to 40 concurrent transactions", async () => {
    const book = await registryOf(orgs.namdan!, "outgoing");
    const on = at("2026-07-01T09:00:00+07:00");
    const numbers = await Promise.all(Array.from({ length: 40 }, () => take(book.id, on)));
    expect(numbers.map((n) => n.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(await lastNumber(book.id, "2026")).toBe(40);
  });

  it("refuses to number in a registry no longer in use", async () => {
    const created = await callerFor("quantri.dc").registries.create({
      name: "Sổ cũ",
      kind: "copy",
    });
    await db.update(registry).set({ active: false }).where(eq(registry.id, created.id));
    await expect(take(created.id, new Date())).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "registry.inactive",
    });
  });
});

describe("the database", () => {
  it("refuses a second document with the same registry, period and number", async () => {
    const book = await registryOf(orgs.dinhcong!, "incoming");
    const base = {
      organisationId: orgs.dinhcong!,
      createdById: users["vanthu.dc"]!,
      registryId: book.id,
      registryPeriod: "2019",
      registryNumber: 7,
    };
    await insertRegisteredDocument(db, base);
    const error = await insertRegisteredDocument(db, base).catch((e: unknown) => e);
    expect(violatedUniqueConstraint(error)).toBe("document_registry_number_uq");
    // The same number in another period, or in another registry, is another number.
    await insertRegisteredDocument(db, { ...base, registryPeriod: "2020" });
    const secret = await registryOf(orgs.dinhcong!, "secret");
    await insertRegisteredDocument(db, { ...base, registryId: secret.id });
  });

  it("keeps one counter per registry and period", async () => {
    const book = await registryOf(orgs.dinhcong!, "outgoing");
    const row = {
      registryId: book.id,
      period: "2018",
      startsOn: "2018-01-01",
      endsOn: "2018-12-31",
    };
    await db.insert(registryPeriod).values(row);
    const error = await db
      .insert(registryPeriod)
      .values(row)
      .catch((e: unknown) => e);
    expect(violatedUniqueConstraint(error)).toBe("registry_period_pk");
  });
});

describe("defaultRegistry", () => {
  it("finds the seeded default book of each kind", async () => {
    const found = await db.transaction((tx) => defaultRegistry(tx, orgs.dinhcong!, "incoming"));
    expect(found).toMatchObject({ name: "Sổ văn bản đến", kind: "incoming", active: true });
    const secret = await db.transaction((tx) => defaultRegistry(tx, orgs.dinhcong!, "secret"));
    expect(secret.name).toBe("Sổ văn bản mật đến");
  });

  it("opens a missing default book once, however many first registrations race for it", async () => {
    await db
      .delete(registry)
      .where(and(eq(registry.organisationId, orgs.hanoi!), eq(registry.kind, "incoming")));
    const before = await auditCount(orgs.hanoi!);
    const opened = await Promise.all(
      Array.from({ length: 5 }, () =>
        db.transaction((tx) => defaultRegistry(tx, orgs.hanoi!, "incoming")),
      ),
    );
    expect(new Set(opened.map((r) => r.id)).size).toBe(1);
    expect(opened[0]).toMatchObject({ name: "Sổ văn bản đến", kind: "incoming" });
    const rows = await db
      .select()
      .from(registry)
      .where(and(eq(registry.organisationId, orgs.hanoi!), eq(registry.kind, "incoming")));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.isDefault).toBe(true);
    expect(await auditCount(orgs.hanoi!)).toBe(before + 1);
    expect(await verifyAuditChain(db, orgs.hanoi!)).toMatchObject({ ok: true });
  });

  it("makes an existing book of the kind the default rather than opening another", async () => {
    await db
      .delete(registry)
      .where(and(eq(registry.organisationId, orgs.nghean!), eq(registry.kind, "copy")));
    const [own] = await db
      .insert(registry)
      .values({ organisationId: orgs.nghean!, kind: "copy", name: "Sổ sao y bản chính" })
      .returning();
    const chosen = await db.transaction((tx) => defaultRegistry(tx, orgs.nghean!, "copy"));
    expect(chosen.id).toBe(own!.id);
    expect((await registryOf(orgs.nghean!, "copy")).id).toBe(own!.id);
  });
});

describe("registries", () => {
  it("lists the organisation's books with their current period and last number", async () => {
    const list = await callerFor("chuyenvien.kt").registries.list({});
    const year = String(new Date().getFullYear());
    const incoming = list.find((r) => r.kind === "incoming" && r.isDefault);
    expect(incoming).toMatchObject({ name: "Sổ văn bản đến", periodKind: "year" });
    expect([year, String(Number(year) + 1)]).toContain(incoming!.currentPeriod);
    expect(list.map((r) => r.kind)).toEqual(expect.arrayContaining(["incoming", "secret"]));
    const term = list.find((r) => r.periodKind === "term");
    expect(term?.currentPeriod).toMatch(/^\d{4}-\d{4}$/);
    // Only this organisation's books.
    const ids = new Set(list.map((r) => r.id));
    expect(ids.has((await registryOf(orgs.hoangliet!, "incoming")).id)).toBe(false);
  });

  it("refuses a duplicate name (ignoring case) on the name field and writes nothing", async () => {
    const before = await auditCount(orgs.dinhcong!);
    const error = await refusal(
      callerFor("vanthu.dc").registries.create({ name: "sổ văn bản đến", kind: "incoming" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldKeys(error)).toEqual({ name: ["registry.nameTaken"] });
    expect(await auditCount(orgs.dinhcong!)).toBe(before);
  });

  it("requires the term of a term registry", async () => {
    const error = await refusal(
      callerFor("quantri.dc").registries.create({
        name: "Sổ của Chi bộ",
        kind: "incoming",
        periodKind: "term",
      }),
    );
    expect(fieldKeys(error)).toEqual({
      termStartYear: ["registry.termRequired"],
      termYears: ["registry.termRequired"],
    });
  });

  it("lets a new default take over from the old one, which keeps its numbers", async () => {
    const admin = callerFor("quantri.dc");
    const old = await registryOf(orgs.dinhcong!, "incoming");
    const council = await admin.registries.create({
      name: "Sổ văn bản đến của HĐND phường",
      kind: "incoming",
      isDefault: true,
    });
    expect(council.isDefault).toBe(true);
    const [oldNow] = await db.select().from(registry).where(eq(registry.id, old.id));
    expect(oldNow).toMatchObject({ isDefault: false, active: true, version: old.version + 1 });
    // And back: the council book hands the default over by the other one taking it.
    const refused = await refusal(admin.registries.update({ ...council, isDefault: false }));
    expect(fieldKeys(refused)).toEqual({ isDefault: ["registry.keepOneDefault"] });
    const back = await admin.registries.update({
      id: old.id,
      version: oldNow!.version,
      name: old.name,
      kind: "incoming",
      isDefault: true,
    });
    expect(back.isDefault).toBe(true);
    expect((await registryOf(orgs.dinhcong!, "incoming")).id).toBe(old.id);
  });

  it("refuses a stale version, a default out of use, and a kind change once numbers were given", async () => {
    const admin = callerFor("quantri.dc");
    const book = await registryOf(orgs.dinhcong!, "outgoing");
    await take(book.id, new Date());
    const stale = await refusal(
      admin.registries.update({
        id: book.id,
        version: book.version + 5,
        name: book.name,
        kind: "outgoing",
        isDefault: true,
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    const error = await refusal(
      admin.registries.update({
        id: book.id,
        version: book.version,
        name: book.name,
        kind: "copy",
        isDefault: true,
        active: false,
      }),
    );
    expect(fieldKeys(error)).toEqual({
      isDefault: ["registry.keepOneDefault"],
      active: ["registry.defaultMustBeActive"],
      kind: ["registry.kindLocked"],
    });
    const renamed = await admin.registries.update({
      id: book.id,
      version: book.version,
      name: "Sổ đăng ký văn bản đi",
      kind: "outgoing",
      isDefault: true,
    });
    expect(renamed).toMatchObject({ name: "Sổ đăng ký văn bản đi", version: book.version + 1 });
    expect(renamed.lastNumber).toBeGreaterThan(0);
    const [event] = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, book.id), eq(auditEvent.action, "registry.updated")));
    expect(event?.data).toMatchObject({
      changes: { name: { from: "Sổ văn bản đi", to: "Sổ đăng ký văn bản đi" } },
    });
  });

  it("does not let an organisation's admin touch another organisation's book", async () => {
    const theirs = await registryOf(orgs.hoangliet!, "incoming");
    const before = await auditCount(orgs.hoangliet!);
    const error = await refusal(
      callerFor("quantri.dc").registries.update({
        id: theirs.id,
        version: theirs.version,
        name: "Chiếm quyền",
        kind: "incoming",
        isDefault: true,
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect((await registryOf(orgs.hoangliet!, "incoming")).name).toBe("Sổ văn bản đến");
    expect(await auditCount(orgs.hoangliet!)).toBe(before);
  });

  it("refuses registry management to a specialist and the list to nobody signed in", async () => {
    const error = await refusal(
      callerFor("chuyenvien.kt").registries.create({ name: "Sổ riêng", kind: "copy" }),
    );
    expect(error.code).toBe("FORBIDDEN");
    const anonymous = createCaller({ db, locale: "vi", session: null });
    expect((await refusal(anonymous.registries.list({}))).code).toBe("UNAUTHORIZED");
    const [{ n }] = (
      await db.execute<{ n: number }>(
        sql`select count(*)::int as n from registry where name = 'Sổ riêng'`,
      )
    ).rows as [{ n: number }];
    expect(n).toBe(0);
  });
});
