import type { ApprovalStepKind } from "@/lib/outgoing";
import { candidatesFor, type Directory, type Person } from "./route-state";

type NamedDirectory = Omit<Directory, "units"> & {
  units: { id: string; name: string; staff: Person[] }[];
};

/**
 * Who may stand at a step of this kind, as the options of a people picker: grouped by unit, the
 * leadership (people outside any unit) under `leadershipLabel`, each "name — job title".
 */
export function peopleOptions(
  kind: ApprovalStepKind,
  directory: NamedDirectory,
  drafterId: string,
  leadershipLabel: string,
) {
  const unitName = new Map(directory.units.map((u) => [u.id, u.name]));
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const p of candidatesFor(kind, directory, drafterId)) {
    const group = p.unitId ? (unitName.get(p.unitId) ?? "") : leadershipLabel;
    groups.set(group, [
      ...(groups.get(group) ?? []),
      { value: p.id, label: `${p.fullName} — ${p.jobTitle}` },
    ]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
