import { and, asc, desc, eq, isNull, max, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { organisation } from "@/db/schema/org";
import type { IssuerChoicesInput } from "@/lib/schemas/incoming";
import { assertCan, type Actor } from "../authz/actor";
import { visibleTo } from "./visibility";

export const ISSUER_ORGANISATIONS_LIMIT = 20;
export const RECENT_OUTSIDE_ISSUERS_LIMIT = 10;

export type IssuerChoices = {
  organisations: { id: string; code: string; name: string }[];
  /** Outside bodies this organisation's clerks typed in lately, most recent first. */
  recent: string[];
};

/** `column` holds `query`, whatever the case and the diacritics ("hoang liet", "000.11"). */
export function foldedContains(column: SQLWrapper, query: string): SQL {
  const pattern = `%${query.replace(/\s+/g, " ").replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`f_unaccent(lower(${column})) like f_unaccent(lower(${pattern}))`;
}

/** An organisation whose name or code holds `query`; every one when it is empty. */
export const organisationMatches = (query: string): SQL | undefined =>
  query
    ? or(foldedContains(organisation.name, query), foldedContains(organisation.code, query))
    : undefined;

/**
 * Choices for the issuer autocomplete: open organisations anywhere in the tree (documents come
 * from every level), and the outside bodies typed in before, so a clerk writes them the same
 * way each time and duplicates can be recognised. Diacritics and case are ignored.
 */
export async function listIssuerChoices(
  db: DbOrTx,
  actor: Actor,
  input: IssuerChoicesInput,
): Promise<IssuerChoices> {
  assertCan(actor, "incoming.receive");
  const [organisations, recent] = await Promise.all([
    db
      .select({ id: organisation.id, code: organisation.code, name: organisation.name })
      .from(organisation)
      .where(and(eq(organisation.status, "active"), organisationMatches(input.query)))
      .orderBy(asc(organisation.name), asc(organisation.id))
      .limit(ISSUER_ORGANISATIONS_LIMIT),
    listRecentOutsideIssuers(db, actor, input.query),
  ]);
  return { organisations, recent };
}

/** The outside bodies the actor's organisation received documents from, most recent first. */
export async function listRecentOutsideIssuers(
  db: DbOrTx,
  actor: Actor,
  query: string,
): Promise<string[]> {
  assertCan(actor, "incoming.receive");
  const rows = await db
    .select({ name: document.issuerName, last: max(document.createdAt) })
    .from(document)
    .where(
      and(
        visibleTo(actor),
        eq(document.direction, "incoming"),
        isNull(document.issuerOrganisationId),
        query ? foldedContains(document.issuerName, query) : undefined,
      ),
    )
    .groupBy(document.issuerName)
    .orderBy(desc(max(document.createdAt)), asc(document.issuerName))
    .limit(RECENT_OUTSIDE_ISSUERS_LIMIT);
  return rows.map((r) => r.name);
}
