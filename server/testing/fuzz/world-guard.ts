import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documentParticipant } from "@/db/schema/participants";
import { organisation } from "@/db/schema/org";
import { appUser, userRole } from "@/db/schema/users";
import type { FuzzWorld } from "./fixture";

/**
 * What the run relies on, read afresh: the callers still signed in as they were (active, same
 * session epoch, same roles, their organisations open) and the secret document still with its
 * clerk alone. A fuzzed write that legitimately changes one of these (a new procedure the hints
 * do not yet keep away from them) would make every later call refused, or every later answer a
 * false leak; the run stops instead, naming the procedure, so that hints.ts can be taught.
 */
export async function worldDamage(db: Db, world: FuzzWorld): Promise<string[]> {
  const damage: string[] = [];
  const callers = world.users.filter((u) => u.userId);
  const ids = callers.map((u) => u.userId!);
  const rows = await db
    .select({
      id: appUser.id,
      username: appUser.username,
      active: appUser.active,
      epoch: appUser.sessionEpoch,
      mustChange: appUser.mustChangePassword,
      status: organisation.status,
    })
    .from(appUser)
    .innerJoin(organisation, eq(organisation.id, appUser.organisationId))
    .where(inArray(appUser.id, ids));
  for (const r of rows) {
    const caller = callers.find((u) => u.userId === r.id)!;
    if (!r.active) damage.push(`${r.username} was deactivated`);
    if (r.epoch !== 1) damage.push(`${r.username}'s sessions were ended`);
    if (r.mustChange !== (caller.mustChangePassword ?? false))
      damage.push(`${r.username}'s must-change-password flag changed`);
    if (r.status !== "active") damage.push(`${r.username}'s organisation is ${r.status}`);
  }
  const roles = await db
    .select({ userId: userRole.userId, role: userRole.role })
    .from(userRole)
    .where(inArray(userRole.userId, ids));
  for (const u of callers) {
    const now = roles
      .filter((r) => r.userId === u.userId)
      .map((r) => r.role)
      .sort()
      .join(",");
    if (now !== world.roles[u.name]) damage.push(`${u.name}'s roles changed to [${now}]`);
  }
  const others = await db
    .select({ userId: documentParticipant.userId })
    .from(documentParticipant)
    .where(
      and(
        eq(documentParticipant.documentId, world.secret.documentId),
        ne(documentParticipant.userId, world.secret.holderId),
      ),
    );
  if (others.length > 0) damage.push("the secret document was given to someone besides its clerk");
  return damage;
}
