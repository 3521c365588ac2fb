import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { registry, registryPeriod } from "@/db/schema/registry";
import { defaultRegistryNames, type RegistryKind } from "@/lib/schemas/registry";
import { vietnamToday } from "@/lib/dates";
import { appendAudit } from "../audit/append";
import { AppError } from "../errors";

export type PeriodSpec = {
  periodKind: "year" | "term";
  termStartYear: number | null;
  termYears: number | null;
};

export type RegistryPeriodRange = { period: string; startsOn: string; endsOn: string };

/**
 * The period a date falls in. A year registry runs from 1 January to 31 December in Vietnam
 * (a document registered at 00:30 on 1 January, Hanoi time, is in the new year even though it
 * is still 31 December in UTC). A term registry runs in whole years from its term's first
 * year; terms roll over by themselves, so a registry set up for 2020-2025 numbers 2026 in
 * "2025-2030". Its label names the congress years, as Party documents do.
 */
export function periodOf(spec: PeriodSpec, on: Date): RegistryPeriodRange {
  const year = Number(vietnamToday(on).slice(0, 4));
  if (spec.periodKind === "year") {
    return { period: String(year), startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
  }
  const first = spec.termStartYear;
  const length = spec.termYears;
  if (first === null || length === null) throw new Error("A term registry needs its term.");
  const start = first + Math.floor((year - first) / length) * length;
  return {
    period: `${start}-${start + length}`,
    startsOn: `${start}-01-01`,
    endsOn: `${start + length - 1}-12-31`,
  };
}

/**
 * Takes the next number of a registry for the period containing `on`. The counter row is
 * created on the first number of a period (so a new year opens by itself) and otherwise
 * incremented in place; either way the row stays locked until the caller's transaction ends.
 * Concurrent clerks therefore queue on it, and a transaction that rolls back gives its number
 * back: no gaps, no duplicates. Take the number late in the transaction, to hold the lock briefly.
 */
export async function nextRegistryNumber(
  tx: Tx,
  input: { registryId: string; on: Date },
): Promise<{ period: string; number: number }> {
  // A share lock: an admin deactivating or re-periodising the registry waits for us, and we for them.
  const [book] = await tx
    .select({
      active: registry.active,
      periodKind: registry.periodKind,
      termStartYear: registry.termStartYear,
      termYears: registry.termYears,
    })
    .from(registry)
    .where(eq(registry.id, input.registryId))
    .for("share");
  if (!book) throw new AppError("NOT_FOUND", "errors.notFound", { what: "registry" });
  if (!book.active) throw new AppError("CONFLICT", "registry.inactive");
  const range = periodOf(book, input.on);
  const [row] = await tx
    .insert(registryPeriod)
    .values({ registryId: input.registryId, ...range, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [registryPeriod.registryId, registryPeriod.period],
      set: { lastNumber: sql`${registryPeriod.lastNumber} + 1` },
    })
    .returning({ lastNumber: registryPeriod.lastNumber });
  return { period: range.period, number: row!.lastNumber };
}

/**
 * What is wrong with a registry a clerk chose by its id, for numbering a document of `kind` in
 * their organisation: another organisation's or a missing one ("unknown"), one of another kind
 * (an incoming book for an outgoing document, an open book for a secret one), or one closed.
 * Null when it may be used.
 */
export async function chosenRegistryProblem(
  tx: DbOrTx,
  organisationId: string,
  registryId: string,
  kind: RegistryKind,
): Promise<"unknown" | "wrongKind" | "inactive" | null> {
  const [book] = await tx
    .select({ kind: registry.kind, active: registry.active })
    .from(registry)
    .where(and(eq(registry.id, registryId), eq(registry.organisationId, organisationId)));
  if (!book) return "unknown";
  if (book.kind !== kind) return "wrongKind";
  return book.active ? null : "inactive";
}

export type RegistryRef = {
  id: string;
  name: string;
  kind: RegistryKind;
  active: boolean;
};

const refColumns = {
  id: registry.id,
  name: registry.name,
  kind: registry.kind,
  active: registry.active,
};

/**
 * The registry an organisation uses for a kind when the clerk does not choose one. Every
 * organisation should have one of each (the seed and the registry admin keep it so); when one
 * is missing it is made here, inside the caller's transaction: the oldest active registry of
 * the kind becomes the default, or a new book with the usual name is opened.
 */
export async function defaultRegistry(
  tx: Tx,
  organisationId: string,
  kind: RegistryKind,
): Promise<RegistryRef> {
  const found = await findDefault(tx, organisationId, kind);
  if (found) return usable(found);
  // Two first registrations at once must not both open a book: the second waits, then finds it.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`registry-default:${organisationId}:${kind}`}, 0))`,
  );
  const again = await findDefault(tx, organisationId, kind);
  if (again) return usable(again);
  const [oldest] = await tx
    .select(refColumns)
    .from(registry)
    .where(
      and(
        eq(registry.organisationId, organisationId),
        eq(registry.kind, kind),
        eq(registry.active, true),
      ),
    )
    .orderBy(asc(registry.createdAt), asc(registry.id))
    .limit(1);
  const chosen = oldest
    ? await promote(tx, oldest.id)
    : await openDefault(tx, organisationId, kind, await freeName(tx, organisationId, kind));
  await appendAudit(tx, {
    organisationId,
    actor: null,
    action: oldest ? "registry.defaultChosen" : "registry.created",
    entityType: "registry",
    entityId: chosen.id,
    data: { name: chosen.name, kind, automatic: true },
  });
  return chosen;
}

async function findDefault(tx: DbOrTx, organisationId: string, kind: RegistryKind) {
  const [row] = await tx
    .select(refColumns)
    .from(registry)
    .where(
      and(
        eq(registry.organisationId, organisationId),
        eq(registry.kind, kind),
        eq(registry.isDefault, true),
      ),
    )
    .limit(1);
  return row;
}

/** The registry admin keeps defaults active; an inactive one was switched off by hand. */
function usable(ref: RegistryRef): RegistryRef {
  if (!ref.active) throw new AppError("CONFLICT", "registry.defaultInactive", { name: ref.name });
  return ref;
}

async function promote(tx: Tx, id: string): Promise<RegistryRef> {
  const [row] = await tx
    .update(registry)
    .set({ isDefault: true, version: sql`${registry.version} + 1` })
    .where(eq(registry.id, id))
    .returning(refColumns);
  return row!;
}

async function openDefault(
  tx: Tx,
  organisationId: string,
  kind: RegistryKind,
  name: string,
): Promise<RegistryRef> {
  const [row] = await tx
    .insert(registry)
    .values({ organisationId, kind, name, isDefault: true })
    .returning(refColumns);
  return row!;
}

/** The usual name, or the usual name with a number when an admin already used it for another book. */
async function freeName(tx: Tx, organisationId: string, kind: RegistryKind): Promise<string> {
  const base = defaultRegistryNames[kind];
  const taken = await tx
    .select({ name: sql<string>`lower(${registry.name})` })
    .from(registry)
    .where(
      and(
        eq(registry.organisationId, organisationId),
        sql`lower(${registry.name}) like lower(${`${base}%`})`,
      ),
    );
  const names = new Set(taken.map((t) => t.name));
  let name = base;
  for (let n = 2; names.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}
