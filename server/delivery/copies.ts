// A document is registered once at each organisation: a copy that reaches it again (by a second
// path, or sent again) is recognised by its identity (issuer code, number, notation, date) and the
// copy it already holds is used.
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { document } from "@/db/schema/documents";
import type { DocumentRow } from "../incoming/visibility";

type Identity = Pick<DocumentRow, "issuerCode" | "codeNumber" | "codeNotation" | "documentDate">;

/**
 * The recipients' copies of a document with this identity (issuer code, number, notation, date),
 * however they arrived: a document is registered once. Arrivals of one identity at one
 * organisation queue on a lock (taken in one order for all the recipients), so two paths at the
 * same moment still make one copy.
 */
export async function copiesAt(
  tx: Tx,
  recipientIds: string[],
  sent: Identity,
): Promise<Map<string, string>> {
  if (recipientIds.length === 0) return new Map();
  const keys = [...new Set(recipientIds)]
    .map(
      (id) =>
        `arrival:${[id, sent.issuerCode, sent.codeNumber, sent.codeNotation].join("|")}:${sent.documentDate}`,
    )
    .sort();
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(k, 0))
        from (select unnest(array[${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )}]::text[]) as k order by 1) as ordered`,
  );
  const existing = await tx
    .select({ id: document.id, organisationId: document.organisationId })
    .from(document)
    .where(
      and(
        inArray(document.organisationId, recipientIds),
        eq(document.direction, "incoming"),
        eq(document.issuerCode, sent.issuerCode ?? ""),
        eq(document.codeNumber, sent.codeNumber ?? ""),
        eq(document.codeNotation, sent.codeNotation ?? ""),
        eq(document.documentDate, sent.documentDate ?? ""),
        // A copy the recipient refused does not stop the sender from sending it again.
        ne(document.status, "returned_to_sender"),
      ),
    );
  const out = new Map<string, string>();
  for (const row of existing) if (!out.has(row.organisationId)) out.set(row.organisationId, row.id);
  return out;
}

/** The recipient's copy of a document with this identity, if it has already arrived. */
export async function copyAt(tx: Tx, recipientId: string, sent: Identity): Promise<string | null> {
  return (await copiesAt(tx, [recipientId], sent)).get(recipientId) ?? null;
}
