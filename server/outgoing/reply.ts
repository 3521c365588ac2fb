import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { formatNumberNotation } from "@/lib/documents";
import type { DraftRecipient } from "@/lib/outgoing";
import { assertCan, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import {
  documentColumns,
  loadVisibleDocument,
  visibleTo,
  type DocumentRow,
} from "../incoming/visibility";

/** How a reply names the document it answers: its number and notation, date, issuer, subject. */
export type AnsweredDocument = {
  id: string;
  numberNotation: string;
  documentDate: string | null;
  issuerName: string;
  /** Only for those who see the document itself; the others get its number and issuer. */
  subject: string | null;
  visible: boolean;
};

/**
 * A new draft answering an incoming document the actor sees: linked to it and addressed to its
 * issuer (the organisation of the tree when it is one, else by name).
 */
export async function replyStart(db: DbOrTx, actor: Actor, incomingId: string) {
  assertCan(actor, "outgoing.draft");
  const doc = await loadVisibleDocument(db, actor, incomingId);
  if (doc.direction !== "incoming") throw new AppError("NOT_FOUND", "errors.notFound");
  const recipient: DraftRecipient = doc.issuerOrganisationId
    ? { kind: "organisation", organisationId: doc.issuerOrganisationId, name: doc.issuerName }
    : { kind: "outside", name: doc.issuerName };
  return {
    answersDocumentId: doc.id,
    recipients: doc.issuerName ? [recipient] : [],
    answers: answeredOf(doc, true),
  };
}

const answeredOf = (doc: DocumentRow, visible: boolean): AnsweredDocument => ({
  id: doc.id,
  numberNotation: formatNumberNotation(doc.codeNumber, doc.codeNotation),
  documentDate: doc.documentDate,
  issuerName: doc.issuerName,
  subject: visible ? doc.subject : null,
  visible,
});

/** The incoming document a draft answers, as the actor may see it named. */
export async function answeredDocument(
  db: DbOrTx,
  actor: Actor,
  answersId: string | null,
): Promise<AnsweredDocument | null> {
  if (!answersId) return null;
  const [doc] = await db
    .select(documentColumns)
    .from(document)
    .where(and(eq(document.id, answersId), eq(document.organisationId, actor.organisationId)));
  if (!doc) return null;
  const [seen] = await db
    .select({ id: document.id })
    .from(document)
    .where(and(eq(document.id, doc.id), visibleTo(actor)));
  return answeredOf(doc, Boolean(seen));
}
