import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { appUser, userRole } from "@/db/schema/users";
import type { Role } from "@/lib/permissions";
import { sortByRank } from "@/lib/rank";
import { assertCan, type Actor } from "../authz/actor";

export type DirectoryEntry = {
  id: string;
  fullName: string;
  jobTitle: string;
  email: string | null;
  unitId: string | null;
  roles: Role[];
};

/**
 * The active staff of the actor's organisation, grouped by unit, with the leadership (leaders outside
 * any unit) first and people not yet placed in a unit last, each group by rank (lib/rank.ts):
 * who is who, for everyone who needs to know whom to hand a document to.
 */
export async function listStaffDirectory(db: DbOrTx, actor: Actor) {
  assertCan(actor, "directory.read");
  const orgId = actor.organisationId;
  const [units, people] = await Promise.all([
    db
      .select({ id: unit.id, name: unit.name, shortName: unit.shortName })
      .from(unit)
      .where(and(eq(unit.organisationId, orgId), eq(unit.active, true)))
      .orderBy(asc(unit.name)),
    db
      .select({
        id: appUser.id,
        fullName: appUser.fullName,
        jobTitle: appUser.jobTitle,
        email: appUser.email,
        unitId: appUser.unitId,
      })
      .from(appUser)
      .where(and(eq(appUser.organisationId, orgId), eq(appUser.active, true))),
  ]);
  const roleRows = people.length
    ? await db
        .select({ userId: userRole.userId, role: userRole.role })
        .from(userRole)
        .where(
          and(
            eq(userRole.organisationId, orgId),
            inArray(
              userRole.userId,
              people.map((p) => p.id),
            ),
          ),
        )
    : [];
  const rolesOf = new Map<string, Role[]>();
  for (const r of roleRows) rolesOf.set(r.userId, [...(rolesOf.get(r.userId) ?? []), r.role]);
  const entries: DirectoryEntry[] = sortByRank(
    people.map((p) => ({ ...p, roles: rolesOf.get(p.id) ?? [] })),
  );
  const outsideUnits = entries.filter((e) => e.unitId === null);
  return {
    leadership: outsideUnits.filter((e) => e.roles.includes("leader")),
    unassigned: outsideUnits.filter((e) => !e.roles.includes("leader")),
    units: units.map((u) => ({ ...u, staff: entries.filter((e) => e.unitId === u.id) })),
  };
}
