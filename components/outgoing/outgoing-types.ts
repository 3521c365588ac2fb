import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type OutgoingView = inferRouterOutputs<AppRouter>["outgoing"]["get"];
export type RouteStepView = OutgoingView["route"][number];
export type RouteMemberView = RouteStepView["members"][number];
export type DraftCommentView = OutgoingView["comments"][number];
export type DraftVersionView = OutgoingView["versions"][number];
export type OutgoingEvent = OutgoingView["history"][number];
export type VersionComparison = inferRouterOutputs<AppRouter>["outgoing"]["compare"];

/**
 * What this person may do now, as the server's `allowed` lists it; signing and issuing join
 * the workflow's own actions.
 */
export type OutgoingAction = OutgoingView["allowed"][number] | "sign" | "issue";

export const isAllowed = (view: Pick<OutgoingView, "allowed">, action: OutgoingAction) =>
  (view.allowed as readonly string[]).includes(action);
