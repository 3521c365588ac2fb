import { and, count, eq, sql } from "drizzle-orm";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { unit } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { createCaller } from "@/server/api/root";
import { authenticate, LOCK_THRESHOLD } from "@/server/auth/authenticate";
import { loadActor } from "@/server/authz/actor";
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

const TEMP_PASSWORD = "TamThoi2026x";

const callerFor = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });
const admin = () => callerFor("quantri.dc");

async function counts(organisationId: string) {
  const [people] = await db
    .select({ n: count() })
    .from(appUser)
    .where(eq(appUser.organisationId, organisationId));
  const [events] = await db
    .select({ n: count() })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, organisationId));
  return { users: people!.n, events: events!.n };
}

const userRow = async (id: string) =>
  (await db.select().from(appUser).where(eq(appUser.id, id)))[0]!;

async function unitId(organisationKey: string, shortName: string): Promise<string> {
  const [row] = await db
    .select({ id: unit.id })
    .from(unit)
    .where(and(eq(unit.organisationId, orgs[organisationKey]!), eq(unit.shortName, shortName)));
  return row!.id;
}

const newUser = async (username: string, extra: Record<string, unknown> = {}) =>
  admin().users.create({
    username,
    fullName: `Người dùng ${username}`,
    jobTitle: "Chuyên viên",
    unitId: await unitId("dinhcong", "VHXH"),
    roles: ["specialist"],
    password: TEMP_PASSWORD,
    ...extra,
  });

describe("users: creating", () => {
  it("creates a user who can sign in and must change the password; the audit event holds no hash", async () => {
    const created = await admin().users.create({
      username: " Nguyen.Van.An ",
      fullName: "  Nguyễn Văn An ",
      email: "an.nv@hanoi.gov.vn",
      jobTitle: "Chuyên viên",
      unitId: await unitId("dinhcong", "KT"),
      roles: ["specialist", "clerk", "specialist"],
      password: TEMP_PASSWORD,
    });
    expect(created).toMatchObject({
      username: "nguyen.van.an",
      fullName: "Nguyễn Văn An",
      unitName: "Phòng Kinh tế, Hạ tầng và Đô thị",
      roles: ["clerk", "specialist"],
      mustChangePassword: true,
      active: true,
      version: 1,
    });
    const result = await authenticate(db, "nguyen.van.an", TEMP_PASSWORD);
    expect(result).toMatchObject({ ok: true, userId: created.id });
    const actor = await loadActor(db, { userId: created.id, sessionEpoch: 1 });
    expect(actor).toMatchObject({
      mustChangePassword: true,
      roles: expect.arrayContaining(["clerk", "specialist"]),
    });
    const events = await db.select().from(auditEvent).where(eq(auditEvent.entityId, created.id));
    expect(events.map((e) => e.action)).toEqual(["user.created"]);
    expect(events[0]!.organisationId).toBe(orgs.dinhcong);
    expect(JSON.stringify(events[0]!.data)).not.toMatch(/argon2|TamThoi/);
  });

  it("refuses a duplicate username or e-mail (ignoring case) on the field and writes nothing", async () => {
    const before = await counts(orgs.dinhcong!);
    const username = await refusal(newUser("CHUYENVIEN.KT"));
    expect(username.code).toBe("BAD_REQUEST");
    expect(fieldKeys(username)).toEqual({ username: ["users.usernameTaken"] });
    // Usernames are unique across the deployment, not only within one organisation.
    expect(fieldKeys(await refusal(newUser("vanthu.hl")))).toEqual({
      username: ["users.usernameTaken"],
    });
    const email = await refusal(newUser("nguoi.moi", { email: "VanThu.DinhCong@hanoi.gov.vn" }));
    expect(fieldKeys(email)).toEqual({ email: ["users.emailTaken"] });
    expect(await counts(orgs.dinhcong!)).toEqual(before);
  });

  it("turns the unique index violation of a concurrent insert into the username field error", async () => {
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query(
        "insert into app_user (organisation_id, username, full_name, password_hash) values ($1, 'dong.thoi', 'Đồng Thời', 'x')",
        [orgs.dinhcong],
      );
      const before = await counts(orgs.dinhcong!);
      const pending = refusal(newUser("dong.thoi"));
      await waitForLockWait(client);
      await client.query("commit");
      expect(fieldKeys(await pending)).toEqual({ username: ["users.usernameTaken"] });
      expect(await counts(orgs.dinhcong!)).toEqual({
        users: before.users + 1,
        events: before.events,
      });
    } finally {
      client.release();
    }
  });

  it("reports empty, malformed and over-long fields on the fields", async () => {
    const before = await counts(orgs.dinhcong!);
    const empty = await refusal(
      admin().users.create({
        username: "",
        fullName: " ",
        jobTitle: "",
        roles: [],
        password: "ngan",
      }),
    );
    expect(fieldKeys(empty)).toEqual({
      username: ["validation.required"],
      fullName: ["validation.required"],
      roles: ["validation.required"],
      password: ["auth.passwordRule"],
    });
    const malformed = await refusal(
      admin().users.create({
        username: "nguyễn văn a",
        fullName: "N".repeat(256),
        email: "khong-phai-email",
        jobTitle: "C".repeat(256),
        roles: ["specialist"],
        password: TEMP_PASSWORD,
      }),
    );
    expect(fieldKeys(malformed)).toEqual({
      username: ["users.usernameFormat"],
      fullName: ["validation.tooLong"],
      email: ["validation.email"],
      jobTitle: ["validation.tooLong"],
    });
    expect(await counts(orgs.dinhcong!)).toEqual(before);
  });

  it("only puts users in an active unit of the same organisation", async () => {
    const closedUnit = await admin().units.create({
      name: "Tổ công tác tạm thời",
      shortName: "TCT",
    });
    await admin().units.setActive({ id: closedUnit.id, version: 1, active: false });
    expect(fieldKeys(await refusal(newUser("o.don.vi.dong", { unitId: closedUnit.id })))).toEqual({
      unitId: ["users.unitInactive"],
    });
    const foreign = await refusal(
      newUser("o.don.vi.khac", { unitId: await unitId("hoangliet", "KT") }),
    );
    const missing = await refusal(
      newUser("o.don.vi.khac", { unitId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(fieldKeys(foreign)).toEqual({ unitId: ["users.unitNotFound"] });
    expect(fieldKeys(missing)).toEqual(fieldKeys(foreign));
  });

  it("lets only a deployment admin grant the deployment admin role", async () => {
    const error = await refusal(newUser("tu.phong", { roles: ["admin", "deployment_admin"] }));
    expect(fieldKeys(error)).toEqual({ roles: ["users.deploymentAdminOnly"] });
    const granted = await callerFor("quantri").users.create({
      organisationId: orgs.dinhcong,
      username: "quantri.phu",
      fullName: "Quản Trị Phụ",
      roles: ["deployment_admin"],
      password: TEMP_PASSWORD,
    });
    expect(granted.roles).toEqual(["deployment_admin"]);
    // An organisation admin may not edit, deactivate or reset such an account.
    const edit = await refusal(admin().users.update({ ...editable(granted), roles: ["admin"] }));
    expect(edit.code).toBe("FORBIDDEN");
    const reset = await refusal(
      admin().users.resetPassword({ id: granted.id, password: TEMP_PASSWORD }),
    );
    expect(reset.code).toBe("FORBIDDEN");
  });
});

describe("users: editing and access", () => {
  it("updates with the current version, raises it, records the changes, and refuses a stale version", async () => {
    const user = await newUser("sua.thong.tin");
    const updated = await admin().users.update({
      ...editable(user),
      fullName: "Trần Thị Sửa",
      jobTitle: "Phó Trưởng phòng",
      roles: ["unit_head", "specialist"],
    });
    expect(updated).toMatchObject({
      fullName: "Trần Thị Sửa",
      version: 2,
      roles: ["specialist", "unit_head"],
    });
    const [event] = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, user.id), eq(auditEvent.action, "user.updated")));
    expect(event!.data).toMatchObject({
      changes: { fullName: { to: "Trần Thị Sửa" }, roles: { to: ["specialist", "unit_head"] } },
    });
    const before = await counts(orgs.dinhcong!);
    const error = await refusal(admin().users.update({ ...editable(user), fullName: "Ghi đè" }));
    expect(error.code).toBe("CONFLICT");
    expect((error.cause as AppError).code).toBe("STALE");
    expect(await counts(orgs.dinhcong!)).toEqual(before);
    expect((await userRow(user.id)).fullName).toBe("Trần Thị Sửa");
  });

  it("keeps an admin from removing their own admin role or deactivating themselves", async () => {
    const me = await admin().users.get({ id: users["quantri.dc"]! });
    const demote = await refusal(admin().users.update({ ...editable(me), roles: ["specialist"] }));
    expect(fieldKeys(demote)).toEqual({ roles: ["users.cannotRemoveOwnAdmin"] });
    const off = await refusal(
      admin().users.setActive({ id: me.id, version: me.version, active: false }),
    );
    expect(off.cause).toMatchObject({ code: "CONFLICT", messageKey: "users.cannotDeactivateSelf" });
    expect(await userRow(me.id)).toMatchObject({ active: true, version: me.version });
  });

  it("deactivation ends the user's sessions at once and sign-in then says inactive; reactivation restores it", async () => {
    const user = await newUser("nghi.viec");
    const session = { userId: user.id, sessionEpoch: (await userRow(user.id)).sessionEpoch };
    expect(await loadActor(db, session)).not.toBeNull();
    const off = await admin().users.setActive({
      id: user.id,
      version: user.version,
      active: false,
    });
    expect(off).toMatchObject({ active: false, version: 2 });
    expect((await userRow(user.id)).sessionEpoch).toBe(session.sessionEpoch + 1);
    expect(await loadActor(db, session)).toBeNull();
    expect(await authenticate(db, "nghi.viec", TEMP_PASSWORD)).toEqual({
      ok: false,
      reason: "inactive",
    });
    await admin().users.setActive({ id: user.id, version: 2, active: true });
    expect(await authenticate(db, "nghi.viec", TEMP_PASSWORD)).toMatchObject({ ok: true });
  });

  it("resetting a password sets a temporary one, unlocks the account and ends old sessions", async () => {
    const user = await newUser("quen.mat.khau");
    const oldEpoch = (await userRow(user.id)).sessionEpoch;
    for (let i = 0; i < LOCK_THRESHOLD; i++)
      await authenticate(db, "quen.mat.khau", "sai-mat-khau-1");
    expect(await authenticate(db, "quen.mat.khau", TEMP_PASSWORD)).toMatchObject({
      ok: false,
      reason: "locked",
    });
    const reset = await admin().users.resetPassword({ id: user.id, password: "MatKhauMoi2026" });
    expect(reset).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect(await userRow(user.id)).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
      sessionEpoch: oldEpoch + 1,
    });
    expect(await loadActor(db, { userId: user.id, sessionEpoch: oldEpoch })).toBeNull();
    expect(await authenticate(db, "quen.mat.khau", TEMP_PASSWORD)).toMatchObject({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate(db, "quen.mat.khau", "MatKhauMoi2026")).toMatchObject({ ok: true });
    const [event] = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, user.id), eq(auditEvent.action, "user.passwordReset")));
    expect(JSON.stringify(event!.data)).not.toMatch(/argon2|MatKhau/);
  });

  it("refuses a specialist every user procedure, and changes nothing", async () => {
    const specialist = callerFor("chuyenvien.kt");
    const target = await userRow(users["chuyenvien.vhxh"]!);
    const before = await counts(orgs.dinhcong!);
    const attempts = [
      () => specialist.users.list({}),
      () => specialist.users.get({ id: target.id }),
      () =>
        specialist.users.create({
          username: "lam.quyen",
          fullName: "Lạm Quyền",
          roles: ["admin"],
          password: TEMP_PASSWORD,
        }),
      () =>
        specialist.users.update({
          ...editable({ ...target, roles: ["specialist"] }),
          roles: ["admin"],
        }),
      () => specialist.users.setActive({ id: target.id, version: target.version, active: false }),
      () => specialist.users.resetPassword({ id: target.id, password: TEMP_PASSWORD }),
    ];
    for (const attempt of attempts) expect((await refusal(attempt())).code).toBe("FORBIDDEN");
    expect(await counts(orgs.dinhcong!)).toEqual(before);
    expect(await userRow(target.id)).toEqual(target);
  });

  it("treats another organisation's users as missing and refuses to name another organisation", async () => {
    const foreign = await userRow(users["vanthu.hl"]!);
    const before = await counts(orgs.hoangliet!);
    const foreignInput = { id: foreign.id, version: foreign.version };
    const attempts = [
      () => admin().users.get({ id: foreign.id }),
      () =>
        admin().users.update({ ...editable({ ...foreign, roles: ["clerk"] }), roles: ["admin"] }),
      () => admin().users.setActive({ ...foreignInput, active: false }),
      () => admin().users.resetPassword({ id: foreign.id, password: TEMP_PASSWORD }),
    ];
    for (const attempt of attempts) expect((await refusal(attempt())).code).toBe("NOT_FOUND");
    const named = [
      () => admin().users.list({ organisationId: orgs.hoangliet }),
      () => admin().users.get({ organisationId: orgs.hoangliet, id: foreign.id }),
      () =>
        admin().users.setActive({ organisationId: orgs.hoangliet, ...foreignInput, active: false }),
    ];
    for (const attempt of named) expect((await refusal(attempt())).code).toBe("FORBIDDEN");
    expect(await counts(orgs.hoangliet!)).toEqual(before);
    expect(await userRow(foreign.id)).toEqual(foreign);
    expect(await authenticate(db, "vanthu.hl", DEMO_PASSWORD)).toMatchObject({ ok: true });
  });
});

describe("users: listing", () => {
  it("finds people without diacritics or case, by name, username and e-mail", async () => {
    const names = async (query: string) =>
      (await admin().users.list({ query })).items.map((u) => u.fullName);
    expect(await names("le minh tuan")).toEqual(["Lê Minh Tuấn"]);
    expect(await names("LÊ MINH")).toEqual(["Lê Minh Tuấn"]);
    expect(await names("vanthu.dinhcong@")).toEqual(["Phạm Thị Thu"]);
    expect(await names("truongphong")).toEqual(
      expect.arrayContaining(["Trần Quốc Bảo", "Vũ Thị Lan"]),
    );
    // LIKE wildcards typed by the user are taken literally.
    expect(await names("%")).toEqual([]);
    // Only the actor's organisation is searched.
    expect(await names("truong thi huyen")).toEqual([]);
  });

  it("filters by unit (or no unit) and status, with roles and unit names", async () => {
    const kt = await admin().users.list({
      unitId: await unitId("dinhcong", "KT"),
      status: "active",
    });
    expect(kt.items.map((u) => u.username)).toEqual(
      expect.arrayContaining(["chuyenvien.kt", "truongphong.kt"]),
    );
    expect(kt.items.every((u) => u.unitName === "Phòng Kinh tế, Hạ tầng và Đô thị")).toBe(true);
    expect(kt.items.find((u) => u.username === "chuyenvien.kt")?.roles).toEqual(["specialist"]);
    const leaders = await admin().users.list({ unitId: "none" });
    expect(leaders.items.map((u) => u.username)).toEqual(
      expect.arrayContaining(["chutich.dc", "phochutich.dc"]),
    );
    expect(leaders.items.every((u) => u.unitId === null && u.unitName === null)).toBe(true);
    const inactive = await admin().users.list({ status: "inactive" });
    expect(inactive.items.every((u) => !u.active)).toBe(true);
    const active = await admin().users.list({ status: "active", limit: 100 });
    expect(active.items.every((u) => u.active)).toBe(true);
  });

  it("pages by key: every user exactly once, in (full name, id) order, even with equal names", async () => {
    // Several people with the same name make the id the tie-breaker at page boundaries.
    for (const n of [1, 2, 3]) await newUser(`trung.ten.${n}`, { fullName: "Nguyễn Văn Trùng" });
    const all = await admin().users.list({ limit: 100 });
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: { fullName: string; id: string } | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof admin>["users"]["list"]>> =
        await admin().users.list({
          limit: 2,
          cursor,
        });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(seen).toEqual(all.items.map((u) => u.id));
    expect(new Set(seen).size).toBe(seen.length);
    const [total] = await db
      .select({ n: count() })
      .from(appUser)
      .where(eq(appUser.organisationId, orgs.dinhcong!));
    expect(seen.length).toBe(total!.n);
    expect((await refusal(admin().users.list({ limit: 101 }))).code).toBe("BAD_REQUEST");
  });
});

/** The editable fields of a user, as the edit form sends them back. */
function editable(u: {
  id: string;
  version: number;
  fullName: string;
  email: string | null;
  jobTitle: string;
  unitId: string | null;
  roles: ("admin" | "clerk" | "specialist" | "unit_head" | "leader" | "deployment_admin")[];
}) {
  return {
    id: u.id,
    version: u.version,
    fullName: u.fullName,
    email: u.email,
    jobTitle: u.jobTitle,
    unitId: u.unitId,
    roles: u.roles,
  };
}

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
