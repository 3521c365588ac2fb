import type { RouteMemberRole, RouteTemplateStep } from "@/lib/outgoing";
import { MAX_STEP_MEMBERS } from "@/lib/schemas/route-templates";
import {
  candidatesFor,
  everyoneIn,
  type Directory,
  type Person,
  type RouteStepDraft,
} from "./route-state";

type DraftLike = {
  drafter: { id: string };
  draft: { signerId: string | null; draftingUnitId: string | null };
};

/**
 * A template's steps as the route of this draft, from the staff directory: the people it names
 * who may still stand at their step (not the drafter, still active, of the step's role), and its
 * roles resolved: the heads of the drafting unit (the drafter's own unit when the draft names
 * none), every clerk, and for a signature the draft's signer when a leader. A leader to review is
 * left for the drafter to pick. A review by the unit head that finds nobody (the drafter heads
 * the unit) is left out, as on the usual road; any other step that finds nobody stays, empty,
 * for the drafter to fill.
 */
export function stepsFromTemplate(
  steps: readonly RouteTemplateStep[],
  view: DraftLike,
  directory: Directory,
): RouteStepDraft[] {
  const drafterId = view.drafter.id;
  const unitId =
    view.draft.draftingUnitId ??
    everyoneIn(directory).find((p) => p.id === drafterId)?.unitId ??
    null;
  const out: RouteStepDraft[] = [];
  for (const step of steps) {
    const fit = candidatesFor(step.kind, directory, drafterId);
    const fitIds = new Set(fit.map((p) => p.id));
    const named = step.userIds.filter((id) => fitIds.has(id));
    const byRole = step.role ? ofRole(step.role, step.kind, fit, { unitId, view }) : [];
    const userIds = [...new Set([...named, ...byRole])].slice(0, MAX_STEP_MEMBERS);
    const headOnly = step.role === "unit_head_of_drafter" && step.userIds.length === 0;
    if (headOnly && userIds.length === 0) continue;
    out.push({ kind: step.kind, rule: step.rule, userIds });
  }
  return out;
}

function ofRole(
  role: RouteMemberRole,
  kind: RouteTemplateStep["kind"],
  fit: Person[],
  { unitId, view }: { unitId: string | null; view: DraftLike },
): string[] {
  switch (role) {
    case "unit_head_of_drafter":
      return unitId
        ? fit.filter((p) => p.unitId === unitId && p.roles.includes("unit_head")).map((p) => p.id)
        : [];
    case "clerks":
      return fit.filter((p) => p.roles.includes("clerk")).map((p) => p.id);
    case "leader": {
      const signer = fit.find((p) => p.id === view.draft.signerId && p.roles.includes("leader"));
      return kind === "sign" && signer ? [signer.id] : [];
    }
  }
}
