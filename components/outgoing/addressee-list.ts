import { foldVietnamese } from "@/lib/collate";
import type { Addressee } from "./draft-values";

export type PickedOrganisation = { id: string; name: string };

export const sameAddressee = (a: Addressee, b: Addressee) =>
  a.kind === "organisation" && b.kind === "organisation"
    ? a.organisationId === b.organisationId
    : foldVietnamese(a.name) === foldVietnamese(b.name);

/**
 * The addressees with the picked organisations after them, in the order picked, each once:
 * a branch or a group adds only those not already there. `added` says how many were new.
 */
export function addOrganisations(
  value: Addressee[],
  picked: PickedOrganisation[],
): { next: Addressee[]; added: number } {
  const next = [...value];
  for (const o of picked) {
    const addressee: Addressee = { kind: "organisation", organisationId: o.id, name: o.name };
    if (!next.some((a) => sameAddressee(a, addressee))) next.push(addressee);
  }
  return { next, added: next.length - value.length };
}

/**
 * An addressee that merged, replaced by the organisation that took it over, in its place; when
 * that one is already addressed, the merged one is simply dropped.
 */
export function replaceBySuccessor(
  value: Addressee[],
  organisationId: string,
  successor: PickedOrganisation,
): Addressee[] {
  const already = value.some((a) => a.kind === "organisation" && a.organisationId === successor.id);
  return value.flatMap((a): Addressee[] => {
    if (a.kind !== "organisation" || a.organisationId !== organisationId) return [a];
    return already
      ? []
      : [{ kind: "organisation", organisationId: successor.id, name: successor.name }];
  });
}
