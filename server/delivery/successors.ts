// Who receives for an addressee: the organisation itself while it is active, the one that took
// it over once it has merged (following merges), nobody once it has closed.
import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organisation } from "@/db/schema/org";

export type Target = { id: string; name: string; code: string; peerId: string | null };

/**
 * For each addressee, the organisation that receives for it: itself when active, the one that
 * took it over when merged (following merges), null when it is closed. One query for all of
 * them, and one per step along a merge.
 */
export async function successorsOf(tx: Tx, ids: string[]): Promise<Map<string, Target | null>> {
  const columns = {
    id: organisation.id,
    name: organisation.name,
    code: organisation.code,
    peerId: organisation.peerId,
    status: organisation.status,
    mergedIntoId: organisation.mergedIntoId,
  };
  type Row = { [K in keyof typeof columns]: (typeof organisation.$inferSelect)[K] };
  const known = new Map<string, Row>();
  const load = async (wanted: string[]) => {
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length === 0) return;
    const rows = await tx
      .select(columns)
      .from(organisation)
      .where(inArray(organisation.id, missing));
    for (const row of rows) known.set(row.id, row);
  };
  await load(ids);
  const out = new Map<string, Target | null>();
  for (const start of ids) {
    let id: string | null = start;
    let found: Target | null = null;
    for (let hops = 0; id && hops < 10; hops++) {
      await load([id]);
      const org = known.get(id);
      if (!org) break;
      if (org.status === "active") {
        found = { id: org.id, name: org.name, code: org.code, peerId: org.peerId };
        break;
      }
      id = org.status === "merged" ? org.mergedIntoId : null;
    }
    out.set(start, found);
  }
  return out;
}
