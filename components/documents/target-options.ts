import type { ComboboxItem, ComboboxItemGroup } from "@mantine/core";
import { sortByRank } from "@/lib/rank";
import type { StaffDirectory } from "./document-types";

/** A Select value naming a unit or a person: `unit:<id>` or `user:<id>`. */
export type TargetValue = string;

export const unitTarget = (id: string) => `unit:${id}`;
export const userTarget = (id: string) => `user:${id}`;

export function targetOf(value: TargetValue, deadline?: string | null) {
  const [kind, id] = value.split(":");
  const target = kind === "unit" ? { unitId: id } : { userId: id };
  return deadline === undefined ? target : { ...target, deadline };
}

type Labels = { units: string; people: string; noHead: string };

type Person = StaffDirectory["leadership"][number];

/** Administrators keep the system; documents are not handed to them unless they also work on them. */
const works = (p: Person) => p.roles.some((r) => r !== "admin" && r !== "deployment_admin");

/**
 * Units and people to hand a document to, grouped; people by rank across units (leaders, unit
 * heads, specialists, others). A unit without a head cannot take a part (its part would reach
 * nobody), so it is shown but disabled with the reason. `exclude` leaves out people (the leader
 * directing, who cannot hand a part to themselves).
 */
export function targetOptions(
  directory: StaffDirectory,
  labels: Labels,
  options: { exclude?: string[] } = {},
): ComboboxItemGroup<ComboboxItem>[] {
  const excluded = new Set(options.exclude ?? []);
  const eligible = (p: Person) => works(p) && !excluded.has(p.id);
  const units = directory.units.map((u) => {
    const hasHead = u.staff.some((p) => p.roles.includes("unit_head"));
    return {
      value: unitTarget(u.id),
      label: hasHead ? u.name : `${u.name} (${labels.noHead})`,
      disabled: !hasHead,
    };
  });
  const unitName = new Map(directory.units.map((u) => [u.id, u.name]));
  const people = sortByRank(
    [
      ...directory.leadership,
      ...directory.units.flatMap((u) => u.staff),
      ...directory.unassigned,
    ].filter(eligible),
  ).map((p) => ({
    value: userTarget(p.id),
    label: [p.fullName, p.jobTitle || (p.unitId && unitName.get(p.unitId))]
      .filter(Boolean)
      .join(" — "),
  }));
  return [
    { group: labels.units, items: units },
    { group: labels.people, items: people },
  ];
}

/** The same options without those chosen elsewhere in the form. */
export function withoutChosen(
  groups: ComboboxItemGroup<ComboboxItem>[],
  chosen: (string | null)[],
  keep?: string | null,
): ComboboxItemGroup<ComboboxItem>[] {
  const taken = new Set(chosen.filter((v): v is string => Boolean(v) && v !== keep));
  return groups.map((g) => ({ ...g, items: g.items.filter((i) => !taken.has(i.value)) }));
}
