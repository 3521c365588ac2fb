import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { organisation, unit } from "@/db/schema/org";
import { appUser, userRole } from "@/db/schema/users";
import { isLevelBelow, type MergeOrganisationsInput } from "@/lib/schemas/org-tree";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { fieldError, notFound } from "../errors";
import {
  assertActive,
  assertEffectiveDate,
  assertVersion,
  auditActor,
  bumpOrganisation,
  isInSubtree,
  lockTreeShape,
  orgRef,
  type OrganisationRow,
} from "./tree";

/**
 * Merges one organisation into another (as in the 2025 reorganisation): its staff, units, roles
 * and active child organisations move to the target; the source stays, marked merged, with its
 * audit chain, as history.
 */
export async function mergeOrganisations(db: Db, actor: Actor, input: MergeOrganisationsInput) {
  assertCan(actor, "orgTree.manage");
  return db.transaction(async (tx) => {
    await lockTreeShape(tx);
    // Both rows in id order, so two merges of the same pair cannot deadlock each other.
    const pair = await tx
      .select()
      .from(organisation)
      .where(inArray(organisation.id, [input.sourceId, input.targetId]))
      .orderBy(asc(organisation.id))
      .for("update");
    const source = pair.find((r) => r.id === input.sourceId);
    const target = pair.find((r) => r.id === input.targetId);
    if (!source) throw notFound("organisation");
    assertVersion(source, input.version);
    assertActive(source);
    if (!target) throw fieldError({ targetId: "orgTree.targetNotFound" });
    if (target.id === source.id) throw fieldError({ targetId: "orgTree.mergeSame" });
    if (target.status !== "active") throw fieldError({ targetId: "orgTree.targetNotActive" });
    if (await isInSubtree(tx, source.id, target.id))
      throw fieldError({ targetId: "orgTree.mergeIntoDescendant" });
    assertEffectiveDate(input.date, source.validFrom);

    const children = await tx
      .select()
      .from(organisation)
      .where(and(eq(organisation.parentId, source.id), eq(organisation.status, "active")))
      .orderBy(asc(organisation.id))
      .for("update");
    if (children.some((c) => !isLevelBelow(c.level, target.level))) {
      throw fieldError({ targetId: "orgTree.mergeChildLevel" });
    }

    const units = await moveUnits(tx, source, target.id);
    const users = await tx
      .select({ id: appUser.id, username: appUser.username })
      .from(appUser)
      .where(eq(appUser.organisationId, source.id))
      .orderBy(asc(appUser.id))
      .for("update");
    if (users.length > 0) {
      await tx
        .update(appUser)
        .set({
          organisationId: target.id,
          version: sql`${appUser.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(appUser.organisationId, source.id));
    }
    const roles = await moveRoles(tx, source.id, target.id);
    for (const child of children) {
      await bumpOrganisation(tx, child.id, { parentId: target.id });
      await appendAudit(tx, {
        organisationId: child.id,
        actor: auditActor(actor),
        action: "organisation.moved",
        entityType: "organisation",
        entityId: child.id,
        data: { from: orgRef(source), to: orgRef(target), because: "merge" },
      });
    }
    const version = await bumpOrganisation(tx, source.id, {
      status: "merged",
      mergedIntoId: target.id,
      validTo: input.date,
    });

    const moved = {
      date: input.date,
      users: users.map((u) => u.username),
      units,
      roles,
      children: children.map(orgRef),
    };
    for (const [chain, action, other] of [
      [source, "organisation.merged", { into: orgRef(target) }],
      [target, "organisation.absorbed", { from: orgRef(source) }],
    ] as const) {
      await appendAudit(tx, {
        organisationId: chain.id,
        actor: auditActor(actor),
        action,
        entityType: "organisation",
        entityId: source.id,
        data: { ...other, ...moved },
      });
    }
    return {
      id: source.id,
      version,
      targetId: target.id,
      movedUsers: users.length,
      movedUnits: units.length,
      renamedUnits: units.filter((u) => u.renamedTo).length,
      movedRoles: roles,
      movedChildren: children.length,
    };
  });
}

/**
 * Moves every unit of the source, inactive ones too, so that a user's unit always belongs to the
 * user's organisation. Unit names are unique among an organisation's active units: an active
 * unit whose name the target already uses takes the source's name as a suffix.
 */
async function moveUnits(tx: Tx, source: OrganisationRow, targetId: string) {
  const units = await tx
    .select()
    .from(unit)
    .where(eq(unit.organisationId, source.id))
    .orderBy(asc(unit.id))
    .for("update");
  const moved: { id: string; name: string; renamedTo?: string }[] = [];
  for (const u of units) {
    const name = u.active ? await freeUnitName(tx, targetId, u.name, source.name) : u.name;
    await tx
      .update(unit)
      .set({
        organisationId: targetId,
        name,
        version: sql`${unit.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(unit.id, u.id));
    moved.push(
      name === u.name ? { id: u.id, name: u.name } : { id: u.id, name: u.name, renamedTo: name },
    );
  }
  return moved;
}

async function freeUnitName(
  tx: Tx,
  organisationId: string,
  name: string,
  sourceName: string,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const candidate =
      attempt === 0
        ? name
        : attempt === 1
          ? `${name} (${sourceName})`
          : `${name} (${sourceName} ${attempt})`;
    // Compared with lower() as the unique index unit_org_name_active_uq compares.
    const [taken] = await tx
      .select({ id: unit.id })
      .from(unit)
      .where(
        and(
          eq(unit.organisationId, organisationId),
          eq(unit.active, true),
          sql`lower(${unit.name}) = lower(${candidate})`,
        ),
      )
      .limit(1);
    if (!taken) return candidate;
  }
}

/** A user may already hold the same role in the target; the primary key keeps one row of each. */
async function moveRoles(tx: Tx, sourceId: string, targetId: string): Promise<number> {
  const rows = await tx
    .select()
    .from(userRole)
    .where(eq(userRole.organisationId, sourceId))
    .for("update");
  if (rows.length === 0) return 0;
  await tx
    .insert(userRole)
    .values(rows.map((r) => ({ ...r, organisationId: targetId })))
    .onConflictDoNothing();
  await tx.delete(userRole).where(eq(userRole.organisationId, sourceId));
  return rows.length;
}
