import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { organisation } from "@/db/schema/org";
import { targetOrganisation, type Actor } from "../authz/actor";
import { notFound } from "../errors";

/**
 * The organisation an admin service works on. A deployment admin may name any organisation;
 * one that does not exist is reported as missing rather than failing later on a foreign key.
 */
export async function resolveTargetOrganisation(
  db: DbOrTx,
  actor: Actor,
  requested: string | null | undefined,
): Promise<string> {
  const organisationId = targetOrganisation(actor, requested);
  if (organisationId === actor.organisationId) return organisationId;
  const [row] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.id, organisationId))
    .limit(1);
  if (!row) throw notFound("organisation");
  return organisationId;
}
