import "server-only";
import { env } from "../env";
import { ActorCache, uncachedActors, type ActorSource } from "./actor-cache";

const globalForActors = globalThis as unknown as { lienThongActors?: ActorSource };

/** The server process's actor memory, listening on the application's database. */
export function sharedActors(): ActorSource {
  if (!globalForActors.lienThongActors) {
    const url = env.DATABASE_URL;
    globalForActors.lienThongActors = url ? new ActorCache(url) : uncachedActors;
  }
  return globalForActors.lienThongActors;
}
