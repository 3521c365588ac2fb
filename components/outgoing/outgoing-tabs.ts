import { can, type Role } from "@/lib/permissions";
import { sentFilters, type SentFilter } from "@/lib/schemas/delivery";
import { outgoingBoxes, type OutgoingBox } from "@/lib/schemas/inbox";

/**
 * The boxes of outgoing documents, and "sent": the documents that went to other organisations,
 * whose count is of those with a recipient late to register them.
 */
export type OutgoingTab = OutgoingBox | "sent";
export type OutgoingCounts = Record<OutgoingTab, number>;

/** The tabs a person's roles give them, whether or not anything is in them now. */
export function outgoingBoxesOf(roles: readonly Role[]): OutgoingTab[] {
  const has: Record<OutgoingBox, boolean> = {
    to_sign: roles.includes("leader"),
    draft_review: can(roles, "outgoing.approve"),
    to_issue: can(roles, "outgoing.issue"),
    draft_returned: can(roles, "outgoing.draft"),
    drafting: can(roles, "outgoing.draft"),
  };
  // The clerk who sent them and the leader who signed them follow what became of them.
  const followsSent = roles.includes("clerk") || roles.includes("leader");
  return [...outgoingBoxes.filter((box) => has[box]), ...(followsSent ? ["sent" as const] : [])];
}

/**
 * The tabs of "Văn bản đi", in the order of the day (to sign, to review, to issue, returned, my
 * drafts, sent): the person's own tabs, and any other box that has something for them.
 */
export function outgoingTabs(available: readonly OutgoingTab[], counts: OutgoingCounts) {
  const boxes: OutgoingTab[] = outgoingBoxes.filter(
    (box) => available.includes(box) || counts[box] > 0,
  );
  return available.includes("sent") ? [...boxes, "sent" as const] : boxes;
}

/**
 * The tab a person lands on: their first box with something in it, else their first box. The
 * sent documents are never work waiting, so they are opened only when asked for.
 */
export function defaultOutgoingTab(
  available: readonly OutgoingTab[],
  counts: OutgoingCounts,
): OutgoingTab {
  const tabs = outgoingTabs(available, counts);
  return (
    tabs.find((box) => box !== "sent" && counts[box] > 0) ??
    tabs.find((box) => box !== "sent") ??
    tabs[0] ??
    "drafting"
  );
}

/** The tab asked for in the URL, when this person has it. */
export function parseOutgoingTab(
  value: string | null,
  available: readonly OutgoingTab[],
  counts: OutgoingCounts,
): OutgoingTab | null {
  const tabs: readonly string[] = outgoingTabs(available, counts);
  return value && tabs.includes(value) ? (value as OutgoingTab) : null;
}

/** The narrowing of the sent documents asked for in the URL; all of them otherwise. */
export function parseSentFilter(value: string | null): SentFilter {
  return sentFilters.includes(value as SentFilter) ? (value as SentFilter) : "all";
}

export const outgoingHref = (tab: OutgoingTab, filter: SentFilter = "all") =>
  tab === "sent" && filter !== "all"
    ? `/outgoing?box=sent&filter=${filter}`
    : `/outgoing?box=${tab}`;
