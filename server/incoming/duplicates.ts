import { and, asc, eq, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { organisation } from "@/db/schema/org";
import type { CheckDuplicateInput } from "@/lib/schemas/incoming";
import type { Actor } from "../authz/actor";
import { visibleTo } from "./visibility";

export type PossibleDuplicate = {
  id: string;
  registryNumber: number | null;
  period: string | null;
  arrivalDate: string | null;
  codeNumber: string | null;
  codeNotation: string | null;
  issuerName: string;
  documentDate: string | null;
  subject: string;
};

/** Case, diacritics and runs of spaces do not make two issuer names different. */
const normalisedName = (value: SQLWrapper | string) =>
  sql`regexp_replace(f_unaccent(lower(trim(${value}))), '\\s+', ' ', 'g')`;

/** "QĐ-UBND", "qd-ubnd" and "QĐ - UBND" are one notation. */
const normalisedNotation = (value: SQLWrapper | string) =>
  sql`f_unaccent(lower(regexp_replace(${value}, '\\s+', '', 'g')))`;

/** "05" and "5" are one number: numbers under 10 are written with or without the leading zero. */
const normalisedNumber = (value: SQLWrapper | string) => sql`lower(ltrim(trim(${value}), '0'))`;

/**
 * The first registered incoming document of the organisation with the same number, notation and
 * issuer, dated in the same year (Decree 30: a number and notation are unique within a year).
 * The issuer matches by organisation, or by name when one side was typed in. Only documents the
 * clerk may see are compared, so a secret document never shows through a duplicate warning.
 */
export async function findPossibleDuplicate(
  db: DbOrTx,
  actor: Actor,
  input: CheckDuplicateInput,
): Promise<PossibleDuplicate | undefined> {
  if (!input.codeNumber && !input.codeNotation) return undefined;
  const issuer = await issuerCondition(db, input);
  if (!issuer) return undefined;
  const year = input.documentDate.slice(0, 4);
  const [row] = await db
    .select({
      id: document.id,
      registryNumber: document.registryNumber,
      period: document.registryPeriod,
      arrivalDate: document.arrivalDate,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      issuerName: document.issuerName,
      documentDate: document.documentDate,
      subject: document.subject,
    })
    .from(document)
    .where(
      and(
        visibleTo(actor),
        eq(document.direction, "incoming"),
        sql`${document.documentDate} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
        sameText(document.codeNumber, input.codeNumber, normalisedNumber),
        sameText(document.codeNotation, input.codeNotation, normalisedNotation),
        issuer,
      ),
    )
    .orderBy(asc(document.registeredAt), asc(document.id))
    .limit(1);
  return row;
}

/**
 * Two clerks registering the same document at the same moment would not see each other's
 * uncommitted row. Registrations of one number (or notation) in one year therefore queue on a
 * transaction-scoped lock, so the second checks after the first has committed. The key is
 * coarser than the match (it ignores the issuer), which costs at most a short wait.
 */
export async function serialiseDuplicateCheck(
  tx: Tx,
  organisationId: string,
  input: CheckDuplicateInput,
): Promise<void> {
  const code = input.codeNumber
    ? input.codeNumber.toLowerCase().replace(/^0+/, "")
    : (input.codeNotation ?? "").toLowerCase().replace(/\s+/g, "");
  if (!code) return;
  const key = `incoming-duplicate:${organisationId}:${input.documentDate.slice(0, 4)}:${code}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

function sameText(
  column: SQLWrapper,
  value: string | null,
  normalise: (v: SQLWrapper | string) => SQL,
): SQL {
  return value ? sql`${normalise(column)} = ${normalise(value)}` : sql`${column} is null`;
}

/** Null when the named organisation does not exist: nothing can duplicate a document from nobody. */
async function issuerCondition(db: DbOrTx, input: CheckDuplicateInput): Promise<SQL | null> {
  if (input.issuerOrganisationId) {
    const [org] = await db
      .select({ name: organisation.name })
      .from(organisation)
      .where(eq(organisation.id, input.issuerOrganisationId));
    if (!org) return null;
    return or(
      eq(document.issuerOrganisationId, input.issuerOrganisationId),
      and(
        isNull(document.issuerOrganisationId),
        sql`${normalisedName(document.issuerName)} = ${normalisedName(org.name)}`,
      ),
    )!;
  }
  if (!input.issuerName) return null;
  return sql`${normalisedName(document.issuerName)} = ${normalisedName(input.issuerName)}`;
}
