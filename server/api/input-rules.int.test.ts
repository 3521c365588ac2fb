// Finding: five kinds of input reached PostgreSQL, which refused them, and the user saw "something
// went wrong" (a 500). Each kind is now refused first, as a field error that says what is wrong,
// and changes nothing; one test per kind, over every procedure where the kind was found.
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { document } from "@/db/schema/documents";
import { unit } from "@/db/schema/org";
import { registry } from "@/db/schema/registry";
import { appUser } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import { encodeCursor } from "@/server/inbox/cursors";
import { freshDatabase } from "@/server/testing/test-db";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { createCaller } from "./root";

let db: Db;
let users: Record<string, string>;
const someId = "6f1c2b1e-8d3a-4c55-9a0e-3b7d2f4c1a90";

type Caller = ReturnType<typeof createCaller>;
const callerOf = (username: string): Caller =>
  createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });

/** Row counts of what a refused call must not have touched. */
async function counts() {
  const n = async (table: typeof document | typeof appUser | typeof unit | typeof registry) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  const events = (await db.select({ n: count() }).from(auditEvent))[0]!.n;
  return {
    documents: await n(document),
    users: await n(appUser),
    units: await n(unit),
    registries: await n(registry),
    events,
  };
}

/** Refused as a bad request, with `key` on some field, and nothing changed. */
async function expectRefused(call: () => Promise<unknown>, key: string, label: string) {
  const before = await counts();
  const error = await refusal(call());
  expect(error.code, label).toBe("BAD_REQUEST");
  expect(Object.values(fieldKeys(error)).flat(), label).toContain(key);
  expect(await counts(), label).toEqual(before);
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ users } = await seedDemo(db));
});

const receipt = {
  issuerName: "Sở Nội vụ",
  codeNumber: "12",
  codeNotation: "SNV-VP",
  documentType: "cong_van" as const,
  subject: "Về việc báo cáo",
  documentDate: "2026-11-02",
  files: [{ sha256: "a".repeat(64), fileName: "a.pdf", kind: "main" as const }],
};

describe("input PostgreSQL would refuse is refused first, with a message", () => {
  it("a NUL (or other control) character in any text", async () => {
    const nul = "Phường\u0000Định Công";
    const clerk = () => callerOf("vanthu.dc");
    const admin = () => callerOf("quantri.dc");
    const key = "validation.controlCharacters";
    const cases: [string, () => Promise<unknown>][] = [
      ["issuer search", () => clerk().reception.issuers({ query: nul })],
      [
        "user name",
        () =>
          admin().users.create({
            username: "nguoi.moi",
            fullName: nul,
            roles: ["specialist"],
            password: "MatKhau2026x",
          }),
      ],
      ["user search", () => admin().users.list({ query: nul })],
      ["unit name", () => admin().units.create({ name: nul, shortName: "X" })],
      ["registry name", () => admin().registries.create({ name: nul, kind: "incoming" })],
      [
        "note",
        () =>
          callerOf("chutich.dc").incoming.act({
            documentId: someId,
            version: 1,
            input: { action: "addNote", note: nul },
          }),
      ],
      ["subject", () => clerk().reception.receive({ ...receipt, subject: nul })],
      ["code", () => clerk().reception.receive({ ...receipt, codeNumber: "1\u0000" })],
      ["search words", () => clerk().search.documents({ q: nul })],
      ["search issuer", () => clerk().search.documents({ issuer: nul })],
      [
        "organisation code",
        () =>
          callerOf("quantri").orgTree.create({
            code: "000.00.00.H\u000001",
            name: "A",
            shortName: "A",
            level: "commune",
            parentId: null,
            validFrom: "2026-01-01",
          }),
      ],
    ];
    for (const [label, call] of cases) await expectRefused(call, key, label);
    // A textarea keeps its newlines; only control characters are refused.
    await expectRefused(
      () =>
        callerOf("chutich.dc").incoming.act({
          documentId: someId,
          version: 1,
          input: { action: "addNote", note: "Dòng 1\nDòng 2\u0007" },
        }),
      key,
      "bell in a note",
    );
  });

  it("the year 0000, or any year outside 1900–2100, in any date", async () => {
    const clerk = () => callerOf("vanthu.dc");
    const key = "validation.dateYearRange";
    const cases: [string, () => Promise<unknown>][] = [
      [
        "handling report",
        () => callerOf("chutich.dc").reports.handling({ from: "0000-01-01", to: "2026-01-31" }),
      ],
      [
        "registry book",
        () => clerk().reports.registryBook({ from: "2026-01-01", to: "0000-12-31" }),
      ],
      ["search", () => clerk().search.documents({ from: "0000-01-01" })],
      [
        "duplicate check",
        () =>
          clerk().reception.checkDuplicate({
            issuerName: "Sở Nội vụ",
            codeNumber: "12",
            documentDate: "0000-03-01",
          }),
      ],
      ["reception", () => clerk().reception.receive({ ...receipt, documentDate: "0000-11-02" })],
      ["deadline", () => clerk().reception.receive({ ...receipt, deadline: "9999-12-31" })],
      [
        "closing date",
        () =>
          callerOf("quantri").orgTree.close({
            id: someId,
            version: 1,
            date: "1899-12-31",
            reason: "Sáp nhập",
          }),
      ],
    ];
    for (const [label, call] of cases) await expectRefused(call, key, label);
  });

  it("a forged cursor holding the year 0000 or a time PostgreSQL cannot read", async () => {
    const key = "inbox.invalidCursor";
    const inbox = encodeCursor(["to_handle", "normal", "0000-01-01", someId]);
    const search = encodeCursor(["0000-01-01", 5, someId]);
    // JavaScript's Date.parse reads "1" as the year 2001; PostgreSQL reads no time in it.
    const clerkBox = encodeCursor(["normal", "1", someId]);
    await expectRefused(
      () => callerOf("chuyenvien.kt").inbox.list({ box: "to_handle", cursor: inbox }),
      key,
      "inbox",
    );
    await expectRefused(
      () => callerOf("vanthu.dc").search.documents({ cursor: search }),
      key,
      "search",
    );
    await expectRefused(
      () => callerOf("vanthu.dc").inbox.clerkBox({ box: "to_register", cursor: clerkBox }),
      key,
      "clerk box",
    );
    await expectRefused(
      () => callerOf("vanthu.dc").inbox.clerkBox({ box: "to_register", cursor: "not base64!" }),
      key,
      "not a cursor",
    );
  });

  it("a number beyond PostgreSQL's integer, in a book's cursor or a version", async () => {
    const key = "validation.tooBig";
    await expectRefused(
      () =>
        callerOf("vanthu.dc").reports.registryBook({
          from: "2026-01-01",
          to: "2026-12-31",
          cursor: { period: "2026", number: 2 ** 31 },
        }),
      key,
      "registry book cursor",
    );
    await expectRefused(
      () =>
        callerOf("chutich.dc").incoming.act({
          documentId: someId,
          version: 2 ** 31,
          input: { action: "markRead" },
        }),
      key,
      "version",
    );
    await expectRefused(
      () => callerOf("quantri.dc").audit.list({ cursor: 2 ** 60 }),
      key,
      "audit cursor",
    );
  });

  it("search text that accent removal turns into query syntax is searched for, not an error", async () => {
    for (const q of ["ʼ", "ː", "⑴⑵", "quyết địnhʼ", "'", "\\", "a:*", "!(b)"]) {
      const page = await callerOf("vanthu.dc").search.documents({ q });
      expect(page.items, q).toEqual([]);
    }
  });
});
