// The incoming registry book and the follow-up book (Decree 30, Appendix IV), read from the
// documents of one registry, in arrival-number order, paged by key.
import { and, asc, eq, gte, inArray, isNotNull, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { registry } from "@/db/schema/registry";
import { formatNumberNotation, type DocumentType } from "@/lib/documents";
import type { BookCursor } from "@/lib/schemas/reports";
import { vietnamToday } from "@/lib/dates";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError, notFound } from "../errors";
import { visibleTo } from "../incoming/visibility";
import {
  closedCoHandlerNames,
  coHandlerNames,
  effectiveDeadline,
  lateForIssuer,
  leadAssignment,
  progressOf,
  transferredOn,
  vietnamDate,
  type Progress,
} from "./progress";

export type BookInput = {
  registryId?: string | null;
  from: string;
  to: string;
  cursor?: BookCursor | null;
  limit: number;
};

/** Which documents a book lists: those received, or those issued. */
export type BookDirection = "incoming" | "outgoing";

export type BookRegistry = {
  id: string;
  name: string;
  kind: "incoming" | "secret" | "outgoing" | "secret_outgoing";
  periodKind: "year" | "term";
};

/** The registries each direction's books are kept in (the first is the ordinary one) and what to say when another is named. */
const registryKindsOf = {
  incoming: {
    kinds: ["incoming", "secret"],
    noDefault: "reports.errors.noDefaultRegistry",
    wrongKind: "reports.errors.notIncomingRegistry",
  },
  outgoing: {
    kinds: ["outgoing", "secret_outgoing"],
    noDefault: "reports.errors.noDefaultOutgoingRegistry",
    wrongKind: "reports.errors.notOutgoingRegistry",
  },
} as const satisfies Record<
  BookDirection,
  {
    kinds: readonly [BookRegistry["kind"], BookRegistry["kind"]];
    noDefault: string;
    wrongKind: string;
  }
>;

export type IncomingBookRow = {
  id: string;
  registryPeriod: string;
  registryNumber: number;
  arrivalDate: string | null;
  issuerName: string;
  numberNotation: string;
  documentDate: string | null;
  documentType: DocumentType;
  subject: string;
  lead: string | null;
  coHandlers: string[];
  transferredOn: string | null;
  notes: string | null;
};

export type FollowUpBookRow = {
  id: string;
  registryPeriod: string;
  registryNumber: number;
  arrivalDate: string | null;
  numberNotation: string;
  documentDate: string | null;
  issuerName: string;
  documentType: DocumentType;
  subject: string;
  lead: string | null;
  coHandlers: string[];
  closedCoHandlers: string[];
  deadline: string | null;
  issuerDeadline: string | null;
  progress: Progress;
  lateForIssuer: boolean;
  completedOn: string | null;
  replyNumberNotation: string;
  notes: string | null;
};

export type BookPage<Row> = {
  registry: BookRegistry;
  from: string;
  to: string;
  rows: Row[];
  nextCursor: BookCursor | null;
};

/**
 * The registry the book is kept in: the one named (of the actor's organisation), else the
 * organisation's default registry of the direction. Incoming books are kept only in incoming
 * and secret (incoming) registries, the outgoing book only in outgoing and secret outgoing ones.
 */
export async function resolveBookRegistry(
  db: DbOrTx,
  actor: Actor,
  registryId: string | null | undefined,
  direction: BookDirection = "incoming",
): Promise<BookRegistry> {
  const allowed = registryKindsOf[direction];
  const [row] = await db
    .select({
      id: registry.id,
      name: registry.name,
      kind: registry.kind,
      periodKind: registry.periodKind,
    })
    .from(registry)
    .where(
      and(
        eq(registry.organisationId, actor.organisationId),
        registryId
          ? eq(registry.id, registryId)
          : and(eq(registry.kind, allowed.kinds[0]), eq(registry.isDefault, true)),
      ),
    )
    .limit(1);
  if (!row && registryId) throw notFound("registry");
  if (!row) throw new AppError("NOT_FOUND", allowed.noDefault);
  const kind = allowed.kinds.find((k) => k === row.kind);
  if (!kind) throw fieldError({ registryId: allowed.wrongKind });
  return { id: row.id, name: row.name, kind, periodKind: row.periodKind };
}

/** The years a range touches: a year registry's periods to read. */
function yearsOf(input: { from: string; to: string }): string[] {
  const years: string[] = [];
  for (let y = Number(input.from.slice(0, 4)); y <= Number(input.to.slice(0, 4)); y++)
    years.push(String(y));
  return years;
}

const isSecretBook = (book: BookRegistry) =>
  book.kind === "secret" || book.kind === "secret_outgoing";

/**
 * Which documents a book shows: registered in this registry, arrived (incoming) or issued
 * (outgoing) within the range, and visible to the actor. A secret document belongs only in the
 * secret registry's book, and even there only for the people on it (the visibility rule).
 */
export function bookScope(actor: Actor, book: BookRegistry, input: BookInput): SQL {
  const outgoing = book.kind === "outgoing" || book.kind === "secret_outgoing";
  // An outgoing document's date is the day it was numbered and issued.
  const day = outgoing ? document.documentDate : document.arrivalDate;
  return and(
    visibleTo(actor),
    eq(document.direction, outgoing ? "outgoing" : "incoming"),
    eq(document.registryId, book.id),
    // Numbers of a year registry are ordered within their year: naming the years of the range
    // lets the index start at this year instead of the registry's first one.
    book.periodKind === "year" ? inArray(document.registryPeriod, yearsOf(input)) : undefined,
    isNotNull(document.registryNumber),
    gte(day, input.from),
    lte(day, input.to),
    isSecretBook(book) ? undefined : eq(document.confidentiality, "normal"),
    input.cursor
      ? sql`(${document.registryPeriod}, ${document.registryNumber}) > (${input.cursor.period}, ${input.cursor.number})`
      : undefined,
  )!;
}

/** The rows of one page (one more was read to know whether another page follows). */
export function bookPage<Row extends { registryPeriod: string; registryNumber: number }>(
  book: BookRegistry,
  input: BookInput,
  fetched: Row[],
): BookPage<Row> {
  const rows = fetched.slice(0, input.limit);
  const last = rows.at(-1);
  return {
    registry: book,
    from: input.from,
    to: input.to,
    rows,
    nextCursor:
      fetched.length > input.limit && last
        ? { period: last.registryPeriod, number: last.registryNumber }
        : null,
  };
}

/** Sổ đăng ký văn bản đến: one row per arrival number. */
export async function incomingRegistryBook(
  db: DbOrTx,
  actor: Actor,
  input: BookInput,
): Promise<BookPage<IncomingBookRow>> {
  assertCan(actor, "registry.read");
  const book = await resolveBookRegistry(db, actor, input.registryId);
  const lead = leadAssignment(db);
  const rows = await db
    .select({
      id: document.id,
      registryPeriod: sql<string>`${document.registryPeriod}`,
      registryNumber: sql<number>`${document.registryNumber}`,
      arrivalDate: document.arrivalDate,
      issuerName: document.issuerName,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      documentDate: document.documentDate,
      documentType: document.documentType,
      subject: document.subject,
      lead: lead.name,
      coHandlers: coHandlerNames(),
      transferredOn: transferredOn(),
      notes: document.notes,
    })
    .from(document)
    .leftJoinLateral(lead, sql`true`)
    .where(bookScope(actor, book, input))
    .orderBy(asc(document.registryPeriod), asc(document.registryNumber))
    .limit(input.limit + 1);
  return bookPage(
    book,
    input,
    rows.map(({ codeNumber, codeNotation, ...row }) => ({
      ...row,
      numberNotation: formatNumberNotation(codeNumber, codeNotation),
    })),
  );
}

/**
 * Sổ theo dõi giải quyết văn bản đến: the documents someone must act on (those given a lead or
 * a deadline), with how far their handling has come on today's date in Vietnam.
 */
export async function followUpBook(
  db: DbOrTx,
  actor: Actor,
  input: BookInput,
): Promise<BookPage<FollowUpBookRow>> {
  assertCan(actor, "registry.read");
  const book = await resolveBookRegistry(db, actor, input.registryId);
  const lead = leadAssignment(db);
  const reply = alias(document, "reply");
  const deadline = effectiveDeadline(lead);
  const today = vietnamToday();
  const rows = await db
    .select({
      id: document.id,
      registryPeriod: sql<string>`${document.registryPeriod}`,
      registryNumber: sql<number>`${document.registryNumber}`,
      arrivalDate: document.arrivalDate,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      documentDate: document.documentDate,
      issuerName: document.issuerName,
      documentType: document.documentType,
      subject: document.subject,
      lead: lead.name,
      coHandlers: coHandlerNames(),
      closedCoHandlers: closedCoHandlerNames(),
      deadline: sql<string | null>`(${deadline})::text`,
      issuerDeadline: document.issuerDeadline,
      progress: progressOf(lead, today),
      lateForIssuer: lateForIssuer(today),
      completedOn: sql<string | null>`(${vietnamDate(document.completedAt)})::text`,
      replyNumber: reply.codeNumber,
      replyNotation: reply.codeNotation,
      notes: document.notes,
    })
    .from(document)
    .leftJoinLateral(lead, sql`true`)
    .leftJoin(
      reply,
      and(eq(reply.id, document.replyDocumentId), eq(reply.organisationId, actor.organisationId)),
    )
    .where(
      and(
        bookScope(actor, book, input),
        or(isNotNull(lead.name), isNotNull(document.deadline), isNotNull(lead.deadline)),
      ),
    )
    .orderBy(asc(document.registryPeriod), asc(document.registryNumber))
    .limit(input.limit + 1);
  return bookPage(
    book,
    input,
    rows.map(({ codeNumber, codeNotation, replyNumber, replyNotation, ...row }) => ({
      ...row,
      numberNotation: formatNumberNotation(codeNumber, codeNotation),
      replyNumberNotation: formatNumberNotation(replyNumber, replyNotation),
    })),
  );
}

export const DOWNLOAD_PAGE = 500;

/**
 * Every row of a book for a printed or exported copy, read page by page through the same
 * function the screen uses, so the file and the screen never disagree.
 */
export async function wholeBook<Row>(
  read: (cursor: BookCursor | null) => Promise<BookPage<Row>>,
): Promise<BookPage<Row>> {
  const first = await read(null);
  const rows = [...first.rows];
  let cursor = first.nextCursor;
  while (cursor) {
    const next = await read(cursor);
    rows.push(...next.rows);
    cursor = next.nextCursor;
  }
  return { ...first, rows, nextCursor: null };
}

export const wholeIncomingBook = (
  db: DbOrTx,
  actor: Actor,
  input: Omit<BookInput, "cursor" | "limit">,
) =>
  wholeBook((cursor) =>
    incomingRegistryBook(db, actor, { ...input, cursor, limit: DOWNLOAD_PAGE }),
  );

export const wholeFollowUpBook = (
  db: DbOrTx,
  actor: Actor,
  input: Omit<BookInput, "cursor" | "limit">,
) => wholeBook((cursor) => followUpBook(db, actor, { ...input, cursor, limit: DOWNLOAD_PAGE }));
