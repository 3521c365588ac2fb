import { and, asc, count, desc, eq, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import type {
  CreateUnitInput,
  ListUnitsInput,
  SetUnitActiveInput,
  UpdateUnitInput,
} from "@/lib/schemas/units";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError, notFound, stale } from "../errors";
import { changedFields } from "./changed-fields";
import { resolveTargetOrganisation } from "./target-organisation";
import { violatedUniqueConstraint } from "./unique-violation";

export type UnitRow = {
  id: string;
  name: string;
  shortName: string;
  active: boolean;
  version: number;
  activeUserCount: number;
};

const UNIT_NAME_UQ = "unit_org_name_active_uq";

const unitColumns = {
  id: unit.id,
  name: unit.name,
  shortName: unit.shortName,
  active: unit.active,
  version: unit.version,
};

/** Every unit of the organisation, active ones first, with how many active people work in each. */
export async function listUnits(
  db: DbOrTx,
  actor: Actor,
  input: ListUnitsInput,
): Promise<UnitRow[]> {
  assertCan(actor, "directory.read");
  const organisationId = await resolveTargetOrganisation(db, actor, input.organisationId);
  return db
    .select({ ...unitColumns, activeUserCount: count(appUser.id) })
    .from(unit)
    .leftJoin(appUser, and(eq(appUser.unitId, unit.id), eq(appUser.active, true)))
    .where(eq(unit.organisationId, organisationId))
    .groupBy(unit.id)
    .orderBy(desc(unit.active), asc(unit.name), asc(unit.id));
}

export async function createUnit(db: Db, actor: Actor, input: CreateUnitInput): Promise<UnitRow> {
  assertCan(actor, "unit.manage");
  const organisationId = await resolveTargetOrganisation(db, actor, input.organisationId);
  try {
    return await db.transaction(async (tx) => {
      await assertNamesFree(tx, organisationId, input, null);
      const [row] = await tx
        .insert(unit)
        .values({ organisationId, name: input.name, shortName: input.shortName })
        .returning(unitColumns);
      await appendAudit(tx, {
        organisationId,
        actor,
        action: "unit.created",
        entityType: "unit",
        entityId: row!.id,
        data: { name: input.name, shortName: input.shortName },
      });
      return { ...row!, activeUserCount: 0 };
    });
  } catch (error) {
    throw violatedUniqueConstraint(error) === UNIT_NAME_UQ
      ? fieldError({ name: "units.nameTaken" })
      : error;
  }
}

export async function updateUnit(db: Db, actor: Actor, input: UpdateUnitInput): Promise<UnitRow> {
  assertCan(actor, "unit.manage");
  const organisationId = await resolveTargetOrganisation(db, actor, input.organisationId);
  try {
    return await db.transaction(async (tx) => {
      const current = await lockUnit(tx, organisationId, input.id, input.version);
      const changes = changedFields(current, { name: input.name, shortName: input.shortName });
      if (Object.keys(changes).length === 0) return withUserCount(tx, current);
      // Inactive units may share a name with an active one; the rule applies when they come back.
      if (current.active) await assertNamesFree(tx, organisationId, input, current.id);
      const [row] = await tx
        .update(unit)
        .set({
          name: input.name,
          shortName: input.shortName,
          version: sql`${unit.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(unit.id, current.id), eq(unit.version, input.version)))
        .returning(unitColumns);
      await appendAudit(tx, {
        organisationId,
        actor,
        action: "unit.updated",
        entityType: "unit",
        entityId: current.id,
        data: { changes },
      });
      return withUserCount(tx, row!);
    });
  } catch (error) {
    throw violatedUniqueConstraint(error) === UNIT_NAME_UQ
      ? fieldError({ name: "units.nameTaken" })
      : error;
  }
}

/**
 * Deactivating is refused while active people belong to the unit: they would be left in a unit
 * nobody can choose. The unit row stays locked until commit, so a concurrent move of a user into
 * it (which takes a share lock on the unit) waits and then sees it inactive.
 */
export async function setUnitActive(
  db: Db,
  actor: Actor,
  input: SetUnitActiveInput,
): Promise<UnitRow> {
  assertCan(actor, "unit.manage");
  const organisationId = await resolveTargetOrganisation(db, actor, input.organisationId);
  try {
    return await db.transaction(async (tx) => {
      const current = await lockUnit(tx, organisationId, input.id, input.version);
      if (current.active === input.active) return withUserCount(tx, current);
      if (!input.active) {
        const users = await countActiveUsers(tx, current.id);
        if (users > 0) throw new AppError("CONFLICT", "units.hasActiveUsers", { count: users });
      } else {
        const clash = await findNameClashes(tx, organisationId, current, current.id);
        if (clash.name) throw new AppError("CONFLICT", "units.nameTakenOnReactivate");
      }
      const [row] = await tx
        .update(unit)
        .set({ active: input.active, version: sql`${unit.version} + 1`, updatedAt: new Date() })
        .where(and(eq(unit.id, current.id), eq(unit.version, input.version)))
        .returning(unitColumns);
      await appendAudit(tx, {
        organisationId,
        actor,
        action: input.active ? "unit.reactivated" : "unit.deactivated",
        entityType: "unit",
        entityId: current.id,
        data: { name: current.name },
      });
      return withUserCount(tx, row!);
    });
  } catch (error) {
    if (violatedUniqueConstraint(error) === UNIT_NAME_UQ) {
      throw new AppError("CONFLICT", "units.nameTakenOnReactivate");
    }
    throw error;
  }
}

type UnitCore = Omit<UnitRow, "activeUserCount">;

/** The unit, locked for the rest of the transaction; another organisation's unit is simply not found. */
async function lockUnit(
  tx: Tx,
  organisationId: string,
  id: string,
  version: number,
): Promise<UnitCore> {
  const [row] = await tx
    .select(unitColumns)
    .from(unit)
    .where(and(eq(unit.id, id), eq(unit.organisationId, organisationId)))
    .for("update");
  if (!row) throw notFound("unit");
  if (row.version !== version) throw stale();
  return row;
}

/**
 * The name is unique among active units (the index has the last word). Short names are not
 * indexed, but two active units sharing one would make document notations ambiguous, so the
 * form refuses that too.
 */
async function assertNamesFree(
  tx: Tx,
  organisationId: string,
  names: { name: string; shortName: string },
  exceptId: string | null,
): Promise<void> {
  const clash = await findNameClashes(tx, organisationId, names, exceptId);
  const errors: Record<string, string> = {};
  if (clash.name) errors.name = "units.nameTaken";
  if (clash.shortName) errors.shortName = "units.shortNameTaken";
  if (Object.keys(errors).length > 0) throw fieldError(errors);
}

async function findNameClashes(
  tx: Tx,
  organisationId: string,
  names: { name: string; shortName: string },
  exceptId: string | null,
): Promise<{ name: boolean; shortName: boolean }> {
  const others = await tx
    .select({ name: unit.name, shortName: unit.shortName })
    .from(unit)
    .where(
      and(
        eq(unit.organisationId, organisationId),
        eq(unit.active, true),
        exceptId ? ne(unit.id, exceptId) : undefined,
        sql`(lower(${unit.name}) = lower(${names.name}) or lower(${unit.shortName}) = lower(${names.shortName}))`,
      ),
    );
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return {
    name: others.some((u) => same(u.name, names.name)),
    shortName: others.some((u) => same(u.shortName, names.shortName)),
  };
}

async function countActiveUsers(tx: Tx, unitId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(appUser)
    .where(and(eq(appUser.unitId, unitId), eq(appUser.active, true)));
  return row?.n ?? 0;
}

async function withUserCount(tx: Tx, row: UnitCore): Promise<UnitRow> {
  return { ...row, activeUserCount: await countActiveUsers(tx, row.id) };
}
