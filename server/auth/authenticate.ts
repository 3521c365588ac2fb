import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisation } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import { signInLoginField } from "@/lib/schemas/account";
import { env } from "../env";
import { spendVerifyTime, verifyPassword } from "./password";

export const LOCK_THRESHOLD = env.AUTH_LOCK_THRESHOLD;
export const LOCK_MINUTES = env.AUTH_LOCK_MINUTES;

export type AuthResult =
  | { ok: true; userId: string; sessionEpoch: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date }
  | { ok: false; reason: "inactive" };

/**
 * Checks a username (or e-mail) and password. Unknown users and wrong passwords get the same
 * answer. After LOCK_THRESHOLD consecutive failures the account is locked for LOCK_MINUTES.
 */
export async function authenticate(db: Db, login: string, password: string): Promise<AuthResult> {
  // A login with a NUL or other control character can name nobody: it never reaches the query.
  const name = signInLoginField.safeParse(login).data;
  if (!name || !password) {
    await spendVerifyTime(password);
    return { ok: false, reason: "invalid" };
  }
  const [user] = await db
    .select({
      id: appUser.id,
      passwordHash: appUser.passwordHash,
      active: appUser.active,
      lockedUntil: appUser.lockedUntil,
      sessionEpoch: appUser.sessionEpoch,
      orgStatus: organisation.status,
    })
    .from(appUser)
    .innerJoin(organisation, eq(organisation.id, appUser.organisationId))
    .where(or(eq(sql`lower(${appUser.username})`, name), eq(sql`lower(${appUser.email})`, name)))
    .limit(1);

  if (!user) {
    await spendVerifyTime(password);
    return { ok: false, reason: "invalid" };
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    return { ok: false, reason: "locked", until: user.lockedUntil };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    return recordFailure(db, user.id);
  }
  if (!user.active || user.orgStatus !== "active") return { ok: false, reason: "inactive" };

  await db
    .update(appUser)
    .set({ failedLogins: 0, lockedUntil: null, lastSignInAt: now })
    .where(eq(appUser.id, user.id));
  return { ok: true, userId: user.id, sessionEpoch: user.sessionEpoch };
}

async function recordFailure(db: Db, userId: string): Promise<AuthResult> {
  // One atomic statement, so concurrent attempts cannot slip past the threshold.
  const [row] = await db
    .update(appUser)
    .set({
      failedLogins: sql`case when ${appUser.lockedUntil} is not null and ${appUser.lockedUntil} <= now()
        then 1 else ${appUser.failedLogins} + 1 end`,
      lockedUntil: sql`case
        when (case when ${appUser.lockedUntil} is not null and ${appUser.lockedUntil} <= now()
          then 1 else ${appUser.failedLogins} + 1 end) >= ${LOCK_THRESHOLD}
        then now() + make_interval(mins => ${LOCK_MINUTES})
        else null end`,
    })
    .where(and(eq(appUser.id, userId)))
    .returning({ lockedUntil: appUser.lockedUntil });
  if (row?.lockedUntil) return { ok: false, reason: "locked", until: row.lockedUntil };
  return { ok: false, reason: "invalid" };
}
