import { and, eq, getTableColumns, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { documentParticipant } from "@/db/schema/participants";
import type { Actor } from "../authz/actor";
import { notFound } from "../errors";

/** Clerks and leaders keep and direct the organisation's documents: they see every one that is not secret. */
export const seesAllOrdinary = (actor: Actor) =>
  actor.roles.includes("clerk") || actor.roles.includes("leader");

/**
 * The rule for who sees a document, as a SQL condition on `document`: it belongs to the actor's
 * organisation, and either the actor takes part in it, or it is not secret, not an outgoing
 * document still being written or approved, and the actor is a clerk or leader. Secret
 * documents, and drafts, are seen only by the people on them.
 */
export function visibleTo(actor: Actor, doc: DocumentColumns = document): SQL {
  const participates = takesPart(actor, doc);
  return and(
    eq(doc.organisationId, actor.organisationId),
    seesAllOrdinary(actor)
      ? or(
          and(
            eq(doc.confidentiality, "normal"),
            sql`(${doc.direction} <> 'outgoing' or ${doc.status} = 'issued')`,
          ),
          participates,
        )
      : participates,
  )!;
}

/** `document`, or an alias of it when a query reads two documents (one and its reply). */
type DocumentColumns = Record<
  "id" | "organisationId" | "confidentiality" | "direction" | "status",
  AnyPgColumn
>;

/** The actor has a role on the document (a condition on `document`). */
export const takesPart = (actor: Actor, doc: DocumentColumns = document): SQL =>
  sql`exists (select 1 from ${documentParticipant} where ${documentParticipant.documentId} = ${doc.id} and ${documentParticipant.userId} = ${actor.userId})`;

/**
 * A secret or restricted document the actor is not on (a condition on `document`): wherever its
 * data shows up outside the document itself (the audit log, notifications), the actor sees that
 * something happened, not what.
 */
export const withheldFrom = (actor: Actor): SQL =>
  sql`(${document.confidentiality} <> 'normal' and not ${takesPart(actor)})`;

/**
 * A document's columns but the two kept for search: the text layers of its PDFs and their
 * index, which can run to hundreds of kilobytes and which no page or workflow step reads.
 */
const { contentText: _text, searchVector: _vector, ...readColumns } = getTableColumns(document);
export const documentColumns = readColumns;

/**
 * Loads a document the actor may see, optionally locking it for an update. Another
 * organisation's id, a secret document one is not on, and a missing id all look the same.
 */
export async function loadVisibleDocument(
  db: DbOrTx,
  actor: Actor,
  documentId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = db
    .select(documentColumns)
    .from(document)
    .where(and(eq(document.id, documentId), visibleTo(actor)));
  const [row] = options.forUpdate ? await query.for("update", { of: document }) : await query;
  if (!row) throw notFound("document");
  return row;
}

export type DocumentRow = Awaited<ReturnType<typeof loadVisibleDocument>>;
