import "server-only";
import { z } from "zod";
import { serverApi } from "./server-caller";
import { isDeploymentAdmin, type Actor } from "../authz/actor";

/**
 * The organisation an admin page works on. A deployment admin may open another one with
 * `?organisationId=…`; everyone else always sees their own, whatever the address says.
 */
export async function adminPageOrganisation(
  actor: Actor,
  requestedId: string | undefined,
): Promise<{ otherId: string | null; name: string }> {
  const requested = z.uuid().safeParse(requestedId).data;
  const otherId =
    requested && requested !== actor.organisationId && isDeploymentAdmin(actor) ? requested : null;
  if (!otherId) return { otherId: null, name: actor.organisationName };
  const organisation = await (await serverApi()).orgTree.get({ id: otherId });
  return { otherId, name: organisation.name };
}
