import type { ApprovalRule, ApprovalStepKind } from "@/lib/outgoing";
import type { Role } from "@/lib/permissions";

type Member = { userId: string; decision: string };
type Step = {
  position: number;
  kind: ApprovalStepKind;
  rule: ApprovalRule;
  status: string;
  members: Member[];
};
type RouteLike = { status: string; route: Step[] };

/** The step the draft waits at, while it is on its route. */
export function activeStepOf<S extends Step>(view: { status: string; route: S[] }): S | null {
  if (view.status !== "on_route") return null;
  return view.route.find((s) => s.status === "active") ?? null;
}

/** The active step, when it still waits for this person's decision. */
export function myTurn<S extends Step>(
  view: { status: string; route: S[] },
  userId: string,
): S | null {
  const step = activeStepOf(view);
  return step?.members.some((m) => m.userId === userId && m.decision === "pending") ? step : null;
}

/** Where a member may send the draft back: the drafter, or a step before the active one. */
export function returnTargets<S extends Step>(view: { status: string; route: S[] }): S[] {
  const step = activeStepOf(view);
  return step ? view.route.filter((s) => s.position < step.position) : [];
}

export type Person = {
  id: string;
  fullName: string;
  jobTitle: string;
  unitId: string | null;
  roles: Role[];
};
export type Directory = {
  leadership: Person[];
  unassigned: Person[];
  units: { id: string; staff: Person[] }[];
};

export type RouteStepDraft = { kind: ApprovalStepKind; rule: ApprovalRule; userIds: string[] };

/** Everyone in the directory, leaders first, in its order. */
export const everyoneIn = (directory: Directory): Person[] => [
  ...directory.leadership,
  ...directory.units.flatMap((u) => u.staff),
  ...directory.unassigned,
];

const approverRoles: Role[] = ["clerk", "specialist", "unit_head", "leader"];

/**
 * Who may stand at a step: leaders sign, clerks check the format, and anyone who decides on
 * drafts gives the review mark. The drafter is never on their own route.
 */
export function candidatesFor(
  kind: ApprovalStepKind,
  directory: Directory,
  drafterId: string,
): Person[] {
  const role: (p: Person) => boolean =
    kind === "sign"
      ? (p) => p.roles.includes("leader")
      : kind === "format_check"
        ? (p) => p.roles.includes("clerk")
        : (p) => p.roles.some((r) => approverRoles.includes(r));
  return everyoneIn(directory).filter((p) => p.id !== drafterId && role(p));
}

/**
 * The route a draft is sent on unless the drafter changes it. Sent before: the same route
 * again. Else Decree 30's road: the review mark by the head of the drafter's unit (unless the
 * drafter heads it), the format check by a clerk, the signature by the draft's signer (or the
 * first leader).
 */
export function defaultRoute(
  view: RouteLike & {
    drafter: { id: string };
    draft: { signerId: string | null; draftingUnitId: string | null };
  },
  directory: Directory,
): RouteStepDraft[] {
  if (view.route.length > 0) {
    return view.route.map((s) => ({
      kind: s.kind,
      rule: s.rule,
      userIds: s.members.map((m) => m.userId),
    }));
  }
  const drafterId = view.drafter.id;
  const people = everyoneIn(directory);
  const unitId =
    view.draft.draftingUnitId ?? people.find((p) => p.id === drafterId)?.unitId ?? null;
  const head = directory.units
    .find((u) => u.id === unitId)
    ?.staff.find((p) => p.roles.includes("unit_head") && p.id !== drafterId);
  const clerk = candidatesFor("format_check", directory, drafterId)[0];
  const leaders = candidatesFor("sign", directory, drafterId);
  const signer = leaders.find((p) => p.id === view.draft.signerId) ?? leaders[0];
  return [
    ...(head ? [{ kind: "review" as const, rule: "all" as const, userIds: [head.id] }] : []),
    ...(clerk
      ? [{ kind: "format_check" as const, rule: "all" as const, userIds: [clerk.id] }]
      : []),
    { kind: "sign", rule: "all", userIds: signer ? [signer.id] : [] },
  ];
}

/** What is wrong with a route before it is sent, as message keys by field. */
export function routeProblems(steps: RouteStepDraft[]): Record<string, string> {
  const problems: Record<string, string> = {};
  steps.forEach((s, i) => {
    if (s.userIds.length === 0) problems[`steps.${i}.userIds`] = "pickSomeone";
    if (s.kind === "sign" && i !== steps.length - 1) problems[`steps.${i}.kind`] = "signLast";
  });
  if (steps.at(-1)?.kind !== "sign") problems.steps = "needsSigner";
  return problems;
}
