import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { organisation, unit } from "@/db/schema/org";
import { appUser, userRole } from "@/db/schema/users";
import { allowedActions, can, type Action, type Role } from "@/lib/permissions";
import { AppError } from "../errors";

/** The signed-in member on whose behalf a service acts; every query is scoped by it. */
export type Actor = {
  userId: string;
  username: string;
  fullName: string;
  jobTitle: string;
  organisationId: string;
  organisationName: string;
  organisationCode: string;
  unitId: string | null;
  unitName: string | null;
  roles: Role[];
  mustChangePassword: boolean;
};

/**
 * Resolves the session's user into an actor, once per request. A session ends here when the
 * user was deactivated, their organisation closed, or their session epoch raised (password
 * change or reset).
 */
export async function loadActor(
  db: DbOrTx,
  session: { userId: string; sessionEpoch: number },
): Promise<Actor | null> {
  const [row] = await db
    .select({
      userId: appUser.id,
      username: appUser.username,
      fullName: appUser.fullName,
      jobTitle: appUser.jobTitle,
      active: appUser.active,
      sessionEpoch: appUser.sessionEpoch,
      mustChangePassword: appUser.mustChangePassword,
      organisationId: organisation.id,
      organisationName: organisation.name,
      organisationCode: organisation.code,
      organisationStatus: organisation.status,
      unitId: unit.id,
      unitName: unit.name,
      // One round trip per request: the roles come with the user.
      roles: sql<
        Role[]
      >`coalesce((select array_agg(${userRole.role}::text order by ${userRole.role}) from ${userRole}
        where ${userRole.userId} = ${appUser.id} and ${userRole.organisationId} = ${appUser.organisationId}), '{}')`,
    })
    .from(appUser)
    .innerJoin(organisation, eq(organisation.id, appUser.organisationId))
    .leftJoin(unit, eq(unit.id, appUser.unitId))
    .where(eq(appUser.id, session.userId))
    .limit(1);
  if (!row || !row.active || row.organisationStatus !== "active") return null;
  if (row.sessionEpoch !== session.sessionEpoch) return null;
  return {
    userId: row.userId,
    username: row.username,
    fullName: row.fullName,
    jobTitle: row.jobTitle,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationCode: row.organisationCode,
    unitId: row.unitId,
    unitName: row.unitName,
    roles: row.roles,
    mustChangePassword: row.mustChangePassword,
  };
}

export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor.roles, action)) {
    throw new AppError("FORBIDDEN", "errors.forbidden", { action });
  }
}

export const actorActions = (actor: Actor) => allowedActions(actor.roles);

export const isDeploymentAdmin = (actor: Actor) => actor.roles.includes("deployment_admin");

/**
 * The organisation an admin action applies to: the actor's own, or for a deployment admin any
 * organisation they name.
 */
export function targetOrganisation(actor: Actor, requested?: string | null): string {
  if (!requested || requested === actor.organisationId) return actor.organisationId;
  if (isDeploymentAdmin(actor)) return requested;
  throw new AppError("FORBIDDEN", "errors.otherOrganisation");
}
