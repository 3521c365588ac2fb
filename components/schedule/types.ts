import type { inferRouterOutputs } from "@trpc/server";
import type { ScheduleEntrySource } from "@/lib/schemas/schedule";
import type { AppRouter } from "@/server/api/root";

export type WeekPage = inferRouterOutputs<AppRouter>["schedule"]["week"];
export type Sheet = NonNullable<WeekPage["sheet"]>;
export type Entry = Sheet["entries"][number];

/** An entry suggested by an invitation or a meeting occurrence, and where it came from. */
export type EntryPrefill = {
  source: ScheduleEntrySource;
  values: inferRouterOutputs<AppRouter>["schedule"]["prefill"]["values"];
};
