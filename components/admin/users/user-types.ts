import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type UserRow = inferRouterOutputs<AppRouter>["users"]["list"]["items"][number];
export type UnitOption = inferRouterOutputs<AppRouter>["units"]["list"][number];
