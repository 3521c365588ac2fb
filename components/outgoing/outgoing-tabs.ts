import { can, type Role } from "@/lib/permissions";
import { outgoingBoxes, type OutgoingBox } from "@/lib/schemas/inbox";

export type OutgoingCounts = Record<OutgoingBox, number>;

/** The boxes a person's roles give them, whether or not anything is in them now. */
export function outgoingBoxesOf(roles: readonly Role[]): OutgoingBox[] {
  const has: Record<OutgoingBox, boolean> = {
    to_sign: roles.includes("leader"),
    draft_review: can(roles, "outgoing.approve"),
    to_issue: can(roles, "outgoing.issue"),
    draft_returned: can(roles, "outgoing.draft"),
    drafting: can(roles, "outgoing.draft"),
  };
  return outgoingBoxes.filter((box) => has[box]);
}

/**
 * The tabs of "Văn bản đi", in the order of the day (to sign, to review, to issue, returned, my
 * drafts): the person's own boxes, and any other box that has something for them.
 */
export function outgoingTabs(available: readonly OutgoingBox[], counts: OutgoingCounts) {
  return outgoingBoxes.filter((box) => available.includes(box) || counts[box] > 0);
}

/** The tab a person lands on: their first box with something in it, else their first box. */
export function defaultOutgoingTab(
  available: readonly OutgoingBox[],
  counts: OutgoingCounts,
): OutgoingBox {
  const tabs = outgoingTabs(available, counts);
  return tabs.find((box) => counts[box] > 0) ?? tabs[0] ?? "drafting";
}

/** The tab asked for in the URL, when this person has it. */
export function parseOutgoingTab(
  value: string | null,
  available: readonly OutgoingBox[],
  counts: OutgoingCounts,
): OutgoingBox | null {
  const tabs: readonly string[] = outgoingTabs(available, counts);
  return value && tabs.includes(value) ? (value as OutgoingBox) : null;
}

export const outgoingHref = (box: OutgoingBox) => `/outgoing?box=${box}`;
