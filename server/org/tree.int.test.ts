import type { TRPCError } from "@trpc/server";
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { organisation, unit } from "@/db/schema/org";
import { appUser, userRole } from "@/db/schema/users";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { vietnamToday } from "@/lib/dates";
import { createCaller } from "../api/root";
import { verifyAuditChain } from "../audit/verify";
import { authenticate } from "../auth/authenticate";
import { loadActor } from "../authz/actor";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { freshDatabase } from "../testing/test-db";
import { listOrganisationTree } from "./tree";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
});

const as = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });

async function orgRow(id: string) {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
  return row!;
}

async function auditActions(organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ action: auditEvent.action })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, organisationId))
    .orderBy(auditEvent.seq);
  return rows.map((r) => r.action);
}

async function totals() {
  const [orgCount] = await db.select({ n: count() }).from(organisation);
  const [auditCount] = await db.select({ n: count() }).from(auditEvent);
  return { organisations: orgCount!.n, auditEvents: auditCount!.n };
}

/** Resolves once some session is waiting for a lock (here: the unique index entry). */
async function waitForLockWait() {
  for (let i = 0; i < 200; i++) {
    const r = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_locks where not granted`,
    );
    if (r.rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("no session started waiting for a lock");
}

const appCode = (error: TRPCError) => (error.cause instanceof AppError ? error.cause.code : null);
const messageKey = (error: TRPCError) =>
  error.cause instanceof AppError ? error.cause.messageKey : null;

describe("organisation tree, as the deployment admin", () => {
  it("creates, renames, moves and closes an organisation, each step in its audit chain", async () => {
    const admin = as("quantri");
    const created = await admin.orgTree.create({
      code: " 000.12.28.h26 ",
      name: "  Ủy ban nhân dân phường Thử Nghiệm ",
      shortName: "UBND",
      level: "commune",
      parentId: orgs.hoangmai!,
      validFrom: "2025-07-01",
    });
    let row = await orgRow(created.id);
    expect(row).toMatchObject({
      code: "000.12.28.H26",
      name: "Ủy ban nhân dân phường Thử Nghiệm",
      parentId: orgs.hoangmai,
      status: "active",
      version: 1,
    });

    await admin.orgTree.update({
      id: row.id,
      version: 1,
      code: "000.12.28.H26",
      name: "Ủy ban nhân dân phường Thử Nghiệm Mới",
      shortName: "UBND",
    });
    row = await orgRow(created.id);
    expect(row).toMatchObject({ name: "Ủy ban nhân dân phường Thử Nghiệm Mới", version: 2 });

    // Since the 2025 reform a commune may sit directly under the province.
    await admin.orgTree.move({ id: row.id, version: 2, parentId: orgs.hanoi! });
    row = await orgRow(created.id);
    expect(row).toMatchObject({ parentId: orgs.hanoi, version: 3 });

    const today = vietnamToday();
    await admin.orgTree.close({
      id: row.id,
      version: 3,
      date: today,
      reason: "Nghị quyết số 1656/NQ-UBTVQH15",
    });
    row = await orgRow(created.id);
    expect(row).toMatchObject({ status: "closed", validTo: today, version: 4 });

    const listed = (await admin.orgTree.list()).find((o) => o.id === created.id);
    expect(listed).toMatchObject({
      status: "closed",
      validTo: today,
      activeUsers: 0,
      activeUnits: 0,
    });
    expect(await auditActions(created.id)).toEqual([
      "organisation.created",
      "organisation.updated",
      "organisation.moved",
      "organisation.closed",
    ]);
    expect(await verifyAuditChain(db, created.id)).toMatchObject({ ok: true, events: 4 });

    // A closed organisation keeps its code in history; the code is free for an active one.
    const again = await admin.orgTree.create({
      code: "000.12.28.H26",
      name: "Ủy ban nhân dân phường Thử Nghiệm Hai",
      shortName: "UBND",
      level: "commune",
      parentId: orgs.hanoi!,
      validFrom: today,
    });
    expect((await orgRow(again.id)).status).toBe("active");
  });

  it("lists every organisation with a parent before its children", async () => {
    const list = await as("quantri").orgTree.list();
    const seen = new Set<string>();
    for (const o of list) {
      if (o.parentId) expect(seen.has(o.parentId)).toBe(true);
      seen.add(o.id);
    }
    expect(list.find((o) => o.id === orgs.dinhcong)).toMatchObject({
      activeUsers: 8,
      activeUnits: 3,
      level: "commune",
    });
  });

  it("refuses a malformed or taken code on the code field and writes nothing", async () => {
    const admin = as("quantri");
    const before = await totals();
    const base = {
      name: "Ủy ban nhân dân xã Thử",
      shortName: "UBND",
      level: "commune" as const,
      parentId: orgs.nghean!,
      validFrom: "2025-07-01",
    };
    for (const code of [
      "00.00.00.H26",
      "000.00.00.26H",
      "000.00.00.H4",
      "000-00-00-H40",
      "000.00.00.HH1",
    ]) {
      const error = await refusal(admin.orgTree.create({ ...base, code }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldKeys(error)).toEqual({ code: ["orgTree.codeFormat"] });
    }
    const taken = await refusal(admin.orgTree.create({ ...base, code: "000.10.28.H26" }));
    expect(fieldKeys(taken)).toEqual({ code: ["orgTree.codeTaken"] });
    expect(translate("vi", "orgTree.codeTaken")).toMatch(/Mã định danh/);

    const hoangliet = await orgRow(orgs.hoangliet!);
    const takenOnRename = await refusal(
      admin.orgTree.update({
        id: hoangliet.id,
        version: hoangliet.version,
        code: "000.10.28.H26",
        name: hoangliet.name,
        shortName: "UBND",
      }),
    );
    expect(fieldKeys(takenOnRename)).toEqual({ code: ["orgTree.codeTaken"] });
    expect(await totals()).toEqual(before);
  });

  it("turns a concurrent insert of the same code into the same field error", async () => {
    const code = "000.20.35.H40";
    const values = {
      shortName: "UBND",
      level: "commune" as const,
      parentId: orgs.nghean!,
      validFrom: "2025-07-01",
    };
    // Another transaction has inserted the code but not committed: the service's own check
    // cannot see it, so only the unique index can stop the second insert.
    let commit!: () => void;
    let inserted!: () => void;
    const insertDone = new Promise<void>((resolve) => (inserted = resolve));
    const other = db.transaction(async (tx) => {
      await tx
        .insert(organisation)
        .values({ ...values, code, name: "Ủy ban nhân dân xã Song Song" });
      inserted();
      await new Promise<void>((resolve) => (commit = resolve));
    });
    await insertDone;
    const attempt = refusal(
      as("quantri").orgTree.create({ ...values, code, name: "Ủy ban nhân dân xã Song Song Hai" }),
    );
    await waitForLockWait();
    commit();
    await other;
    const error = await attempt;
    expect(fieldKeys(error)).toEqual({ code: ["orgTree.codeTaken"] });
    const rows = await db
      .select({ name: organisation.name })
      .from(organisation)
      .where(eq(organisation.code, code));
    expect(rows).toEqual([{ name: "Ủy ban nhân dân xã Song Song" }]);
  });

  it("refuses a stale version", async () => {
    const admin = as("quantri");
    const namdan = await orgRow(orgs.namdan!);
    await admin.orgTree.update({
      id: namdan.id,
      version: namdan.version,
      code: namdan.code,
      name: "Ủy ban nhân dân xã Nam Đàn (mới)",
      shortName: "UBND",
    });
    const error = await refusal(
      admin.orgTree.update({
        id: namdan.id,
        version: namdan.version,
        code: namdan.code,
        name: "Ủy ban nhân dân xã Nam Đàn",
        shortName: "UBND",
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(appCode(error)).toBe("STALE");
    expect((await orgRow(namdan.id)).name).toBe("Ủy ban nhân dân xã Nam Đàn (mới)");
  });

  it("refuses moves that would break the tree", async () => {
    const admin = as("quantri");
    const hoangmai = await orgRow(orgs.hoangmai!);
    const underDescendant = await refusal(
      admin.orgTree.move({ id: hoangmai.id, version: hoangmai.version, parentId: orgs.dinhcong! }),
    );
    expect(fieldKeys(underDescendant)).toEqual({ parentId: ["orgTree.moveUnderDescendant"] });
    const underItself = await refusal(
      admin.orgTree.move({ id: hoangmai.id, version: hoangmai.version, parentId: hoangmai.id }),
    );
    expect(fieldKeys(underItself)).toEqual({ parentId: ["orgTree.moveUnderItself"] });
    const underLowerLevel = await refusal(
      admin.orgTree.move({ id: hoangmai.id, version: hoangmai.version, parentId: orgs.namdan! }),
    );
    expect(fieldKeys(underLowerLevel)).toEqual({ parentId: ["orgTree.levelBelowParent"] });
    expect(await orgRow(hoangmai.id)).toMatchObject({
      parentId: orgs.hanoi,
      version: hoangmai.version,
    });
  });

  it("refuses to close an organisation that still has active children or users", async () => {
    const admin = as("quantri");
    const date = vietnamToday();
    const hoangmai = await orgRow(orgs.hoangmai!);
    const withChildren = await refusal(
      admin.orgTree.close({ id: hoangmai.id, version: hoangmai.version, date, reason: "Thử" }),
    );
    expect(withChildren.code).toBe("CONFLICT");
    expect(messageKey(withChildren)).toBe("orgTree.closeHasChildren");
    const dinhcong = await orgRow(orgs.dinhcong!);
    const withUsers = await refusal(
      admin.orgTree.close({ id: dinhcong.id, version: dinhcong.version, date, reason: "Thử" }),
    );
    expect(messageKey(withUsers)).toBe("orgTree.closeHasUsers");
    expect(translate("vi", "orgTree.closeHasUsers", { count: 8 })).toMatch(/8 người dùng/);
    expect((await orgRow(dinhcong.id)).status).toBe("active");
  });

  it("refuses to merge an organisation into its own descendant", async () => {
    const hoangmai = await orgRow(orgs.hoangmai!);
    const error = await refusal(
      as("quantri").orgTree.merge({
        sourceId: hoangmai.id,
        targetId: orgs.dinhcong!,
        version: hoangmai.version,
        date: vietnamToday(),
      }),
    );
    expect(fieldKeys(error)).toEqual({ targetId: ["orgTree.mergeIntoDescendant"] });
  });

  it("merges Phường Hoàng Liệt into Phường Định Công: users, units and roles move, history stays", async () => {
    const source = await orgRow(orgs.hoangliet!);
    const date = vietnamToday();
    const result = await as("quantri").orgTree.merge({
      sourceId: source.id,
      targetId: orgs.dinhcong!,
      version: source.version,
      date,
    });
    expect(result).toMatchObject({ movedUsers: 2, movedUnits: 2, renamedUnits: 2, movedRoles: 2 });

    expect(await orgRow(source.id)).toMatchObject({
      status: "merged",
      mergedIntoId: orgs.dinhcong,
      validTo: date,
    });
    const moved = await db
      .select({
        organisationId: appUser.organisationId,
        unitOrg: unit.organisationId,
        unitName: unit.name,
      })
      .from(appUser)
      .leftJoin(unit, eq(unit.id, appUser.unitId))
      .where(eq(appUser.id, users["vanthu.hl"]!));
    expect(moved[0]).toEqual({
      organisationId: orgs.dinhcong,
      unitOrg: orgs.dinhcong,
      unitName: "Văn phòng HĐND và UBND phường (Ủy ban nhân dân phường Hoàng Liệt)",
    });
    const [sourceUnits] = await db
      .select({ n: count() })
      .from(unit)
      .where(eq(unit.organisationId, source.id));
    expect(sourceUnits!.n).toBe(0);
    const [sourceRoles] = await db
      .select({ n: count() })
      .from(userRole)
      .where(eq(userRole.organisationId, source.id));
    expect(sourceRoles!.n).toBe(0);
    const [clerkRole] = await db
      .select({ n: count() })
      .from(userRole)
      .where(
        and(
          eq(userRole.userId, users["vanthu.hl"]!),
          eq(userRole.organisationId, orgs.dinhcong!),
          eq(userRole.role, "clerk"),
        ),
      );
    expect(clerkRole!.n).toBe(1);

    const signIn = await authenticate(db, "vanthu.hl", DEMO_PASSWORD);
    expect(signIn.ok).toBe(true);
    const actor = await loadActor(db, { userId: users["vanthu.hl"]!, sessionEpoch: 1 });
    expect(actor).toMatchObject({ organisationId: orgs.dinhcong, roles: ["clerk"] });

    expect((await auditActions(source.id)).at(-1)).toBe("organisation.merged");
    expect((await auditActions(orgs.dinhcong!)).at(-1)).toBe("organisation.absorbed");
    expect(await verifyAuditChain(db, source.id)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db, orgs.dinhcong!)).toMatchObject({ ok: true });

    const listed = (await as("quantri").orgTree.list()).find((o) => o.id === source.id);
    expect(listed).toMatchObject({
      status: "merged",
      mergedIntoName: "Ủy ban nhân dân phường Định Công",
      activeUsers: 0,
    });

    const merged = await orgRow(source.id);
    const again = await refusal(
      as("quantri").orgTree.merge({
        sourceId: source.id,
        targetId: orgs.namdan!,
        version: merged.version,
        date,
      }),
    );
    expect(messageKey(again)).toBe("orgTree.notActive");
  });
});

describe("organisation tree, as anyone else", () => {
  for (const username of ["quantri.dc", "chuyenvien.kt"]) {
    it(`refuses every procedure to ${username} with FORBIDDEN`, async () => {
      const caller = as(username);
      const own = await orgRow(orgs.dinhcong!);
      const before = await totals();
      const date = vietnamToday();
      const calls: (() => Promise<unknown>)[] = [
        () => caller.orgTree.list(),
        () =>
          caller.orgTree.create({
            code: "000.30.28.H26",
            name: "Phường Mới",
            shortName: "UBND",
            level: "commune",
            parentId: orgs.hoangmai!,
            validFrom: date,
          }),
        () =>
          caller.orgTree.update({
            id: own.id,
            version: own.version,
            code: own.code,
            name: "Phường Đổi Tên",
            shortName: "UBND",
          }),
        () => caller.orgTree.move({ id: own.id, version: own.version, parentId: orgs.hanoi! }),
        () => caller.orgTree.close({ id: own.id, version: own.version, date, reason: "Thử" }),
        () =>
          caller.orgTree.merge({
            sourceId: own.id,
            targetId: orgs.namdan!,
            version: own.version,
            date,
          }),
      ];
      for (const call of calls) expect((await refusal(call())).code).toBe("FORBIDDEN");
      expect(await totals()).toEqual(before);
      expect(await orgRow(own.id)).toEqual(own);
    });
  }

  it("is refused by the service itself, not only by the procedure", async () => {
    const actor = await loadActor(db, { userId: users["quantri.dc"]!, sessionEpoch: 1 });
    await expect(listOrganisationTree(db, actor!)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
