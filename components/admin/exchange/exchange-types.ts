import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Out = inferRouterOutputs<AppRouter>["exchange"];
export type PeerRow = Out["peers"][number];
export type OutboxRow = Out["outbox"]["rows"][number];
export type Identity = Out["identity"];
