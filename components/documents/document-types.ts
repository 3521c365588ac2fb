import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type IncomingDocumentView = inferRouterOutputs<AppRouter>["incoming"]["get"];
export type DocumentInfo = IncomingDocumentView["document"];
export type AssignmentView = IncomingDocumentView["assignments"][number];
export type ExtensionView = IncomingDocumentView["extensions"][number];
export type HistoryEvent = IncomingDocumentView["history"][number];
export type DocumentFileView = IncomingDocumentView["files"][number];
export type AvailableActions = IncomingDocumentView["can"];
export type PartAction = AvailableActions["parts"][number];
export type StaffDirectory = inferRouterOutputs<AppRouter>["directory"]["staff"];
export type ReplyView = IncomingDocumentView["replies"][number];
