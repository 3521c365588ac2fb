import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type WeekPage = inferRouterOutputs<AppRouter>["schedule"]["week"];
export type Sheet = NonNullable<WeekPage["sheet"]>;
export type Entry = Sheet["entries"][number];
