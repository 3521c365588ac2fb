import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, type Db } from "@/db/client";
import { unit } from "@/db/schema/org";
import { appUser, userRole } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import { freshDatabase } from "../testing/test-db";
import { ActorCache } from "./actor-cache";

let db: Db;
let pool: pg.Pool;
let url: string;
let users: Record<string, string>;
let cache: ActorCache;
/** The same database, counting the statements run through it. */
let counted: Db;
let statements = 0;

const session = (username: string, sessionEpoch = 1) => ({
  userId: users[username]!,
  sessionEpoch,
});

/** Waits for what a notification does. */
async function until(condition: () => boolean) {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("the notification did not arrive");
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  ({ db, pool, url } = await freshDatabase());
  ({ users } = await seedDemo(db));
  counted = drizzle(pool, {
    schema,
    casing: "snake_case",
    logger: { logQuery: () => void statements++ },
  });
  cache = new ActorCache(url);
  await cache.listen();
});

afterAll(async () => {
  await cache.close();
});

describe("remembering who is signed in", () => {
  it("reads an actor once, then answers reads from memory", async () => {
    expect(cache.active).toBe(true);
    statements = 0;
    const first = await cache.forRead(counted, session("chuyenvien.kt"));
    expect(first).toMatchObject({ username: "chuyenvien.kt", roles: ["specialist"] });
    expect(statements).toBe(1);
    expect(await cache.forRead(counted, session("chuyenvien.kt"))).toEqual(first);
    expect(statements).toBe(1);
    // A change always reads the database.
    await cache.forWrite(counted, session("chuyenvien.kt"));
    expect(statements).toBe(2);
    // Another session epoch (an old browser after a password change) is not the remembered one.
    expect(await cache.forRead(counted, session("chuyenvien.kt", 0))).toBeNull();
  });

  it("forgets a user the moment they are deactivated", async () => {
    expect(await cache.forRead(db, session("chuyenvien.vhxh"))).not.toBeNull();
    expect(cache.remembers(users["chuyenvien.vhxh"]!)).toBe(true);
    await db
      .update(appUser)
      .set({ active: false })
      .where(eq(appUser.id, users["chuyenvien.vhxh"]!));
    await until(() => !cache.remembers(users["chuyenvien.vhxh"]!));
    expect(await cache.forRead(db, session("chuyenvien.vhxh"))).toBeNull();
  });

  it("sees a new role as soon as it is granted", async () => {
    const before = await cache.forRead(db, session("truongphong.kt"));
    expect(before!.roles).not.toContain("clerk");
    expect(cache.remembers(users["truongphong.kt"]!)).toBe(true);
    await db.insert(userRole).values({
      userId: users["truongphong.kt"]!,
      organisationId: before!.organisationId,
      role: "clerk",
    });
    await until(() => !cache.remembers(users["truongphong.kt"]!));
    expect((await cache.forRead(db, session("truongphong.kt")))!.roles).toContain("clerk");
    await db
      .delete(userRole)
      .where(and(eq(userRole.userId, users["truongphong.kt"]!), eq(userRole.role, "clerk")));
    await until(() => !cache.remembers(users["truongphong.kt"]!));
    expect((await cache.forRead(db, session("truongphong.kt")))!.roles).not.toContain("clerk");
  });

  it("forgets everyone when a unit is renamed", async () => {
    const kt = await cache.forRead(db, session("chuyenvien.kt"));
    await cache.forRead(db, session("vanthu.dc"));
    expect(cache.size).toBeGreaterThanOrEqual(2);
    await db.update(unit).set({ name: "Phòng Kinh tế" }).where(eq(unit.id, kt!.unitId!));
    await until(() => cache.size === 0);
    expect((await cache.forRead(db, session("chuyenvien.kt")))!.unitName).toBe("Phòng Kinh tế");
  });

  it("remembers nothing while it cannot hear the database, and listens again", async () => {
    await cache.forRead(db, session("vanthu.dc"));
    await pool.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1",
      ["lien-thong-actor-cache"],
    );
    await until(() => !cache.active);
    expect(cache.size).toBe(0);
    statements = 0;
    await cache.forRead(counted, session("vanthu.dc"));
    await cache.forRead(counted, session("vanthu.dc"));
    expect(statements).toBe(2);
    // It tries again after a pause; a read then finds it listening.
    await new Promise((r) => setTimeout(r, 1_100));
    await cache.listen();
    expect(cache.active).toBe(true);
  });
});
