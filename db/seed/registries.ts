// Every organisation starts with the registry books Decree 30 asks a clerk to keep: incoming,
// outgoing, copies, and a separate one for secret documents, each the default of its kind.
import type { Tx } from "../client";
import { registry } from "../schema/registry";
import { defaultRegistryNames, registryKinds } from "@/lib/schemas/registry";

export async function seedDefaultRegistries(tx: Tx, organisationIds: string[]): Promise<void> {
  if (organisationIds.length === 0) return;
  await tx
    .insert(registry)
    .values(
      organisationIds.flatMap((organisationId) =>
        registryKinds.map((kind) => ({
          organisationId,
          kind,
          name: defaultRegistryNames[kind],
          isDefault: true,
        })),
      ),
    )
    .onConflictDoNothing();
}
