import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { formatNumberNotation } from "@/lib/documents";
import type { SearchDocumentsInput } from "@/lib/schemas/search";
import { assertCan, type Actor } from "../authz/actor";
import { isUuid } from "@/lib/schemas/fields";
import { type Page } from "@/server/inbox/boxes";
import { decodeCursor, encodeCursor, isDayOrInfinity } from "@/server/inbox/cursors";
import { visibleTo } from "../incoming/visibility";

/** What a person typed, as groups of words: every group must occur, its words in a row. */
export type SearchTerms = { groups: string[][]; prefixLast: boolean };

/**
 * Splits what a person typed into words: what is left between anything that is not a letter or
 * digit, exactly the separators the search vector's translate() leaves to the parser. Words
 * typed together ("15/QĐ-UBND") must follow each other, and groups separated by spaces must all
 * occur. When the last group is a number or notation being typed ("QĐ-UB", "15/QĐ-U"), its last
 * word may be the start of a longer one. Plain words are matched whole: a Vietnamese syllable is
 * short, and a prefix search on a common one ("tai:*") reads a large part of the index.
 * Returns null when nothing searchable was typed.
 */
export function searchTerms(q: string | null | undefined): SearchTerms | null {
  if (!q) return null;
  const groups = q
    .normalize("NFC")
    .split(/\s+/)
    .map((chunk) => chunk.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean))
    .filter((words) => words.length > 0);
  if (groups.length === 0) return null;
  return { groups, prefixLast: groups.at(-1)!.length > 1 };
}

/**
 * A word as a quoted tsquery operand, made in SQL after f_unaccent(lower()), the normalisation
 * of document.search_vector. Accent removal turns some letters into tsquery syntax ("ʼ" into an
 * apostrophe, "ː" into a colon, "⑴" into "(1)"), so the quoting must come after it: inside
 * quotes nothing typed is an operator, and a backslash or quote is escaped.
 */
function quotedOperand(word: string, prefix: boolean): SQL {
  const text = sql`f_unaccent(lower(${word}))`;
  const escaped = sql`replace(replace(${text}, E'\\\\', E'\\\\\\\\'), E'\\'', E'\\'\\'')`;
  return sql`(E'\\'' || ${escaped} || E'\\''${sql.raw(prefix ? ` || ':*'` : "")})`;
}

/** The words as a tsquery, `'a' <-> 'b' & 'c' <-> 'd':*`, every operand quoted. */
export function searchTsQuery(terms: SearchTerms): SQL {
  const parts: SQL[] = [];
  terms.groups.forEach((words, g) => {
    if (g > 0) parts.push(sql`' & '`);
    words.forEach((word, w) => {
      if (w > 0) parts.push(sql`' <-> '`);
      const last = g === terms.groups.length - 1 && w === words.length - 1;
      parts.push(quotedOperand(word, last && terms.prefixLast));
    });
  });
  return sql`to_tsquery('simple', ${sql.join(parts, sql` || `)})`;
}

const arrivalKey = sql`coalesce(${document.arrivalDate}, 'infinity'::date)`;
const numberKey = sql`coalesce(${document.registryNumber}, 2147483647)`;

type SearchKey = [string, number, string];

const isSearchKey = (k: unknown[]): k is SearchKey =>
  k.length === 3 &&
  isDayOrInfinity(k[0]) &&
  Number.isInteger(k[1]) &&
  Math.abs(k[1] as number) <= 2147483647 &&
  isUuid(k[2]);

/**
 * `%text%` for LIKE, escaped after accent removal for the same reason as the tsquery's
 * operands: a letter could become a wildcard, or a trailing backslash that LIKE refuses.
 */
const containsPattern = (typed: string) =>
  sql`'%' || replace(replace(replace(f_unaccent(lower(${typed})), E'\\\\', E'\\\\\\\\'), '%', E'\\\\%'), '_', E'\\\\_') || '%'`;

/**
 * How many of the newest documents (after the cursor, within the date range) the first step
 * reads in order before the search falls back to the full-text index.
 */
export const RECENT_BUDGET = 10_000;

/**
 * The conditions of a search, split in two: `range` is a stretch of
 * document_org_search_order_idx (the organisation's incoming documents from a position down,
 * within the date range); `rest` is what each document must also satisfy.
 */
function searchConditions(actor: Actor, input: SearchDocumentsInput, after: SearchKey | null) {
  const terms = searchTerms(input.q);
  const range: (SQL | undefined)[] = [
    eq(document.organisationId, actor.organisationId),
    eq(document.direction, "incoming"),
    // On the key expression, so the range is one of the index; documents without an arrival
    // date (key 'infinity') have none to compare.
    input.from
      ? sql`${arrivalKey} >= ${input.from}::date and ${arrivalKey} < 'infinity'`
      : undefined,
    input.to ? sql`${arrivalKey} <= ${input.to}::date` : undefined,
    after
      ? sql`(${arrivalKey}, ${numberKey}, ${document.id}) < (${after[0]}::date, ${after[1]}::int, ${after[2]}::uuid)`
      : undefined,
  ];
  const rest: (SQL | undefined)[] = [
    visibleTo(actor),
    terms ? sql`${document.searchVector} @@ ${searchTsQuery(terms)}` : undefined,
    input.type ? eq(document.documentType, input.type) : undefined,
    input.status ? eq(document.status, input.status) : undefined,
    input.urgency ? eq(document.urgency, input.urgency) : undefined,
    input.issuer
      ? sql`f_unaccent(lower(${document.issuerName})) like ${containsPattern(input.issuer)}`
      : undefined,
  ];
  return { range, rest, fullText: terms !== null };
}

const resultColumns = {
  id: document.id,
  registryNumber: document.registryNumber,
  arrivalDate: document.arrivalDate,
  codeNumber: document.codeNumber,
  codeNotation: document.codeNotation,
  documentType: document.documentType,
  subject: document.subject,
  documentDate: document.documentDate,
  issuerName: document.issuerName,
  urgency: document.urgency,
  confidentiality: document.confidentiality,
  status: document.status,
  deadline: document.deadline,
  registeredAt: document.registeredAt,
};

/**
 * Step 1: the newest documents of the range read in index order, at most RECENT_BUDGET of them,
 * keeping those that match. Words most searches use ("quyết định", "phòng chống") match
 * thousands of documents; reading the newest in order finds a page of them after a few hundred
 * rows, where the full-text index would fetch and sort every match. The subquery is aliased
 * `document` so that the conditions (visibility included) apply to its rows unchanged, and it
 * carries the key expressions so that its order is kept without a sort.
 */
function recentQuery(
  db: DbOrTx,
  parts: ReturnType<typeof searchConditions>,
  n: number,
  budget: number,
) {
  const recent = db
    .select({
      ...resultColumns,
      organisationId: document.organisationId,
      direction: document.direction,
      searchVector: document.searchVector,
      arrivalKey: sql<string>`${arrivalKey}`.as("arrival_key"),
      numberKey: sql<number>`${numberKey}`.as("number_key"),
    })
    .from(document)
    .where(and(...parts.range))
    .orderBy(desc(arrivalKey), desc(numberKey), desc(document.id))
    .limit(budget)
    .as("document");
  return db
    .select({
      ...resultColumns,
      arrivalKey: sql<string>`${recent.arrivalKey}::text`,
      numberKey: recent.numberKey,
    })
    .from(recent)
    .where(and(...parts.rest))
    .orderBy(desc(recent.arrivalKey), desc(recent.numberKey), desc(document.id))
    .limit(n);
}

/**
 * Step 2, when step 1 found less than a page: the rest of the range, older than its last row.
 * Fewer than a page of matches among RECENT_BUDGET documents means the words are rare, so the
 * full-text index is the way in; ordering by the key plus zero keeps the planner from walking
 * the order index instead, which would read the rest of the organisation's documents.
 */
function olderQuery(db: DbOrTx, parts: ReturnType<typeof searchConditions>, n: number) {
  const order = parts.fullText ? sql`${arrivalKey} + 0` : arrivalKey;
  return db
    .select({
      ...resultColumns,
      arrivalKey: sql<string>`${arrivalKey}::text`,
      numberKey: sql<number>`${numberKey}`,
    })
    .from(document)
    .where(and(...parts.range, ...parts.rest))
    .orderBy(desc(order), desc(numberKey), desc(document.id))
    .limit(n);
}

type Row = Awaited<ReturnType<typeof olderQuery>>[number];

/**
 * Incoming documents the actor may see, matching the words and filters, newest arrival first
 * (documents not yet registered come first), paged by key on the expressions of
 * document_org_search_order_idx. One statement usually; two when the words are rare.
 */
async function findDocuments(
  db: DbOrTx,
  actor: Actor,
  input: SearchDocumentsInput,
  budget: number,
) {
  const n = input.limit + 1;
  const cursor = input.cursor ? decodeCursor(input.cursor, isSearchKey) : null;
  const rows: Row[] = await recentQuery(db, searchConditions(actor, input, cursor), n, budget);
  if (rows.length < n) {
    const last = rows.at(-1);
    const after: SearchKey | null = last ? [last.arrivalKey, last.numberKey, last.id] : cursor;
    rows.push(...(await olderQuery(db, searchConditions(actor, input, after), n - rows.length)));
  }
  return rows;
}

export type SearchResult = Omit<Row, "arrivalKey" | "numberKey"> & { numberNotation: string };

/** Full-text search over the incoming documents the actor may see, with filters; empty words list by filters only. */
export async function searchDocuments(
  db: DbOrTx,
  actor: Actor,
  input: SearchDocumentsInput,
  /** Tests lower the budget to exercise the second step on a few documents. */
  options: { recentBudget?: number } = {},
): Promise<Page<SearchResult>> {
  assertCan(actor, "incoming.read");
  const rows = await findDocuments(db, actor, input, options.recentBudget ?? RECENT_BUDGET);
  const page = rows.slice(0, input.limit);
  const last = rows.length > input.limit ? page.at(-1) : undefined;
  return {
    items: page.map(({ arrivalKey: _a, numberKey: _n, ...r }) => ({
      ...r,
      numberNotation: formatNumberNotation(r.codeNumber, r.codeNotation),
    })),
    nextCursor: last ? encodeCursor([last.arrivalKey, last.numberKey, last.id]) : null,
  };
}
