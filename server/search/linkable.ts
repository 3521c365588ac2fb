// The documents a task, or anything else that cites documents, may be linked to: the
// organisation's incoming documents and the ones it has issued, that the actor may see, found by
// number, notation or words of the subject (without diacritics), newest first. Drafts are not
// offered: a task follows a document that exists.
import { and, desc, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { formatNumberNotation } from "@/lib/documents";
import type { Actor } from "../authz/actor";
import { visibleTo } from "../incoming/visibility";
import { searchTerms, searchTsQuery } from "./documents";

export type LinkableDocument = {
  id: string;
  direction: "incoming" | "outgoing";
  numberNotation: string;
  subject: string;
  documentDate: string | null;
};

export async function linkableDocuments(
  db: DbOrTx,
  actor: Actor,
  input: { q: string; limit: number },
): Promise<LinkableDocument[]> {
  const terms = searchTerms(input.q);
  if (!terms) return [];
  const rows = await db
    .select({
      id: document.id,
      direction: document.direction,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      subject: document.subject,
      documentDate: document.documentDate,
    })
    .from(document)
    .where(
      and(
        eq(document.organisationId, actor.organisationId),
        sql`${document.searchVector} @@ ${searchTsQuery(terms)}`,
        or(
          eq(document.direction, "incoming"),
          and(eq(document.direction, "outgoing"), eq(document.status, "issued")),
        ),
        visibleTo(actor),
      ),
    )
    .orderBy(
      sql`${document.documentDate} desc nulls last`,
      desc(document.createdAt),
      desc(document.id),
    )
    .limit(input.limit);
  return rows.map((r) => ({
    id: r.id,
    direction: r.direction === "outgoing" ? "outgoing" : "incoming",
    numberNotation: formatNumberNotation(r.codeNumber, r.codeNotation),
    subject: r.subject,
    documentDate: r.documentDate,
  }));
}
