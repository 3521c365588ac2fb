import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Per table: its row count and the sum of its rows' hashes, as text (bigint-safe). */
export type Fingerprint = Record<string, string>;

/**
 * The tables of the application's schema, read from the catalogue rather than listed by hand, so
 * that a table added later is covered too.
 */
export async function publicTables(db: Db): Promise<string[]> {
  const { rows } = await db.execute<{ name: string }>(sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`);
  return rows.map((r) => r.name);
}

/**
 * The whole database's state in one statement: `count(*)` and `sum(hashtext(row::text))` per
 * table. Any insert, update or delete of any row changes it (short of a hash collision).
 */
export async function fingerprint(db: Db, tables: readonly string[]): Promise<Fingerprint> {
  const parts = tables.map(
    (t) =>
      sql`select ${t}::text as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)), 0)::text as f from ${sql.identifier(t)} x`,
  );
  const { rows } = await db.execute<{ t: string; f: string }>(sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

/** The tables whose rows differ between two fingerprints. */
export const changedTables = (before: Fingerprint, after: Fingerprint): string[] =>
  Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .sort();

/** The transaction id PostgreSQL will assign next (cluster-wide). */
async function nextXid(db: Db): Promise<string> {
  const { rows } = await db.execute<{ xid: string }>(
    sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xid`,
  );
  return rows[0]!.xid;
}

/**
 * Tells whether a call changed the database, cheaply. Nothing can be written without a
 * transaction id, so when the next id has not moved across a call, the call wrote nothing; the
 * full fingerprint (several milliseconds) is taken only when it has, and kept for the next call
 * while the id stays put. The test's database has no writer but the test's own calls, one at a
 * time, so a fingerprint taken between calls is exact; ids are shared by the whole cluster, so
 * another test file's writes cost an extra fingerprint, never a wrong verdict.
 */
export class ChangeDetector {
  private known: { xid: string; fingerprint: Fingerprint } | null = null;

  constructor(
    private readonly db: Db,
    private readonly tables: readonly string[],
  ) {}

  /** Called before a call; returns the mark to hand to `changedSince` after it. */
  async mark(): Promise<{ xid: string; fingerprint: Fingerprint }> {
    const xid = await nextXid(this.db);
    if (this.known?.xid !== xid)
      this.known = { xid, fingerprint: await fingerprint(this.db, this.tables) };
    return this.known;
  }

  /** The tables changed since the mark was taken. */
  async changedSince(mark: { xid: string; fingerprint: Fingerprint }): Promise<string[]> {
    if ((await nextXid(this.db)) === mark.xid) return [];
    return changedTables(mark.fingerprint, await fingerprint(this.db, this.tables));
  }
}
