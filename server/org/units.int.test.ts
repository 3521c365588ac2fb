import { and, count, eq, sql } from "drizzle-orm";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { unit } from "@/db/schema/org";
import { seedDemo } from "@/db/seed/demo";
import { createCaller } from "@/server/api/root";
import { verifyAuditChain } from "@/server/audit/verify";
import type { AppError } from "@/server/errors";
import { freshDatabase } from "@/server/testing/test-db";
import { fieldKeys, refusal } from "@/server/testing/trpc";

let db: Db;
let pool: pg.Pool;
let orgs: Record<string, string>;
let users: Record<string, string>;

beforeAll(async () => {
  ({ db, pool } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
});

const callerFor = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });

async function counts(organisationId: string) {
  const [units] = await db
    .select({ n: count() })
    .from(unit)
    .where(eq(unit.organisationId, organisationId));
  const [events] = await db
    .select({ n: count() })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, organisationId));
  return { units: units!.n, events: events!.n };
}

async function unitByShortName(organisationId: string, shortName: string) {
  const [row] = await db
    .select()
    .from(unit)
    .where(and(eq(unit.organisationId, organisationId), eq(unit.shortName, shortName)));
  return row!;
}

describe("units", () => {
  it("lets the organisation admin create a unit, recorded in the organisation's audit chain", async () => {
    const admin = callerFor("quantri.dc");
    const created = await admin.units.create({ name: "  Phòng Tư pháp  ", shortName: " TP " });
    expect(created).toMatchObject({
      name: "Phòng Tư pháp",
      shortName: "TP",
      active: true,
      version: 1,
      activeUserCount: 0,
    });
    const list = await admin.units.list({});
    expect(list.map((u) => u.shortName)).toContain("TP");
    expect(list.find((u) => u.shortName === "KT")?.activeUserCount).toBe(2);
    const [event] = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, created.id), eq(auditEvent.action, "unit.created")));
    expect(event).toMatchObject({ organisationId: orgs.dinhcong, actorId: users["quantri.dc"] });
    expect(await verifyAuditChain(db, orgs.dinhcong!)).toMatchObject({ ok: true });
  });

  it("refuses a duplicate active unit name (ignoring case) on the name field and writes nothing", async () => {
    const before = await counts(orgs.dinhcong!);
    const error = await refusal(
      callerFor("quantri.dc").units.create({
        name: "phòng kinh tế, hạ tầng và đô thị",
        shortName: "KT2",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldKeys(error)).toEqual({ name: ["units.nameTaken"] });
    expect(await counts(orgs.dinhcong!)).toEqual(before);
  });

  it("turns the unique index violation of a concurrent insert into the same field error", async () => {
    const client = await pool.connect();
    try {
      // Another transaction inserts the same name and has not committed: the pre-check cannot see it.
      await client.query("begin");
      await client.query(
        "insert into unit (organisation_id, name, short_name) values ($1, $2, $3)",
        [orgs.dinhcong, "Phòng Y tế", "YT"],
      );
      const before = await counts(orgs.dinhcong!);
      const pending = refusal(
        callerFor("quantri.dc").units.create({ name: "Phòng Y tế", shortName: "YT2" }),
      );
      await waitForLockWait(client);
      await client.query("commit");
      const error = await pending;
      expect(fieldKeys(error)).toEqual({ name: ["units.nameTaken"] });
      expect((await counts(orgs.dinhcong!)).events).toBe(before.events);
    } finally {
      client.release();
    }
  });

  it("reports empty and over-long fields on the fields", async () => {
    const admin = callerFor("quantri.dc");
    const before = await counts(orgs.dinhcong!);
    const error = await refusal(admin.units.create({ name: "   ", shortName: "X".repeat(31) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldKeys(error)).toEqual({
      name: ["validation.required"],
      shortName: ["validation.tooLong"],
    });
    const tooLong = await refusal(admin.units.create({ name: "N".repeat(256), shortName: "" }));
    expect(fieldKeys(tooLong)).toEqual({
      name: ["validation.tooLong"],
      shortName: ["validation.required"],
    });
    expect(await counts(orgs.dinhcong!)).toEqual(before);
  });

  it("renames with the current version and refuses a stale one", async () => {
    const admin = callerFor("quantri.dc");
    const created = await admin.units.create({ name: "Tổ Một cửa", shortName: "MC" });
    const renamed = await admin.units.update({
      id: created.id,
      version: 1,
      name: "Bộ phận Một cửa",
      shortName: "MC",
    });
    expect(renamed).toMatchObject({ name: "Bộ phận Một cửa", version: 2 });
    const before = await counts(orgs.dinhcong!);
    const error = await refusal(
      admin.units.update({ id: created.id, version: 1, name: "Tên cũ", shortName: "MC" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect((error.cause as AppError).code).toBe("STALE");
    expect(await counts(orgs.dinhcong!)).toEqual(before);
    expect((await unitByShortName(orgs.dinhcong!, "MC")).name).toBe("Bộ phận Một cửa");
  });

  it("refuses to deactivate a unit with active users, and deactivates and reactivates an empty one", async () => {
    const admin = callerFor("quantri.dc");
    const kt = await unitByShortName(orgs.dinhcong!, "KT");
    const error = await refusal(
      admin.units.setActive({ id: kt.id, version: kt.version, active: false }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toMatchObject({ messageKey: "units.hasActiveUsers", params: { count: 2 } });
    expect((await unitByShortName(orgs.dinhcong!, "KT")).active).toBe(true);

    const empty = await admin.units.create({ name: "Ban Chỉ huy Quân sự", shortName: "QS" });
    const off = await admin.units.setActive({
      id: empty.id,
      version: empty.version,
      active: false,
    });
    expect(off).toMatchObject({ active: false, version: 2 });
    // With the old name free again, another active unit may take it; reactivating would then clash.
    const twin = await admin.units.create({ name: "Ban Chỉ huy Quân sự", shortName: "QS2" });
    const clash = await refusal(admin.units.setActive({ id: empty.id, version: 2, active: true }));
    expect(clash.cause).toMatchObject({
      code: "CONFLICT",
      messageKey: "units.nameTakenOnReactivate",
    });
    await admin.units.update({
      id: twin.id,
      version: 1,
      name: "Ban Chỉ huy Quân sự phường",
      shortName: "QS2",
    });
    expect(await admin.units.setActive({ id: empty.id, version: 2, active: true })).toMatchObject({
      active: true,
      version: 3,
    });
  });

  it("lets every member list units but refuses a specialist every change", async () => {
    const specialist = callerFor("chuyenvien.kt");
    expect((await specialist.units.list({})).length).toBeGreaterThanOrEqual(3);
    const kt = await unitByShortName(orgs.dinhcong!, "KT");
    const before = await counts(orgs.dinhcong!);
    const attempts = [
      () => specialist.units.create({ name: "Phòng mới", shortName: "PM" }),
      () =>
        specialist.units.update({
          id: kt.id,
          version: kt.version,
          name: "Đổi tên",
          shortName: "KT",
        }),
      () => specialist.units.setActive({ id: kt.id, version: kt.version, active: false }),
    ];
    for (const attempt of attempts) expect((await refusal(attempt())).code).toBe("FORBIDDEN");
    expect(await counts(orgs.dinhcong!)).toEqual(before);
  });

  it("treats another organisation's unit as missing and refuses to name another organisation", async () => {
    const admin = callerFor("quantri.dc");
    const hlUnit = await unitByShortName(orgs.hoangliet!, "KT");
    const before = await counts(orgs.hoangliet!);
    const update = await refusal(
      admin.units.update({
        id: hlUnit.id,
        version: hlUnit.version,
        name: "Chiếm",
        shortName: "KT",
      }),
    );
    expect(update.code).toBe("NOT_FOUND");
    const deactivate = await refusal(
      admin.units.setActive({ id: hlUnit.id, version: hlUnit.version, active: false }),
    );
    expect(deactivate.code).toBe("NOT_FOUND");
    // Naming the other organisation outright is refused before anything is looked up.
    expect((await refusal(admin.units.list({ organisationId: orgs.hoangliet }))).code).toBe(
      "FORBIDDEN",
    );
    const create = admin.units.create({
      organisationId: orgs.hoangliet,
      name: "Phòng lạ",
      shortName: "PL",
    });
    expect((await refusal(create)).code).toBe("FORBIDDEN");
    expect(await counts(orgs.hoangliet!)).toEqual(before);
    expect(await unitByShortName(orgs.hoangliet!, "KT")).toEqual(hlUnit);
  });

  it("lets a deployment admin manage the units of any organisation, in that organisation's chain", async () => {
    const deploymentAdmin = callerFor("quantri");
    const before = await counts(orgs.hoangliet!);
    const created = await deploymentAdmin.units.create({
      organisationId: orgs.hoangliet,
      name: "Phòng Văn hóa - Xã hội",
      shortName: "VHXH",
    });
    expect(
      (await deploymentAdmin.units.list({ organisationId: orgs.hoangliet })).map((u) => u.id),
    ).toContain(created.id);
    expect(await counts(orgs.hoangliet!)).toEqual({
      units: before.units + 1,
      events: before.events + 1,
    });
    expect(await verifyAuditChain(db, orgs.hoangliet!)).toMatchObject({ ok: true });
  });
});

/** Waits until some other backend is blocked on a lock (here: the uncommitted unique index entry). */
async function waitForLockWait(client: pg.PoolClient): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await client.query("rollback");
  throw new Error("the competing insert never waited on the lock");
}
