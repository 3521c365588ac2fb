import type { inferRouterOutputs } from "@trpc/server";
import { clerkBoxes, inboxFilters, type ClerkBox, type InboxFilter } from "@/lib/schemas/inbox";
import type { AppRouter } from "@/server/api/root";

export type InboxCounters = inferRouterOutputs<AppRouter>["inbox"]["counters"];

/** The tabs of the inbox page, as written in its URL (?box=…). */
export type InboxTab = ClerkBox | "to_direct" | "to_handle" | "to_review" | "handled" | "info";

export const isClerkTab = (tab: InboxTab): tab is ClerkBox =>
  (clerkBoxes as readonly string[]).includes(tab);

/**
 * The tabs a person has, in the order of their day: the clerk's registration work, the
 * leader's directions, then everyone's own documents. The counters say which roles apply
 * (the server sends the clerk's and the leader's parts only to them).
 */
export function inboxTabs(counters: InboxCounters): InboxTab[] {
  return [
    ...(counters.clerk ? clerkBoxes : []),
    ...(counters.leader ? (["to_direct"] as const) : []),
    ...(counters.toReview !== null ? (["to_review"] as const) : []),
    "to_handle",
    "handled",
    "info",
  ];
}

/** The number shown on a tab; none for the lists of what has left the person's hands, which only grow. */
export function tabCount(tab: InboxTab, counters: InboxCounters): number | null {
  switch (tab) {
    case "to_register":
      return counters.clerk?.toRegister ?? 0;
    case "to_present":
      return counters.clerk?.toPresent ?? 0;
    case "returned":
      return counters.clerk?.returned ?? 0;
    case "at_leader":
      return counters.clerk?.atLeader ?? 0;
    case "to_direct":
      return counters.leader?.toDirect ?? 0;
    case "to_handle":
      return counters.toHandle;
    case "to_review":
      return counters.toReview ?? 0;
    case "info":
      return counters.infoUnread;
    case "handled":
    case "in_progress":
    case "returned_to_sender":
    case "completed":
    case "recalled":
      return null;
  }
}

/** The tab a person lands on: their first box with something in it, else their main one. */
export function defaultTab(counters: InboxCounters): InboxTab {
  const tabs = inboxTabs(counters);
  const waiting = tabs.find((tab) => tab !== "handled" && (tabCount(tab, counters) ?? 0) > 0);
  return waiting ?? (counters.leader ? "to_direct" : counters.clerk ? "to_register" : "to_handle");
}

/** The tab asked for in the URL, when this person has it. */
export function parseTab(value: string | null, counters: InboxCounters): InboxTab | null {
  const tabs: string[] = inboxTabs(counters);
  return value && tabs.includes(value) ? (value as InboxTab) : null;
}

/** Filters apply to the documents to handle only. */
export function parseFilter(value: string | null, tab: InboxTab): InboxFilter | null {
  return tab === "to_handle" && value && (inboxFilters as readonly string[]).includes(value)
    ? (value as InboxFilter)
    : null;
}

/** The URL of a tab, for links from the home page and the navigation. */
export function inboxHref(tab: InboxTab, filter?: InboxFilter | null): string {
  const params = new URLSearchParams({ box: tab });
  if (filter) params.set("filter", filter);
  return `/incoming?${params.toString()}`;
}
