import { and, asc, eq, inArray, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { appUser, userRole } from "@/db/schema/users";
import { roles as roleOrder, type Role } from "@/lib/permissions";
import type { GetUserInput, ListUsersInput, UserCursor } from "@/lib/schemas/users";
import { assertCan, type Actor } from "../authz/actor";
import { notFound } from "../errors";
import { resolveTargetOrganisation } from "./target-organisation";

/** A user as the admin screens show it; never the password hash. */
export type UserRow = {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  jobTitle: string;
  unitId: string | null;
  unitName: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  version: number;
  roles: Role[];
};

export type UserPage = { items: UserRow[]; nextCursor: UserCursor | null };

const userColumns = {
  id: appUser.id,
  username: appUser.username,
  fullName: appUser.fullName,
  email: appUser.email,
  jobTitle: appUser.jobTitle,
  unitId: appUser.unitId,
  unitName: unit.name,
  active: appUser.active,
  mustChangePassword: appUser.mustChangePassword,
  lockedUntil: appUser.lockedUntil,
  lastSignInAt: appUser.lastSignInAt,
  version: appUser.version,
};

/**
 * One page of the organisation's users in (full name, id) order. Paging is by key: the cursor
 * is the last row already shown, so rows inserted meanwhile neither repeat nor vanish.
 */
export async function listUsers(
  db: DbOrTx,
  actor: Actor,
  input: ListUsersInput,
): Promise<UserPage> {
  assertCan(actor, "user.manage");
  const organisationId = await resolveTargetOrganisation(db, actor, input.organisationId);
  const conditions: (SQL | undefined)[] = [eq(appUser.organisationId, organisationId)];
  if (input.query) conditions.push(matchesText(input.query));
  if (input.unitId === "none") conditions.push(isNull(appUser.unitId));
  else if (input.unitId) conditions.push(eq(appUser.unitId, input.unitId));
  if (input.status !== "all") conditions.push(eq(appUser.active, input.status === "active"));
  if (input.cursor) {
    conditions.push(
      sql`(${appUser.fullName}, ${appUser.id}) > (${input.cursor.fullName}, ${input.cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select(userColumns)
    .from(appUser)
    .leftJoin(unit, eq(unit.id, appUser.unitId))
    .where(and(...conditions))
    .orderBy(asc(appUser.fullName), asc(appUser.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await withRoles(db, organisationId, page),
    nextCursor: rows.length > input.limit && last ? { fullName: last.fullName, id: last.id } : null,
  };
}

export async function getUser(db: DbOrTx, actor: Actor, input: GetUserInput): Promise<UserRow> {
  assertCan(actor, "user.manage");
  const organisationId = await resolveTargetOrganisation(db, actor, input.organisationId);
  return loadUserRow(db, organisationId, input.id);
}

/** A user of the organisation; one of another organisation is reported exactly like a missing one. */
export async function loadUserRow(
  db: DbOrTx,
  organisationId: string,
  id: string,
): Promise<UserRow> {
  const [row] = await db
    .select(userColumns)
    .from(appUser)
    .leftJoin(unit, eq(unit.id, appUser.unitId))
    .where(and(eq(appUser.id, id), eq(appUser.organisationId, organisationId)));
  if (!row) throw notFound("user");
  const [withRole] = await withRoles(db, organisationId, [row]);
  return withRole!;
}

export async function loadRoles(
  db: DbOrTx,
  organisationId: string,
  userId: string,
): Promise<Role[]> {
  const rows = await db
    .select({ role: userRole.role })
    .from(userRole)
    .where(and(eq(userRole.userId, userId), eq(userRole.organisationId, organisationId)));
  return sortRoles(rows.map((r) => r.role));
}

export const sortRoles = (rs: Role[]) =>
  [...rs].sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b));

async function withRoles(
  db: DbOrTx,
  organisationId: string,
  rows: Omit<UserRow, "roles">[],
): Promise<UserRow[]> {
  if (rows.length === 0) return [];
  const roleRows = await db
    .select({ userId: userRole.userId, role: userRole.role })
    .from(userRole)
    .where(
      and(
        eq(userRole.organisationId, organisationId),
        inArray(
          userRole.userId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const byUser = new Map<string, Role[]>();
  for (const r of roleRows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.role]);
  return rows.map((r) => ({ ...r, roles: sortRoles(byUser.get(r.id) ?? []) }));
}

/** Diacritic- and case-insensitive substring match over name, username and e-mail. */
function matchesText(query: string): SQL {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = (column: SQLWrapper) =>
    sql`f_unaccent(lower(${column})) like f_unaccent(lower(${pattern}))`;
  return or(like(appUser.fullName), like(appUser.username), like(appUser.email))!;
}
