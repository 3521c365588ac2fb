import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { draftVersion, outgoingDraft } from "@/db/schema/outgoing";
import type { DraftInput } from "@/lib/schemas/outgoing";
import { assertCan, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { recordDocumentEvent } from "../incoming/history";
import { loadVisibleDocument } from "../incoming/visibility";
import { draftColumns, saveVersion } from "./versions";
import { compareLines } from "./body-text";
import { checkDraftReferences } from "./references";
import { placeDrafter } from "./route";

/**
 * A new outgoing document in the actor's organisation, as its first version: the drafter is its
 * first participant, with it in their "drafting" box.
 */
export async function createDraft(
  db: Db,
  actor: Actor,
  draft: DraftInput,
): Promise<{ id: string; version: number }> {
  assertCan(actor, "outgoing.draft");
  return db.transaction(async (tx) => {
    await checkDraftReferences(tx, actor, draft);
    const columns = draftColumns(draft);
    const [doc] = await tx
      .insert(document)
      .values({
        organisationId: actor.organisationId,
        direction: "outgoing",
        status: "draft",
        ...columns.document,
        issuerOrganisationId: actor.organisationId,
        issuerName: actor.organisationName,
        issuerCode: actor.organisationCode,
        createdById: actor.userId,
      })
      .returning();
    await tx.insert(outgoingDraft).values({
      documentId: doc!.id,
      organisationId: actor.organisationId,
      ...columns.outgoing,
      currentVersion: 1,
    });
    await saveVersion(tx, actor, doc!.id, draft, 1);
    await placeDrafter(tx, doc!, actor.userId, "drafting");
    await recordDocumentEvent(tx, actor, {
      documentId: doc!.id,
      area: "outgoing",
      action: "drafted",
      toStatus: "draft",
      data: { version: 1 },
    });
    return { id: doc!.id, version: doc!.version };
  });
}

/** Two saved versions of a draft the actor sees, compared line by line. */
export async function compareDraftVersions(
  db: Db,
  actor: Actor,
  input: { id: string; from: number; to: number },
) {
  const doc = await loadVisibleDocument(db, actor, input.id);
  if (doc.direction !== "outgoing") throw new AppError("NOT_FOUND", "errors.notFound");
  const rows = await db
    .select({
      number: draftVersion.number,
      text: draftVersion.bodyText,
      fields: draftVersion.fields,
    })
    .from(draftVersion)
    .where(and(eq(draftVersion.documentId, doc.id)));
  const from = rows.find((r) => r.number === input.from);
  const to = rows.find((r) => r.number === input.to);
  if (!from || !to) throw new AppError("NOT_FOUND", "errors.notFound");
  const fieldsChanged = (Object.keys(to.fields) as (keyof typeof to.fields)[]).filter(
    (k) => JSON.stringify(from.fields[k]) !== JSON.stringify(to.fields[k]),
  );
  return { lines: compareLines(from.text, to.text), fieldsChanged };
}
