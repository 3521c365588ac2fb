import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Actor } from "../authz/actor";
import { sharedActors } from "../authz/shared-actors";
import { currentSession } from "./auth";

/** The signed-in actor for server components, resolved once per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  return session ? sharedActors().forRead(getDb(), session) : null;
});
