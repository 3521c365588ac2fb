import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type OutgoingView = inferRouterOutputs<AppRouter>["outgoing"]["get"];
export type RouteStepView = OutgoingView["route"][number];
export type RouteMemberView = RouteStepView["members"][number];
export type DraftCommentView = OutgoingView["comments"][number];
export type DraftVersionView = OutgoingView["versions"][number];
export type OutgoingEvent = OutgoingView["history"][number];
export type ReplyStart = inferRouterOutputs<AppRouter>["outgoing"]["replyStart"];
export type AnsweredDocumentView = ReplyStart["answers"];
export type VersionComparison = inferRouterOutputs<AppRouter>["outgoing"]["compare"];

export type OutgoingAction = OutgoingView["allowed"][number];

/** Whether the server offers this action to this person now (it checks again when taken). */
export const isAllowed = (view: Pick<OutgoingView, "allowed">, action: OutgoingAction) =>
  view.allowed.includes(action);
export type MyCertificate = inferRouterOutputs<AppRouter>["signing"]["myCertificates"][number];
