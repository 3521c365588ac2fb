import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appUser } from "@/db/schema/users";
import { appendAudit } from "../audit/append";
import type { Actor } from "../authz/actor";
import { fieldError, notFound } from "../errors";
import { hashPassword, verifyPassword } from "./password";

/**
 * Changes the actor's own password. Raises the session epoch so every other session ends;
 * the caller refreshes the current session with the returned epoch.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<{ sessionEpoch: number }> {
  const [user] = await db
    .select({ passwordHash: appUser.passwordHash })
    .from(appUser)
    .where(eq(appUser.id, actor.userId));
  if (!user) throw notFound("user");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw fieldError({ currentPassword: "auth.wrongCurrentPassword" });
  }
  if (input.currentPassword === input.newPassword) {
    throw fieldError({ newPassword: "auth.passwordSameAsOld" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(appUser)
      .set({
        passwordHash,
        mustChangePassword: false,
        sessionEpoch: sql`${appUser.sessionEpoch} + 1`,
        version: sql`${appUser.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(appUser.id, actor.userId))
      .returning({ sessionEpoch: appUser.sessionEpoch });
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "user.passwordChanged",
      entityType: "user",
      entityId: actor.userId,
    });
    return { sessionEpoch: row!.sessionEpoch };
  });
}
