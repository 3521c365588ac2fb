import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RouteTemplateRow = inferRouterOutputs<AppRouter>["routeTemplates"]["list"][number];
