import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { appUser } from "@/db/schema/users";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { freshDatabase } from "@/server/testing/test-db";
import { authenticate, LOCK_THRESHOLD } from "./authenticate";

let db: Db;
let users: Record<string, string>;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ users } = await seedDemo(db));
});

describe("authenticate", () => {
  it("accepts the username in any case, or the e-mail address", async () => {
    expect(await authenticate(db, "VanThu.DC", DEMO_PASSWORD)).toMatchObject({
      ok: true,
      userId: users["vanthu.dc"],
    });
    expect(await authenticate(db, "vanthu.dinhcong@hanoi.gov.vn", DEMO_PASSWORD)).toMatchObject({
      ok: true,
    });
  });

  it("gives an unknown user and a wrong password the same answer", async () => {
    expect(await authenticate(db, "khong.ai.ca", DEMO_PASSWORD)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate(db, "chuyenvien.kt", "wrong-password-1")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("answers a login holding a NUL or control character as an unknown user, not an error", async () => {
    for (const login of ["vanthu.dc\u0000", "\u0000", "van\u0007thu.dc", "\ud800"]) {
      expect(await authenticate(db, login, DEMO_PASSWORD), JSON.stringify(login)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });

  it(`locks the account after ${LOCK_THRESHOLD} consecutive failures, even for the right password`, async () => {
    const results = [];
    for (let i = 0; i < LOCK_THRESHOLD; i++)
      results.push(await authenticate(db, "lanhdao.bnv", `wrong-${i}`));
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    const last = results.at(-1)!;
    expect(last).toMatchObject({ ok: false, reason: "locked" });
    const until = (last as { until: Date }).until.getTime();
    expect(until).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(await authenticate(db, "lanhdao.bnv", DEMO_PASSWORD)).toMatchObject({
      ok: false,
      reason: "locked",
    });
  });

  it("counts concurrent failures without losing any", async () => {
    await Promise.all(
      Array.from({ length: LOCK_THRESHOLD }, (_, i) =>
        authenticate(db, "vanthu.nghean", `bad-${i}`),
      ),
    );
    const [row] = await db.select().from(appUser).where(eq(appUser.id, users["vanthu.nghean"]!));
    expect(row!.failedLogins).toBe(LOCK_THRESHOLD);
    expect(row!.lockedUntil).not.toBeNull();
  });

  it("lets the user in again once the lock has expired, and resets the count", async () => {
    await db
      .update(appUser)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(appUser.id, users["lanhdao.bnv"]!));
    expect(await authenticate(db, "lanhdao.bnv", DEMO_PASSWORD)).toMatchObject({ ok: true });
    const [row] = await db.select().from(appUser).where(eq(appUser.id, users["lanhdao.bnv"]!));
    expect(row).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it("refuses a deactivated user who knows the password", async () => {
    await db.update(appUser).set({ active: false }).where(eq(appUser.id, users["lanhdao.hanoi"]!));
    expect(await authenticate(db, "lanhdao.hanoi", DEMO_PASSWORD)).toEqual({
      ok: false,
      reason: "inactive",
    });
    expect(await authenticate(db, "lanhdao.hanoi", "wrong-password")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
