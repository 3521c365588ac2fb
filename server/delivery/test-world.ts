// What the delivery tests share: the demo organisations with Định Công's signing keys and a ward
// that merges into Hoàng Liệt while a document to it is being signed; a công văn issued to three
// recipients; a recipient's copy of it; an action on that copy as one of the recipient's people.
import { and, eq } from "drizzle-orm";
import { delivery } from "@/db/schema/delivery";
import { organisation } from "@/db/schema/org";
import type { IncomingActionRequest } from "@/lib/schemas/incoming-actions";
import { loadVisibleDocument } from "../incoming/visibility";
import { applyIncomingAction } from "../incoming/workflow";
import { createDraft } from "../outgoing/drafts";
import { issueSigned, signDraft } from "../outgoing/sign-requests";
import { createWorkflowWorld, type WorkflowWorld } from "../testing/incoming-workflow";
import { giveSigningKeys, outgoingRoute } from "../testing/outgoing-route";

export type DeliveryWorld = WorkflowWorld & { mergedWard: string };

export async function createDeliveryWorld(): Promise<DeliveryWorld> {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  const world = await createWorkflowWorld();
  await giveSigningKeys(world);
  // A ward that merges into Hoàng Liệt while a document to it is being signed.
  const [ward] = await world.db
    .insert(organisation)
    .values({
      code: "000.12.28.H26",
      name: "Ủy ban nhân dân phường Hoàng Văn Thụ",
      shortName: "UBND",
      level: "commune",
      parentId: world.orgs.hoangmai!,
    })
    .returning({ id: organisation.id });
  return { ...world, mergedWard: ward!.id };
}

/** `world` is read at each call: the world is made in a `beforeAll`. */
export function deliveryMoves(worldOf: () => DeliveryWorld) {
  const { version, act, draftFor } = outgoingRoute(worldOf);

  /**
   * A công văn to a ward (the one that merges on the way, unless told), the district and an
   * outside body, signed and issued.
   */
  async function issuedToThree(subject: string, ward: "merging" | "hoangliet" = "merging") {
    const world = worldOf();
    const { db, users, mergedWard } = world;
    const base = draftFor(subject, (await world.newDocument({ subject: "Về việc báo cáo" })).id);
    const created = await createDraft(db, await world.as("chuyenvien.kt"), {
      ...base,
      answersDocumentId: null,
      recipients: [
        ward === "merging"
          ? { kind: "organisation", organisationId: mergedWard, name: "UBND phường Hoàng Văn Thụ" }
          : {
              kind: "organisation",
              organisationId: world.orgs.hoangliet!,
              name: "UBND phường Hoàng Liệt",
            },
        { kind: "organisation", organisationId: world.orgs.hoangmai!, name: "UBND quận Hoàng Mai" },
        { kind: "outside", name: "Công an phường Định Công" },
      ],
    });
    await act("chuyenvien.kt", created.id, {
      action: "sendOnRoute",
      steps: [{ kind: "sign", rule: "any", userIds: [users["chutich.dc"]!] }],
      comment: null,
    });
    if (ward === "merging") {
      await db
        .update(organisation)
        .set({ status: "merged", mergedIntoId: world.orgs.hoangliet! })
        .where(eq(organisation.id, mergedWard));
    }
    await signDraft(db, await world.as("chutich.dc"), {
      documentId: created.id,
      version: await version(created.id),
      pin: "246810",
    });
    const issued = await issueSigned(db, await world.as("vanthu.dc"), {
      documentId: created.id,
      version: await version(created.id),
      pin: "135790",
    });
    return { id: created.id, numberNotation: issued.numberNotation };
  }

  async function copyOf(sentId: string, organisationId: string) {
    const world = worldOf();
    const [row] = await world.db
      .select({ id: delivery.incomingDocumentId })
      .from(delivery)
      .where(
        and(eq(delivery.documentId, sentId), eq(delivery.recipientOrganisationId, organisationId)),
      );
    return row!.id!;
  }

  async function actOn(username: string, id: string, input: IncomingActionRequest) {
    const world = worldOf();
    const doc = await loadVisibleDocument(world.db, await world.as(username), id);
    return applyIncomingAction(world.db, await world.as(username), {
      documentId: id,
      version: doc.version,
      input,
    });
  }

  return { version, act, draftFor, issuedToThree, copyOf, actOn };
}
