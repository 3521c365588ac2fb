import type { ComboboxItem } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { compareVietnamese } from "@/lib/collate";

export type OrgTreeRow = inferRouterOutputs<AppRouter>["orgTree"]["list"][number];
export type OrgNode = OrgTreeRow & { depth: number; children: OrgNode[] };
/** What a dialog acting on one organisation is given: it, the whole tree, and a way out. */
export type OrgActionProps = { org: OrgTreeRow; rows: OrgTreeRow[]; onClose: () => void };

const byStatusThenName = (a: OrgTreeRow, b: OrgTreeRow) =>
  Number(a.status !== "active") - Number(b.status !== "active") ||
  compareVietnamese(a.name, b.name);

/**
 * Nests the flat list by parent. An organisation whose parent is hidden (or missing) becomes a
 * root, so nothing disappears from view by accident.
 */
export function buildForest(rows: OrgTreeRow[], showInactive: boolean): OrgNode[] {
  const visible = showInactive ? rows : rows.filter((r) => r.status === "active");
  const nodes = new Map<string, OrgNode>(
    visible.map((r) => [r.id, { ...r, depth: 0, children: [] }]),
  );
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const settle = (list: OrgNode[], depth: number) => {
    list.sort(byStatusThenName);
    for (const node of list) {
      node.depth = depth;
      settle(node.children, depth + 1);
    }
  };
  settle(roots, 0);
  return roots;
}

/** The rows to draw, depth first, skipping the descendants of collapsed nodes. */
export function flattenForest(forest: OrgNode[], collapsed: ReadonlySet<string>): OrgNode[] {
  const out: OrgNode[] = [];
  const walk = (list: OrgNode[]) => {
    for (const node of list) {
      out.push(node);
      if (!collapsed.has(node.id)) walk(node.children);
    }
  };
  walk(forest);
  return out;
}

/** The organisation itself and all its descendants: never a valid new parent or merge target. */
export function subtreeIds(rows: OrgTreeRow[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) {
      if (r.parentId && ids.has(r.parentId) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
    }
  }
  return ids;
}

export const orgOption = (r: OrgTreeRow): ComboboxItem => ({
  value: r.id,
  label: `${r.name} (${r.code})`,
});

/** `yyyy-MM-dd` → `dd/MM/yyyy`. */
export const displayDate = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "");
