// Replacing an issued document (edXML BussinessDocType 3): the sender names the document that
// replaces it, issued already, when it asks its recipients to give the old one back. The two are
// linked on both sides: at the sender the new document names the old one, and at each recipient
// holding both, the new copy names the old copy. Each page then shows "replaces" and "replaced by".
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { delivery } from "@/db/schema/delivery";
import { document } from "@/db/schema/documents";
import { formatNumberNotation } from "@/lib/documents";
import type { Actor } from "../authz/actor";
import { fieldError } from "../errors";
import {
  documentColumns,
  loadVisibleDocument,
  visibleTo,
  type DocumentRow,
} from "../incoming/visibility";

/** Links `replacementId` (the organisation's own issued document) as replacing `old`. */
export async function linkReplacement(
  tx: Tx,
  actor: Actor,
  old: DocumentRow,
  replacementId: string | null | undefined,
): Promise<{ numberNotation: string }> {
  if (!replacementId) throw fieldError({ replacementId: "delivery.replacementRequired" });
  const [replacement] = await tx
    .select(documentColumns)
    .from(document)
    .where(
      and(
        eq(document.id, replacementId),
        eq(document.organisationId, actor.organisationId),
        eq(document.direction, "outgoing"),
        eq(document.status, "issued"),
        ne(document.id, old.id),
        visibleTo(actor),
      ),
    )
    .for("update");
  if (
    !replacement ||
    (replacement.replacesDocumentId && replacement.replacesDocumentId !== old.id)
  ) {
    throw fieldError({ replacementId: "delivery.replacementInvalid" });
  }
  await tx
    .update(document)
    .set({ replacesDocumentId: old.id })
    .where(eq(document.id, replacement.id));
  // At each recipient holding both: its new copy replaces its old copy.
  const copies = await tx
    .select({
      documentId: delivery.documentId,
      recipientId: delivery.recipientOrganisationId,
      copyId: delivery.incomingDocumentId,
    })
    .from(delivery)
    .where(inArray(delivery.documentId, [old.id, replacement.id]));
  const oldCopyAt = new Map(
    copies
      .filter((c) => c.documentId === old.id && c.copyId)
      .map((c) => [c.recipientId, c.copyId!]),
  );
  for (const c of copies) {
    const oldCopy = oldCopyAt.get(c.recipientId);
    if (c.documentId !== replacement.id || !c.copyId || !oldCopy) continue;
    await tx.update(document).set({ replacesDocumentId: oldCopy }).where(eq(document.id, c.copyId));
  }
  return { numberNotation: formatNumberNotation(replacement.codeNumber, replacement.codeNotation) };
}

export type ReplacementRef = {
  id: string;
  numberNotation: string;
  documentDate: string | null;
  subject: string;
};

const refColumns = {
  id: document.id,
  codeNumber: document.codeNumber,
  codeNotation: document.codeNotation,
  documentDate: document.documentDate,
  subject: document.subject,
};

const toRef = (r: {
  id: string;
  codeNumber: string | null;
  codeNotation: string | null;
  documentDate: string | null;
  subject: string;
}): ReplacementRef => ({
  id: r.id,
  numberNotation: formatNumberNotation(r.codeNumber, r.codeNotation),
  documentDate: r.documentDate,
  subject: r.subject,
});

/** What the document replaces and what replaced it, among the documents the actor sees. */
export async function replacementLinks(
  db: Db,
  actor: Actor,
  doc: Pick<DocumentRow, "id" | "replacesDocumentId">,
): Promise<{ replaces: ReplacementRef | null; replacedBy: ReplacementRef[] }> {
  const [replaces] = doc.replacesDocumentId
    ? await db
        .select(refColumns)
        .from(document)
        .where(and(eq(document.id, doc.replacesDocumentId), visibleTo(actor)))
    : [];
  const replacedBy = await db
    .select(refColumns)
    .from(document)
    .where(and(eq(document.replacesDocumentId, doc.id), visibleTo(actor)))
    .orderBy(desc(document.createdAt));
  return { replaces: replaces ? toRef(replaces) : null, replacedBy: replacedBy.map(toRef) };
}

/** The organisation's issued documents that could replace this one: the newest first. */
export async function replacementCandidates(
  db: Db,
  actor: Actor,
  documentId: string,
): Promise<ReplacementRef[]> {
  const old = await loadVisibleDocument(db, actor, documentId);
  const rows = await db
    .select(refColumns)
    .from(document)
    .where(
      and(
        eq(document.organisationId, actor.organisationId),
        eq(document.direction, "outgoing"),
        eq(document.status, "issued"),
        ne(document.id, old.id),
        visibleTo(actor),
      ),
    )
    .orderBy(desc(document.createdAt))
    .limit(50);
  return rows.map(toRef);
}
