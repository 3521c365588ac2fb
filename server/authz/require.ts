import "server-only";
import { redirect } from "next/navigation";
import { can, type Action } from "@/lib/permissions";
import { getCurrentActor } from "../auth/current-actor";
import type { Actor } from "./actor";

/** For pages: the signed-in actor and whether they may perform `action`. */
export async function requireActor(action?: Action): Promise<{ actor: Actor; allowed: boolean }> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/sign-in?ended=1");
  return { actor, allowed: action ? can(actor.roles, action) : true };
}
