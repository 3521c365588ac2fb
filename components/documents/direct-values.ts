import type { AssignmentView } from "./document-types";
import { unitTarget, userTarget } from "./target-options";

/** `passed`: the deadline of the part being replaced, when it has gone by. */
export type DirectRow = {
  key: string;
  target: string | null;
  deadline: string | null;
  passed: string | null;
};
export type DirectValues = {
  direction: string;
  lead: Omit<DirectRow, "key">;
  co: DirectRow[];
  info: string[];
};

const isOpen = (a: AssignmentView) => a.status === "pending" || a.status === "in_progress";
const valueOf = (a: AssignmentView) => (a.unitId ? unitTarget(a.unitId) : userTarget(a.userId!));

/** The parts a new direction replaces: those at the first level still open. */
export const openParts = (assignments: AssignmentView[]) =>
  assignments.filter((a) => !a.parentId && isOpen(a));

/**
 * What the direction form starts from. A first direction suggests the issuer's deadline (or the
 * document's) while it is still ahead. Directing again starts from the open parts; one whose
 * deadline has gone by starts without a deadline, and remembers the one that passed, so that the
 * leader sets a new day rather than opening on an error.
 */
export function directStart(
  doc: { issuerDeadline?: string | null; deadline: string | null },
  assignments: AssignmentView[],
  today: string,
  newKey: () => string,
): DirectValues {
  const ahead = (d: string | null) => (d && d >= today ? d : null);
  const gone = (d: string | null) => (d && d < today ? d : null);
  const part = (a: AssignmentView) => ({
    target: valueOf(a),
    deadline: ahead(a.deadline),
    passed: gone(a.deadline),
  });
  const open = openParts(assignments);
  const lead = open.find((a) => a.role === "lead");
  return {
    direction: "",
    lead: lead
      ? part(lead)
      : { target: null, deadline: ahead(doc.issuerDeadline ?? doc.deadline), passed: null },
    co: open.filter((a) => a.role === "co").map((a) => ({ key: newKey(), ...part(a) })),
    info: open.filter((a) => a.role === "info").map(valueOf),
  };
}

/** The deadline that has passed and is not yet replaced, for a part ("lead", "co.1"). */
export function passedUnreplaced(values: DirectValues, part: string): string | null {
  const row = part === "lead" ? values.lead : values.co[Number(part.split(".")[1])];
  return row && !row.deadline ? row.passed : null;
}
