import type { DbOrTx } from "@/db/client";
import { AppError } from "../errors";
import { loadActor, type Actor } from "./actor";

/**
 * The member behind a route handler's request (file upload and download, report downloads),
 * read afresh from the database. Like the tRPC procedures, it refuses a session that no longer
 * holds, and someone who has not yet changed a temporary password.
 */
export async function actorOfRequest(
  db: DbOrTx,
  session: { userId: string; sessionEpoch: number } | null,
): Promise<Actor> {
  const actor = session ? await loadActor(db, session) : null;
  if (!actor) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  if (actor.mustChangePassword) throw new AppError("FORBIDDEN", "errors.mustChangePassword");
  return actor;
}
