import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { appUser, userRole } from "@/db/schema/users";
import type { Role } from "@/lib/permissions";
import type {
  CreateUserInput,
  ResetPasswordInput,
  SetUserActiveInput,
  UpdateUserInput,
} from "@/lib/schemas/users";
import { appendAudit } from "../audit/append";
import { hashPassword } from "../auth/password";
import { assertCan, isDeploymentAdmin, type Actor } from "../authz/actor";
import { AppError, fieldError, notFound, stale } from "../errors";
import { changedFields } from "./changed-fields";
import { resolveTargetOrganisation } from "./target-organisation";
import { violatedUniqueConstraint } from "./unique-violation";
import { loadRoles, loadUserRow, sortRoles, type UserRow } from "./user-directory";

const identityConstraints: Record<string, string> = {
  app_user_username_uq: "username",
  app_user_email_uq: "email",
};
const takenKey: Record<string, string> = {
  username: "users.usernameTaken",
  email: "users.emailTaken",
};

/** A concurrent insert can slip past the pre-check; the unique index then names the field. */
function identityError(error: unknown): unknown {
  const field = identityConstraints[violatedUniqueConstraint(error) ?? ""];
  return field ? fieldError({ [field]: takenKey[field]! }) : error;
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserRow> {
  assertCan(actor, "user.manage");
  const organisationId = await resolveTargetOrganisation(db, actor, input.organisationId);
  assertRolesGrantable(actor, input.roles, []);
  // Hashing is deliberately slow; it stays outside the transaction so no locks are held meanwhile.
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await db.transaction(async (tx) => {
      await assertIdentityFree(tx, { username: input.username, email: input.email }, null);
      if (input.unitId) await assertUnitUsable(tx, organisationId, input.unitId);
      const [row] = await tx
        .insert(appUser)
        .values({
          organisationId,
          unitId: input.unitId,
          username: input.username,
          email: input.email,
          fullName: input.fullName,
          jobTitle: input.jobTitle,
          passwordHash,
          mustChangePassword: true,
        })
        .returning({ id: appUser.id });
      await tx
        .insert(userRole)
        .values(input.roles.map((role) => ({ userId: row!.id, organisationId, role })));
      await appendAudit(tx, {
        organisationId,
        actor,
        action: "user.created",
        entityType: "user",
        entityId: row!.id,
        data: {
          username: input.username,
          fullName: input.fullName,
          email: input.email,
          jobTitle: input.jobTitle,
          unitId: input.unitId,
          roles: sortRoles(input.roles),
        },
      });
      return row!.id;
    });
    return await loadUserRow(db, organisationId, id);
  } catch (error) {
    throw identityError(error);
  }
}

export async function updateUser(db: Db, actor: Actor, input: UpdateUserInput): Promise<UserRow> {
  assertCan(actor, "user.manage");
  const organisationId = await resolveTargetOrganisation(db, actor, input.organisationId);
  try {
    await db.transaction(async (tx) => {
      const current = await lockUser(tx, organisationId, input.id, input.version);
      const currentRoles = await loadRoles(tx, organisationId, current.id);
      assertMayManage(actor, currentRoles);
      assertRolesGrantable(actor, input.roles, currentRoles);
      if (current.id === actor.userId) assertKeepsOwnAdmin(currentRoles, input.roles);
      if (input.email && input.email.toLowerCase() !== current.email?.toLowerCase()) {
        await assertIdentityFree(tx, { email: input.email }, current.id);
      }
      // A user may stay in a unit deactivated since they left active service; moving needs an active one.
      if (input.unitId && input.unitId !== current.unitId) {
        await assertUnitUsable(tx, organisationId, input.unitId);
      }
      const changes = changedFields(current, {
        fullName: input.fullName,
        email: input.email,
        jobTitle: input.jobTitle,
        unitId: input.unitId,
      });
      const nextRoles = sortRoles(input.roles);
      const rolesChanged = nextRoles.join(",") !== currentRoles.join(",");
      if (rolesChanged) changes.roles = { from: currentRoles, to: nextRoles };
      if (Object.keys(changes).length === 0) return;
      await tx
        .update(appUser)
        .set({
          fullName: input.fullName,
          email: input.email,
          jobTitle: input.jobTitle,
          unitId: input.unitId,
          version: sql`${appUser.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(appUser.id, current.id), eq(appUser.version, input.version)));
      if (rolesChanged) {
        await tx
          .delete(userRole)
          .where(and(eq(userRole.userId, current.id), eq(userRole.organisationId, organisationId)));
        await tx
          .insert(userRole)
          .values(nextRoles.map((role) => ({ userId: current.id, organisationId, role })));
      }
      await appendAudit(tx, {
        organisationId,
        actor,
        action: "user.updated",
        entityType: "user",
        entityId: current.id,
        data: { username: current.username, changes },
      });
    });
    return await loadUserRow(db, organisationId, input.id);
  } catch (error) {
    throw identityError(error);
  }
}

/**
 * Deactivation raises the session epoch, so the person's open sessions end at their next
 * request rather than when the session cookie expires.
 */
export async function setUserActive(
  db: Db,
  actor: Actor,
  input: SetUserActiveInput,
): Promise<UserRow> {
  assertCan(actor, "user.manage");
  const organisationId = await resolveTargetOrganisation(db, actor, input.organisationId);
  await db.transaction(async (tx) => {
    const current = await lockUser(tx, organisationId, input.id, input.version);
    assertMayManage(actor, await loadRoles(tx, organisationId, current.id));
    if (current.id === actor.userId && !input.active) {
      throw new AppError("CONFLICT", "users.cannotDeactivateSelf");
    }
    if (current.active === input.active) return;
    if (input.active && current.unitId) {
      const [own] = await tx
        .select({ active: unit.active })
        .from(unit)
        .where(eq(unit.id, current.unitId))
        .for("share");
      if (!own?.active) throw new AppError("CONFLICT", "users.unitInactiveOnReactivate");
    }
    await tx
      .update(appUser)
      .set({
        active: input.active,
        ...(input.active ? {} : { sessionEpoch: sql`${appUser.sessionEpoch} + 1` }),
        version: sql`${appUser.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(appUser.id, current.id), eq(appUser.version, input.version)));
    await appendAudit(tx, {
      organisationId,
      actor,
      action: input.active ? "user.reactivated" : "user.deactivated",
      entityType: "user",
      entityId: current.id,
      data: { username: current.username },
    });
  });
  return loadUserRow(db, organisationId, input.id);
}

/**
 * Sets a temporary password the person must change at next sign-in. It also lifts a lockout
 * (the usual reason to call the admin) and ends the sessions opened with the old password.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  input: ResetPasswordInput,
): Promise<UserRow> {
  assertCan(actor, "user.manage");
  const organisationId = await resolveTargetOrganisation(db, actor, input.organisationId);
  if (input.id === actor.userId) throw new AppError("CONFLICT", "users.resetOwnPassword");
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: appUser.id, username: appUser.username, lockedUntil: appUser.lockedUntil })
      .from(appUser)
      .where(and(eq(appUser.id, input.id), eq(appUser.organisationId, organisationId)))
      .for("update");
    if (!current) throw notFound("user");
    assertMayManage(actor, await loadRoles(tx, organisationId, current.id));
    await tx
      .update(appUser)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        sessionEpoch: sql`${appUser.sessionEpoch} + 1`,
        version: sql`${appUser.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(appUser.id, current.id));
    await appendAudit(tx, {
      organisationId,
      actor,
      action: "user.passwordReset",
      entityType: "user",
      entityId: current.id,
      data: {
        username: current.username,
        wasLocked: current.lockedUntil !== null && current.lockedUntil > new Date(),
      },
    });
  });
  return loadUserRow(db, organisationId, input.id);
}

/** The user, locked for the rest of the transaction; another organisation's user is simply not found. */
async function lockUser(tx: Tx, organisationId: string, id: string, version: number) {
  const [row] = await tx
    .select({
      id: appUser.id,
      username: appUser.username,
      fullName: appUser.fullName,
      email: appUser.email,
      jobTitle: appUser.jobTitle,
      unitId: appUser.unitId,
      active: appUser.active,
      version: appUser.version,
    })
    .from(appUser)
    .where(and(eq(appUser.id, id), eq(appUser.organisationId, organisationId)))
    .for("update");
  if (!row) throw notFound("user");
  if (row.version !== version) throw stale();
  return row;
}

/** Usernames and e-mails are unique across the deployment, compared without regard to case. */
async function assertIdentityFree(
  tx: Tx,
  identity: { username?: string; email?: string | null },
  exceptId: string | null,
): Promise<void> {
  const errors: Record<string, string> = {};
  for (const field of ["username", "email"] as const) {
    const value = identity[field];
    if (!value) continue;
    const [hit] = await tx
      .select({ id: appUser.id })
      .from(appUser)
      .where(
        and(
          eq(sql`lower(${appUser[field]})`, value.toLowerCase()),
          exceptId ? ne(appUser.id, exceptId) : undefined,
        ),
      )
      .limit(1);
    if (hit) errors[field] = takenKey[field]!;
  }
  if (Object.keys(errors).length > 0) throw fieldError(errors);
}

/**
 * A unit a user can be placed in: the organisation's own and active. The share lock makes a
 * concurrent deactivation of the unit wait for this transaction (and then see the new member).
 */
async function assertUnitUsable(tx: Tx, organisationId: string, unitId: string): Promise<void> {
  const [row] = await tx
    .select({ active: unit.active })
    .from(unit)
    .where(and(eq(unit.id, unitId), eq(unit.organisationId, organisationId)))
    .for("share");
  if (!row) throw fieldError({ unitId: "users.unitNotFound" });
  if (!row.active) throw fieldError({ unitId: "users.unitInactive" });
}

// Granting the deployment-wide role, or taking it away, is for deployment admins only.
function assertRolesGrantable(actor: Actor, next: Role[], current: Role[]): void {
  if (isDeploymentAdmin(actor)) return;
  if (next.includes("deployment_admin") !== current.includes("deployment_admin")) {
    throw fieldError({ roles: "users.deploymentAdminOnly" });
  }
}

// An organisation admin who could edit or reset a deployment admin could take over the deployment.
function assertMayManage(actor: Actor, targetRoles: Role[]): void {
  if (targetRoles.includes("deployment_admin") && !isDeploymentAdmin(actor)) {
    throw new AppError("FORBIDDEN", "users.deploymentAdminProtected");
  }
}

// Otherwise an organisation could be left with nobody able to manage it, by a slip of the mouse.
function assertKeepsOwnAdmin(current: Role[], next: Role[]): void {
  for (const role of ["admin", "deployment_admin"] as const) {
    if (current.includes(role) && !next.includes(role)) {
      throw fieldError({ roles: "users.cannotRemoveOwnAdmin" });
    }
  }
}
