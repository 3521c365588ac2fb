"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";

export type StaffOption = { value: string; label: string; unitId: string | null };

/**
 * The organisation's people and units for the pickers of the task forms: people grouped by unit
 * (leadership first), units by name.
 */
export function useStaff() {
  const trpc = useTRPC();
  const query = useQuery(trpc.directory.staff.queryOptions());
  return useMemo(() => {
    const d = query.data;
    if (!d) return { people: [], groups: [], units: [], nameOf: () => "" };
    const groups = [
      ...(d.leadership.length
        ? [{ group: "—", items: d.leadership.map((p) => ({ value: p.id, label: p.fullName })) }]
        : []),
      ...d.units
        .filter((u) => u.staff.length > 0)
        .map((u) => ({
          group: u.name,
          items: u.staff.map((p) => ({ value: p.id, label: p.fullName })),
        })),
      ...(d.unassigned.length
        ? [{ group: "…", items: d.unassigned.map((p) => ({ value: p.id, label: p.fullName })) }]
        : []),
    ];
    const people: StaffOption[] = [
      ...d.leadership,
      ...d.units.flatMap((u) => u.staff),
      ...d.unassigned,
    ].map((p) => ({ value: p.id, label: p.fullName, unitId: p.unitId }));
    const names = new Map(people.map((p) => [p.value, p.label]));
    return {
      people,
      groups,
      units: d.units.map((u) => ({ value: u.id, label: u.name })),
      nameOf: (id: string) => names.get(id) ?? "",
    };
  }, [query.data]);
}
