// The rules every approval route keeps, whether a drafter sends a draft on it or an organisation
// keeps it as a template: the signature last and only there, and each step's people members of
// the organisation who may stand at it. Pure: the caller loads the people named.
import type { ApprovalStepKind } from "@/lib/outgoing";
import type { Role } from "@/lib/permissions";

type StepLike = { kind: ApprovalStepKind; userIds: readonly string[] };

/** The organisation's active members among those named, by id, with their roles. */
export type RouteMembers = ReadonlyMap<string, { roles: readonly Role[] }>;

/** Message keys by field (`steps`, `steps.<i>.kind`, `steps.<i>.userIds`); empty when it holds. */
export function routeErrors(
  steps: readonly StepLike[],
  members: RouteMembers,
): Record<string, string> {
  const errors: Record<string, string> = {};
  steps.forEach((s, i) => {
    if (s.userIds.some((id) => !members.has(id)))
      errors[`steps.${i}.userIds`] = "outgoing.memberUnknown";
    if (new Set(s.userIds).size !== s.userIds.length)
      errors[`steps.${i}.userIds`] = "outgoing.memberTwice";
    if (s.kind === "sign" && s.userIds.some((id) => !members.get(id)?.roles.includes("leader")))
      errors[`steps.${i}.userIds`] = "outgoing.signerNotALeader";
    if (
      s.kind === "format_check" &&
      s.userIds.some((id) => !members.get(id)?.roles.includes("clerk"))
    )
      errors[`steps.${i}.userIds`] = "outgoing.checkerNotAClerk";
    if (s.kind === "sign" && i !== steps.length - 1)
      errors[`steps.${i}.kind`] = "outgoing.signLast";
  });
  if (steps.at(-1)?.kind !== "sign") errors.steps = "outgoing.routeNeedsSigner";
  return errors;
}
