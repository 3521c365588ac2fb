import { and, asc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import { organisation } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import { vietnamToday } from "@/lib/dates";
import {
  isLevelBelow,
  type CloseOrganisationInput,
  type CreateOrganisationInput,
  type MoveOrganisationInput,
  type OrgLevel,
  type UpdateOrganisationInput,
} from "@/lib/schemas/org-tree";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError, notFound, stale } from "../errors";

export type OrganisationRow = typeof organisation.$inferSelect;

const mergedInto = alias(organisation, "merged_into");

/** One organisation's identity, for pages where a deployment admin works on its behalf. */
export async function getOrganisation(db: Db, actor: Actor, input: { id: string }) {
  assertCan(actor, "orgTree.manage");
  const [row] = await db
    .select({
      id: organisation.id,
      code: organisation.code,
      name: organisation.name,
      status: organisation.status,
    })
    .from(organisation)
    .where(eq(organisation.id, input.id));
  if (!row) throw notFound("organisation");
  return row;
}

/**
 * Every organisation of the deployment, including closed and merged ones (history). Ordered by
 * level, so a parent always comes before its children: the level rule puts a child strictly
 * below its parent.
 */
export async function listOrganisationTree(db: Db, actor: Actor) {
  assertCan(actor, "orgTree.manage");
  return db
    .select({
      id: organisation.id,
      parentId: organisation.parentId,
      level: organisation.level,
      code: organisation.code,
      name: organisation.name,
      shortName: organisation.shortName,
      status: organisation.status,
      validFrom: organisation.validFrom,
      validTo: organisation.validTo,
      mergedIntoId: organisation.mergedIntoId,
      mergedIntoName: mergedInto.name,
      version: organisation.version,
      activeUsers: sql<number>`(select count(*)::int from app_user u
        where u.organisation_id = ${organisation.id} and u.active)`,
      activeUnits: sql<number>`(select count(*)::int from unit n
        where n.organisation_id = ${organisation.id} and n.active)`,
    })
    .from(organisation)
    .leftJoin(mergedInto, eq(mergedInto.id, organisation.mergedIntoId))
    .orderBy(asc(organisation.level), asc(organisation.name), asc(organisation.code));
}

export type OrganisationTreeItem = Awaited<ReturnType<typeof listOrganisationTree>>[number];

export async function createOrganisation(db: Db, actor: Actor, input: CreateOrganisationInput) {
  assertCan(actor, "orgTree.manage");
  return withCodeClashAsFieldError(() =>
    db.transaction(async (tx) => {
      if (input.parentId) await lockParent(tx, input.parentId, input.level, "level");
      await assertCodeFree(tx, input.code);
      const [created] = await tx
        .insert(organisation)
        .values({
          code: input.code,
          name: input.name,
          shortName: input.shortName,
          level: input.level,
          parentId: input.parentId,
          validFrom: input.validFrom,
        })
        .returning();
      const row = created!;
      await appendAudit(tx, {
        organisationId: row.id,
        actor: auditActor(actor),
        action: "organisation.created",
        entityType: "organisation",
        entityId: row.id,
        data: {
          code: row.code,
          name: row.name,
          shortName: row.shortName,
          level: row.level,
          parentId: row.parentId,
          validFrom: row.validFrom,
        },
      });
      return { id: row.id, code: row.code, name: row.name, version: row.version };
    }),
  );
}

/** Renames an organisation or corrects its code; closed and merged ones are history and stay as they were. */
export async function updateOrganisation(db: Db, actor: Actor, input: UpdateOrganisationInput) {
  assertCan(actor, "orgTree.manage");
  return withCodeClashAsFieldError(() =>
    db.transaction(async (tx) => {
      const row = await lockOrganisation(tx, input.id);
      assertVersion(row, input.version);
      assertActive(row);
      if (input.code !== row.code) await assertCodeFree(tx, input.code, row.id);
      const changes: Record<string, { from: string; to: string }> = {};
      for (const field of ["code", "name", "shortName"] as const) {
        if (input[field] !== row[field]) changes[field] = { from: row[field], to: input[field] };
      }
      if (Object.keys(changes).length === 0) return { id: row.id, version: row.version };
      const version = await bumpOrganisation(tx, row.id, {
        code: input.code,
        name: input.name,
        shortName: input.shortName,
      });
      await appendAudit(tx, {
        organisationId: row.id,
        actor: auditActor(actor),
        action: "organisation.updated",
        entityType: "organisation",
        entityId: row.id,
        data: { changes },
      });
      return { id: row.id, version };
    }),
  );
}

export async function moveOrganisation(db: Db, actor: Actor, input: MoveOrganisationInput) {
  assertCan(actor, "orgTree.manage");
  return db.transaction(async (tx) => {
    await lockTreeShape(tx);
    const row = await lockOrganisation(tx, input.id);
    assertVersion(row, input.version);
    assertActive(row);
    if (input.parentId === row.parentId) return { id: row.id, version: row.version };
    let parent: OrganisationRow | null = null;
    if (input.parentId) {
      if (await isInSubtree(tx, row.id, input.parentId)) {
        throw fieldError({ parentId: "orgTree.moveUnderDescendant" });
      }
      parent = await lockParent(tx, input.parentId, row.level, "parentId");
    }
    const version = await bumpOrganisation(tx, row.id, { parentId: input.parentId });
    const from = row.parentId ? await findOrganisation(tx, row.parentId) : null;
    await appendAudit(tx, {
      organisationId: row.id,
      actor: auditActor(actor),
      action: "organisation.moved",
      entityType: "organisation",
      entityId: row.id,
      data: { from: orgRef(from), to: orgRef(parent) },
    });
    return { id: row.id, version };
  });
}

/** Dissolves an organisation with nothing left in it; one with staff or children is merged instead. */
export async function closeOrganisation(db: Db, actor: Actor, input: CloseOrganisationInput) {
  assertCan(actor, "orgTree.manage");
  return db.transaction(async (tx) => {
    const row = await lockOrganisation(tx, input.id);
    assertVersion(row, input.version);
    assertActive(row);
    assertEffectiveDate(input.date, row.validFrom);
    const [children] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(organisation)
      .where(and(eq(organisation.parentId, row.id), eq(organisation.status, "active")));
    if (children!.n > 0)
      throw new AppError("CONFLICT", "orgTree.closeHasChildren", { count: children!.n });
    const [users] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(appUser)
      .where(and(eq(appUser.organisationId, row.id), eq(appUser.active, true)));
    if (users!.n > 0) throw new AppError("CONFLICT", "orgTree.closeHasUsers", { count: users!.n });
    const version = await bumpOrganisation(tx, row.id, { status: "closed", validTo: input.date });
    await appendAudit(tx, {
      organisationId: row.id,
      actor: auditActor(actor),
      action: "organisation.closed",
      entityType: "organisation",
      entityId: row.id,
      data: { date: input.date, reason: input.reason },
    });
    return { id: row.id, version };
  });
}

// The helpers below are shared with tree-merge.ts.

export const auditActor = (actor: Actor) => ({ userId: actor.userId, fullName: actor.fullName });

export const orgRef = (row: Pick<OrganisationRow, "id" | "code" | "name"> | null) =>
  row ? { id: row.id, code: row.code, name: row.name } : null;

/**
 * Structural changes (move, merge) take one deployment-wide lock, so a descendant check stays
 * true until the change commits: two concurrent moves cannot build a cycle between them.
 */
export async function lockTreeShape(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('org-tree-shape', 0))`);
}

export async function lockOrganisation(tx: Tx, id: string): Promise<OrganisationRow> {
  const [row] = await tx.select().from(organisation).where(eq(organisation.id, id)).for("update");
  if (!row) throw notFound("organisation");
  return row;
}

async function findOrganisation(tx: Tx, id: string): Promise<OrganisationRow | null> {
  const [row] = await tx.select().from(organisation).where(eq(organisation.id, id));
  return row ?? null;
}

export function assertVersion(row: OrganisationRow, version: number): void {
  if (row.version !== version) throw stale();
}

export function assertActive(row: OrganisationRow): void {
  if (row.status !== "active")
    throw new AppError("CONFLICT", "orgTree.notActive", { name: row.name });
}

/** Closing and merging take effect on a day between the organisation's start and today. */
export function assertEffectiveDate(date: string, validFrom: string, field = "date"): void {
  if (date < validFrom) {
    throw fieldError({
      [field]: { key: "orgTree.dateBeforeValidFrom", params: { date: displayDate(validFrom) } },
    });
  }
  if (date > vietnamToday()) throw fieldError({ [field]: "orgTree.dateInFuture" });
}

const displayDate = (iso: string) => iso.split("-").reverse().join("/");

/**
 * Locks the parent against a concurrent close or merge (shared: several children may be added
 * at once) and checks that it can take a child of `childLevel`.
 */
async function lockParent(tx: Tx, parentId: string, childLevel: OrgLevel, levelField: string) {
  const [parent] = await tx
    .select()
    .from(organisation)
    .where(eq(organisation.id, parentId))
    .for("share");
  if (!parent) throw fieldError({ parentId: "orgTree.parentNotFound" });
  if (parent.status !== "active") throw fieldError({ parentId: "orgTree.parentNotActive" });
  if (!isLevelBelow(childLevel, parent.level))
    throw fieldError({ [levelField]: "orgTree.levelBelowParent" });
  return parent;
}

/** Whether `candidateId` is `rootId` itself or one of its descendants, at any depth. */
export async function isInSubtree(tx: Tx, rootId: string, candidateId: string): Promise<boolean> {
  // `union` rather than `union all`: it stops even on a cycle someone wrote by hand.
  const result = await tx.execute<{ found: boolean }>(sql`
    with recursive subtree(id) as (
      select id from organisation where id = ${rootId}
      union
      select o.id from organisation o join subtree s on o.parent_id = s.id
    )
    select exists (select 1 from subtree where id = ${candidateId}) as found`);
  return result.rows[0]?.found === true;
}

/** Writes the changed columns and raises the version; returns the new version. */
export async function bumpOrganisation(
  tx: Tx,
  id: string,
  values: Partial<
    Pick<
      OrganisationRow,
      "code" | "name" | "shortName" | "parentId" | "status" | "validTo" | "mergedIntoId"
    >
  >,
): Promise<number> {
  const [row] = await tx
    .update(organisation)
    .set({ ...values, version: sql`${organisation.version} + 1`, updatedAt: new Date() })
    .where(eq(organisation.id, id))
    .returning({ version: organisation.version });
  return row!.version;
}

async function assertCodeFree(tx: Tx, code: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: organisation.id })
    .from(organisation)
    .where(
      and(
        eq(organisation.code, code),
        eq(organisation.status, "active"),
        exceptId ? ne(organisation.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw fieldError({ code: "orgTree.codeTaken" });
}

/**
 * The check in assertCodeFree cannot see a concurrent transaction's insert; the partial unique
 * index does, and its violation means the same thing to the user.
 */
async function withCodeClashAsFieldError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, "organisation_code_open_uq"))
      throw fieldError({ code: "orgTree.codeTaken" });
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  // drizzle wraps the driver's error; the PostgreSQL details are on a cause somewhere down.
  for (let e = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined; e;) {
    if (e.code === "23505" && e.constraint === constraint) return true;
    e = e.cause as typeof e;
  }
  return false;
}
