import "server-only";
import { redirect } from "next/navigation";
import { can, type Action } from "@/lib/permissions";
import { currentSession } from "../auth/auth";
import { getCurrentActor } from "../auth/current-actor";
import type { Actor } from "./actor";

/**
 * For pages: the signed-in actor and whether they may perform `action`. Someone signed in with
 * a temporary password is sent to their account page to change it; the API refuses them
 * everything else too (server/api/trpc.ts).
 */
export async function requireActor(
  action?: Action,
  options: { temporaryPasswordOk?: boolean } = {},
): Promise<{ actor: Actor; allowed: boolean }> {
  const actor = await getCurrentActor();
  if (!actor) return redirectToSignIn();
  if (actor.mustChangePassword && !options.temporaryPasswordOk) redirect("/account");
  return { actor, allowed: action ? can(actor.roles, action) : true };
}

/**
 * Sends a visitor to the sign-in page. A session that existed but no longer holds (the user
 * was deactivated, or their password changed elsewhere) is told that it ended.
 */
export async function redirectToSignIn(): Promise<never> {
  redirect((await currentSession()) ? "/sign-in?ended=1" : "/sign-in");
}
