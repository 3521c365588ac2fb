import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RegistryRow = inferRouterOutputs<AppRouter>["registries"]["list"][number];
