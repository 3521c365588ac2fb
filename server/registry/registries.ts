import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { registry, registryPeriod } from "@/db/schema/registry";
import type {
  CreateRegistryInput,
  ListRegistriesInput,
  RegistryKind,
  RegistryPeriodKind,
  UpdateRegistryInput,
} from "@/lib/schemas/registry";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { fieldError, notFound, stale } from "../errors";
import { changedFields } from "../org/changed-fields";
import { uniqueNameGuard } from "../org/unique-violation";
import { periodOf } from "./numbering";

export type RegistryRow = {
  id: string;
  name: string;
  kind: RegistryKind;
  periodKind: RegistryPeriodKind;
  termStartYear: number | null;
  termYears: number | null;
  isDefault: boolean;
  active: boolean;
  version: number;
  /** The period today falls in ("2026", "2025-2030") and the last number taken in it (0: none yet). */
  currentPeriod: string;
  lastNumber: number;
};

const REGISTRY_NAME_UQ = "registry_org_name_uq";

const registryColumns = {
  id: registry.id,
  name: registry.name,
  kind: registry.kind,
  periodKind: registry.periodKind,
  termStartYear: registry.termStartYear,
  termYears: registry.termYears,
  isDefault: registry.isDefault,
  active: registry.active,
  version: registry.version,
};
type RegistryCore = Omit<RegistryRow, "currentPeriod" | "lastNumber">;

/** The organisation's registry books by kind, the default first, each with where its counter stands. */
export async function listRegistries(
  db: DbOrTx,
  actor: Actor,
  input: ListRegistriesInput = {},
  now = new Date(),
): Promise<RegistryRow[]> {
  assertCan(actor, "incoming.read");
  const rows = await db
    .select(registryColumns)
    .from(registry)
    .where(
      and(
        eq(registry.organisationId, actor.organisationId),
        input.kind ? eq(registry.kind, input.kind) : undefined,
        input.includeInactive ? undefined : eq(registry.active, true),
      ),
    )
    .orderBy(asc(registry.kind), desc(registry.isDefault), asc(registry.name), asc(registry.id));
  return withCounters(db, rows, now);
}

export async function createRegistry(
  db: Db,
  actor: Actor,
  input: CreateRegistryInput,
): Promise<RegistryRow> {
  assertCan(actor, "registry.manage");
  const organisationId = actor.organisationId;
  return uniqueNameGuard(REGISTRY_NAME_UQ, "registry.nameTaken", () =>
    db.transaction(async (tx) => {
      if (await nameTaken(tx, organisationId, input.name, null)) {
        throw fieldError({ name: "registry.nameTaken" });
      }
      // A new default takes over from the old one, which must let go first (one default per kind).
      if (input.isDefault) await clearDefault(tx, organisationId, input.kind);
      const [row] = await tx
        .insert(registry)
        .values({ organisationId, ...registryValues(input) })
        .returning(registryColumns);
      await appendAudit(tx, {
        organisationId,
        actor,
        action: "registry.created",
        entityType: "registry",
        entityId: row!.id,
        data: registryValues(input),
      });
      return (await withCounters(tx, [row!]))[0]!;
    }),
  );
}

export async function updateRegistry(
  db: Db,
  actor: Actor,
  input: UpdateRegistryInput,
): Promise<RegistryRow> {
  assertCan(actor, "registry.manage");
  const organisationId = actor.organisationId;
  return uniqueNameGuard(REGISTRY_NAME_UQ, "registry.nameTaken", () =>
    db.transaction(async (tx) => {
      const current = await lockRegistry(tx, organisationId, input.id, input.version);
      const next = { ...registryValues(input), active: input.active };
      const changes = changedFields(current, next);
      if (Object.keys(changes).length === 0) return (await withCounters(tx, [current]))[0]!;
      await assertEditable(tx, organisationId, current, input);
      if (input.isDefault && !current.isDefault) await clearDefault(tx, organisationId, input.kind);
      const [row] = await tx
        .update(registry)
        .set({ ...next, version: sql`${registry.version} + 1` })
        .where(and(eq(registry.id, current.id), eq(registry.version, input.version)))
        .returning(registryColumns);
      await appendAudit(tx, {
        organisationId,
        actor,
        action: "registry.updated",
        entityType: "registry",
        entityId: current.id,
        data: { changes: changedFields(current, row!) },
      });
      return (await withCounters(tx, [row!]))[0]!;
    }),
  );
}

function registryValues(input: CreateRegistryInput) {
  return {
    name: input.name,
    kind: input.kind,
    periodKind: input.periodKind,
    termStartYear: input.termStartYear,
    termYears: input.termYears,
    isDefault: input.isDefault,
  };
}

/**
 * Rules that keep numbering meaningful: every kind keeps one active default (so a clerk who
 * does not choose always has a book), and a book that has given numbers keeps its kind and
 * period kind (its numbers would otherwise change meaning).
 */
async function assertEditable(
  tx: Tx,
  organisationId: string,
  current: RegistryCore,
  input: UpdateRegistryInput,
): Promise<void> {
  const errors: Record<string, string> = {};
  if (current.isDefault && (!input.isDefault || current.kind !== input.kind)) {
    errors.isDefault = "registry.keepOneDefault";
  }
  if (input.isDefault && !input.active) errors.active = "registry.defaultMustBeActive";
  if (current.kind !== input.kind || current.periodKind !== input.periodKind) {
    const [used] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(registryPeriod)
      .where(and(eq(registryPeriod.registryId, current.id), sql`${registryPeriod.lastNumber} > 0`));
    if ((used?.n ?? 0) > 0) {
      if (current.kind !== input.kind) errors.kind = "registry.kindLocked";
      if (current.periodKind !== input.periodKind) errors.periodKind = "registry.periodLocked";
    }
  }
  if (await nameTaken(tx, organisationId, input.name, current.id))
    errors.name = "registry.nameTaken";
  if (Object.keys(errors).length > 0) throw fieldError(errors);
}

async function nameTaken(
  tx: Tx,
  organisationId: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  const [clash] = await tx
    .select({ id: registry.id })
    .from(registry)
    .where(
      and(
        eq(registry.organisationId, organisationId),
        sql`lower(${registry.name}) = lower(${name})`,
        exceptId ? ne(registry.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return clash !== undefined;
}

async function clearDefault(tx: Tx, organisationId: string, kind: RegistryKind): Promise<void> {
  await tx
    .update(registry)
    .set({ isDefault: false, version: sql`${registry.version} + 1` })
    .where(
      and(
        eq(registry.organisationId, organisationId),
        eq(registry.kind, kind),
        eq(registry.isDefault, true),
      ),
    );
}

/** The registry, locked for the rest of the transaction; another organisation's is simply not found. */
async function lockRegistry(
  tx: Tx,
  organisationId: string,
  id: string,
  version: number,
): Promise<RegistryCore> {
  const [row] = await tx
    .select(registryColumns)
    .from(registry)
    .where(and(eq(registry.id, id), eq(registry.organisationId, organisationId)))
    .for("update");
  if (!row) throw notFound("registry");
  if (row.version !== version) throw stale();
  return row;
}

async function withCounters(
  db: DbOrTx,
  rows: RegistryCore[],
  now = new Date(),
): Promise<RegistryRow[]> {
  const withPeriods = rows.map((r) => ({ ...r, currentPeriod: periodOf(r, now).period }));
  if (withPeriods.length === 0) return [];
  const counters = await db
    .select({
      registryId: registryPeriod.registryId,
      period: registryPeriod.period,
      lastNumber: registryPeriod.lastNumber,
    })
    .from(registryPeriod)
    .where(
      sql`(${registryPeriod.registryId}, ${registryPeriod.period}) in (${sql.join(
        withPeriods.map((r) => sql`(${r.id}::uuid, ${r.currentPeriod})`),
        sql`, `,
      )})`,
    );
  const byKey = new Map(counters.map((c) => [`${c.registryId}/${c.period}`, c.lastNumber]));
  return withPeriods.map((r) => ({
    ...r,
    lastNumber: byKey.get(`${r.id}/${r.currentPeriod}`) ?? 0,
  }));
}
