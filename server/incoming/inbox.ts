import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { documentParticipant } from "@/db/schema/documents";
import { document } from "@/db/schema/documents";
import type { Confidentiality, DocumentType, Urgency } from "@/lib/documents";
import { formatNumberNotation, urgencies } from "@/lib/documents";
import type {
  ClerkBox,
  ClerkBoxInput,
  InboxBox,
  ListInboxInput,
  OutgoingBox,
} from "@/lib/schemas/inbox";
import { addDays, isCalendarDay, vietnamToday } from "@/lib/dates";
import { isUuid } from "@/lib/schemas/fields";
import type { DocumentStatus, IncomingStatus } from "@/lib/schemas/search";
import { assertCan, type Actor } from "../authz/actor";
import { fieldError } from "../errors";
import { NO_DEADLINE } from "./participants";
import { visibleTo } from "./visibility";

type ParticipantBox = Exclude<(typeof documentParticipant.$inferSelect)["box"], "none">;

/** The participant boxes behind each inbox box, in the order they are listed. */
const boxesOf: Record<InboxBox | OutgoingBox, ParticipantBox[]> = {
  to_sign: ["to_sign"],
  draft_review: ["draft_review"],
  to_issue: ["to_issue"],
  draft_returned: ["draft_returned"],
  drafting: ["drafting"],
  to_direct: ["to_direct"],
  to_handle: ["to_handle"],
  to_review: ["to_review"],
  handled: ["handled"],
  info: ["info_unread", "info_read"],
};

export const DUE_SOON_DAYS = 3;

// --- cursors: the sort key of the last row, opaque to the client ---

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The sort key in a cursor; a cursor that was tampered with or is from another list is refused. */
export function decodeCursor<T extends unknown[]>(
  cursor: string,
  valid: (key: unknown[]) => key is T,
): T {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || !valid(key)) throw fieldError({ cursor: "inbox.invalidCursor" });
  return key;
}

// A cursor comes back from the client, so its key is checked as strictly as any input: only
// values that PostgreSQL takes without complaint, in the form this code wrote them.

/** A day of the accepted years (lib/dates.ts), or the 'infinity' of "no deadline". */
export const isDayOrInfinity = (v: unknown): v is string => v === NO_DEADLINE || isCalendarDay(v);

/** A moment as `clerkSortAt` writes it: UTC, to the microsecond, `2026-11-20T08:15:30.123456Z`. */
export function isUtcMicros(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/.exec(v);
  return m !== null && isCalendarDay(m[1]);
}
const isUrgency = (v: unknown): v is Urgency => urgencies.includes(v as Urgency);

// --- the personal inbox, read from document_participant ---

/**
 * One document is in one of a person's boxes, even when they hold several roles on it (a unit
 * head who must review a specialist's result while the unit's part is open, a leader who directed
 * it and also reviews its result): the box that asks most of them wins. As SQL on the row `p`.
 */
const boxRank = (box: SQL) => sql`case ${box}
    when 'to_review' then 0 when 'to_direct' then 1 when 'to_handle' then 2
    when 'info_unread' then 3 when 'handled' then 4 when 'info_read' then 5
    when 'to_sign' then 6 when 'draft_review' then 7 when 'to_issue' then 8
    when 'draft_returned' then 9 when 'drafting' then 10 else 11 end`;
export const outranked = sql`exists (select 1 from document_participant q
    where q.document_id = p.document_id and q.user_id = p.user_id
      and ${boxRank(sql`q.box`)} < ${boxRank(sql`p.box`)})`;

type InboxKey = [ParticipantBox, Urgency, string, string];

/**
 * One page of a person's box as SQL, in the order of document_participant_inbox_idx (box, most
 * urgent first, nearest deadline, document). The keyset after (box, urgency, deadline, id) mixes
 * a descending and ascending column, which one row comparison cannot express; it is split into
 * ranges that each read the index from where the previous page stopped: the rest of the same
 * urgency, the lower urgencies, then the following boxes.
 */
function inboxQuery(actor: Actor, input: ListInboxInput, today = vietnamToday()): SQL {
  const boxes = boxesOf[input.box];
  const n = input.limit + 1;
  const key = input.cursor
    ? decodeCursor(input.cursor, (k): k is InboxKey => {
        return (
          k.length === 4 &&
          boxes.includes(k[0] as ParticipantBox) &&
          isUrgency(k[1]) &&
          isDayOrInfinity(k[2]) &&
          isUuid(k[3])
        );
      })
    : null;
  const filter =
    input.filter === "due_soon"
      ? sql`and p.deadline between ${today}::date and ${addDays(today, DUE_SOON_DAYS)}::date`
      : input.filter === "overdue"
        ? sql`and p.deadline < ${today}::date`
        : input.filter === "returned"
          ? sql`and p.returned = 1`
          : sql``;

  const branch = (box: ParticipantBox, after?: SQL) => sql`select * from (
    select p.document_id, p.box, p.kind, p.urgency, p.deadline, p.returned, p.assignment_id
    from document_participant p
    where p.user_id = ${actor.userId} and p.organisation_id = ${actor.organisationId}
      and p.box = ${box} ${after ?? sql``} ${filter} and not ${outranked}
    order by p.urgency desc nulls last, p.deadline, p.document_id
    limit ${n}) as b`;

  const branches: SQL[] = [];
  const from = key ? boxes.indexOf(key[0]) : 0;
  if (key) {
    const [box, urgency, deadline, id] = key;
    branches.push(
      branch(
        box,
        sql`and p.urgency = ${urgency} and (p.deadline, p.document_id) > (${deadline}::date, ${id}::uuid)`,
      ),
      branch(box, sql`and p.urgency < ${urgency}`),
    );
  }
  for (const box of boxes.slice(key ? from + 1 : 0)) branches.push(branch(box));

  return sql`select p.document_id as "id", p.box, p.kind, p.urgency, p.deadline::text as "deadline",
      p.returned, a.status as "partStatus", d.registry_number as "registryNumber", d.arrival_date::text as "arrivalDate",
      d.code_number as "codeNumber", d.code_notation as "codeNotation", d.subject,
      d.issuer_name as "issuerName", d.document_type as "documentType",
      d.confidentiality, d.status, d.deadline::text as "documentDeadline",
      d.registered_at as "registeredAt", d.version
    from (
      ${sql.join(branches, sql` union all `)}
      order by box, urgency desc nulls last, deadline, document_id
      limit ${n}
    ) p
    join document d on d.id = p.document_id and d.organisation_id = ${actor.organisationId}
    left join assignment a on a.id = p.assignment_id
    order by p.box, p.urgency desc nulls last, p.deadline, p.document_id`;
}

type InboxRow = {
  id: string;
  /** The document's version as listed: an action taken from the list (batch signing) names it. */
  version: number;
  box: ParticipantBox;
  kind: string;
  urgency: Urgency;
  deadline: string;
  returned: number;
  /** The state of the person's own part, where they hold one (submitted, closed unfinished...). */
  partStatus: string | null;
  registryNumber: number | null;
  arrivalDate: string | null;
  codeNumber: string | null;
  codeNotation: string | null;
  subject: string;
  issuerName: string;
  documentType: DocumentType;
  confidentiality: Confidentiality;
  status: DocumentStatus;
  documentDeadline: string | null;
  registeredAt: Date | string | null;
};

export type InboxItem = Omit<InboxRow, "deadline" | "returned" | "registeredAt"> & {
  /** This person's deadline on the document, null when there is none. */
  deadline: string | null;
  returned: boolean;
  numberNotation: string;
  registeredAt: Date | null;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

/** One page of a person's box: to direct (leaders), to handle, handled, or for information. */
export async function listInbox(
  db: DbOrTx,
  actor: Actor,
  input: ListInboxInput,
): Promise<Page<InboxItem>> {
  assertCan(actor, "incoming.read");
  const { rows } = await db.execute<InboxRow>(inboxQuery(actor, input));
  const page = rows.slice(0, input.limit);
  const last = rows.length > input.limit ? page.at(-1) : undefined;
  // Two roles of one person on one document in the same box (a unit head who also leads it)
  // make two rows; the document is listed once, at its first place. Deduplicating here rather
  // than in SQL keeps the query a plain ordered read of the index.
  const seen = new Set<string>();
  const unique = page.filter((r) => !seen.has(r.id) && seen.add(r.id));
  return {
    items: unique.map((r) => ({
      ...r,
      deadline: r.deadline === NO_DEADLINE ? null : r.deadline,
      returned: r.returned === 1,
      numberNotation: formatNumberNotation(r.codeNumber, r.codeNotation),
      registeredAt: r.registeredAt === null ? null : new Date(r.registeredAt),
    })),
    nextCursor: last ? encodeCursor([last.box, last.urgency, last.deadline, last.id]) : null,
  };
}

// --- the clerk's boxes, read from document ---

type ClerkKey = [Urgency, string, string];

/**
 * Each status of an incoming document is in exactly one of the clerk's boxes, so nothing the
 * clerk holds can fall between them: the four with work for the clerk, then the documents that
 * have left their hands (being handled, sent back to the sender, completed).
 */
export const clerkBoxStatus: Record<ClerkBox, IncomingStatus> = {
  to_register: "received",
  to_present: "registered",
  returned: "returned",
  at_leader: "presented",
  in_progress: "in_progress",
  returned_to_sender: "returned_to_sender",
  completed: "completed",
};

/** The boxes of the clerk's own work, small (a few days' mail), listed most urgent first. */
const clerkWorkBoxes: ReadonlySet<ClerkBox> = new Set([
  "to_register",
  "to_present",
  "returned",
  "at_leader",
]);

/**
 * When the document came: a received one has no registration yet. The other boxes are read in
 * the order of document_org_status_idx (organisation, status, registered_at), newest first for
 * the boxes that only grow.
 */
const clerkSortAt = (box: ClerkBox) =>
  box === "to_register" ? sql`${document.createdAt}` : sql`${document.registeredAt}`;

function clerkKeyset(box: ClerkBox, key: ClerkKey | null): SQL | undefined {
  if (!key) return undefined;
  const at = clerkSortAt(box);
  const after = sql`(${key[1]}::timestamptz, ${key[2]}::uuid)`;
  if (!clerkWorkBoxes.has(box)) return sql`(${at}, ${document.id}) < ${after}`;
  return sql`(${document.urgency} < ${key[0]} or (${document.urgency} = ${key[0]} and (${at}, ${document.id}) > ${after}))`;
}

/**
 * One page of a clerk's box. The boxes of work come most urgent first, then in order of arrival;
 * the others newest first.
 */
function clerkBoxQuery(db: DbOrTx, actor: Actor, input: ClerkBoxInput) {
  const key = input.cursor
    ? decodeCursor(input.cursor, (k): k is ClerkKey => {
        return k.length === 3 && isUrgency(k[0]) && isUtcMicros(k[1]) && isUuid(k[2]);
      })
    : null;
  const at = clerkSortAt(input.box);
  const order = clerkWorkBoxes.has(input.box)
    ? [desc(document.urgency), asc(at), asc(document.id)]
    : [desc(at), desc(document.id)];
  return db
    .select({
      id: document.id,
      urgency: document.urgency,
      registryNumber: document.registryNumber,
      arrivalDate: document.arrivalDate,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      subject: document.subject,
      issuerName: document.issuerName,
      documentType: document.documentType,
      confidentiality: document.confidentiality,
      status: document.status,
      deadline: document.deadline,
      registeredAt: document.registeredAt,
      createdAt: document.createdAt,
      // Text keeps the microseconds a JavaScript Date would drop from the cursor.
      sortAt: sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(document)
    .where(
      and(
        visibleTo(actor),
        eq(document.direction, "incoming"),
        eq(document.status, clerkBoxStatus[input.box]),
        clerkKeyset(input.box, key),
      ),
    )
    .orderBy(...order)
    .limit(input.limit + 1);
}

export async function listClerkBox(db: DbOrTx, actor: Actor, input: ClerkBoxInput) {
  assertCan(actor, "incoming.receive");
  const rows = await clerkBoxQuery(db, actor, input);
  const page = rows.slice(0, input.limit);
  const last = rows.length > input.limit ? page.at(-1) : undefined;
  return {
    items: page.map(({ sortAt: _sortAt, ...r }) => ({
      ...r,
      numberNotation: formatNumberNotation(r.codeNumber, r.codeNotation),
    })),
    nextCursor: last ? encodeCursor([last.urgency, last.sortAt, last.id]) : null,
  };
}

// --- counters for the home page ---

export type InboxCounters = {
  /** Present for clerks. */
  clerk: { toRegister: number; toPresent: number; returned: number; atLeader: number } | null;
  /** Present for leaders. */
  leader: { toDirect: number } | null;
  /** Present for those who assign parts (leaders, unit heads): results waiting for them. */
  toReview: number | null;
  toHandle: number;
  dueSoon: number;
  overdue: number;
  returned: number;
  infoUnread: number;
  /** Outgoing documents waiting for this person, by box. */
  outgoing: Record<OutgoingBox, number>;
};

/**
 * The counts the home page shows: one query over the person's boxes (an index-only scan of
 * document_participant_inbox_idx), one for the clerk's. Only the box to handle can hold two
 * rows of one person for one document (a unit head who is also named co-handler), so only its
 * counts are of distinct documents; the others count rows, which spares sorting a leader's
 * thousands of copies for information.
 */
function personalCountersQuery(actor: Actor, today = vietnamToday()): SQL {
  const toHandle = sql`p.box = 'to_handle'`;
  return sql`select
      count(*) filter (where p.box = 'to_direct')::int as "toDirect",
      count(*) filter (where p.box = 'to_review')::int as "toReview",
      count(distinct p.document_id) filter (where ${toHandle})::int as "toHandle",
      count(distinct p.document_id) filter (where ${toHandle}
        and p.deadline between ${today}::date and ${addDays(today, DUE_SOON_DAYS)}::date)::int as "dueSoon",
      count(distinct p.document_id) filter (where ${toHandle} and p.deadline < ${today}::date)::int as "overdue",
      count(distinct p.document_id) filter (where ${toHandle} and p.returned = 1)::int as "returned",
      count(*) filter (where p.box = 'info_unread')::int as "infoUnread",
      count(*) filter (where p.box = 'to_sign')::int as "to_sign",
      count(*) filter (where p.box = 'draft_review')::int as "draft_review",
      count(*) filter (where p.box = 'to_issue')::int as "to_issue",
      count(*) filter (where p.box = 'draft_returned')::int as "draft_returned",
      count(*) filter (where p.box = 'drafting')::int as "drafting"
    from document_participant p
    where p.user_id = ${actor.userId} and p.organisation_id = ${actor.organisationId}
      and p.box in ('to_direct', 'to_handle', 'to_review', 'info_unread', 'to_sign',
        'draft_review', 'to_issue', 'draft_returned', 'drafting') and not ${outranked}`;
}

/** How many documents wait in each box of the clerk's own work. */
function clerkCountersQuery(db: DbOrTx, actor: Actor) {
  const inBox = (box: ClerkBox) =>
    sql<number>`count(*) filter (where ${document.status} = ${clerkBoxStatus[box]})::int`;
  return db
    .select({
      toRegister: inBox("to_register"),
      toPresent: inBox("to_present"),
      returned: inBox("returned"),
      atLeader: inBox("at_leader"),
    })
    .from(document)
    .where(
      and(
        visibleTo(actor),
        eq(document.direction, "incoming"),
        inArray(
          document.status,
          [...clerkWorkBoxes].map((box) => clerkBoxStatus[box]),
        ),
      ),
    );
}

export async function inboxCounters(db: DbOrTx, actor: Actor): Promise<InboxCounters> {
  assertCan(actor, "incoming.read");
  const today = vietnamToday();
  const isClerk = actor.roles.includes("clerk");
  const [personal, clerk] = await Promise.all([
    db.execute<
      {
        toDirect: number;
        toReview: number;
        toHandle: number;
        dueSoon: number;
        overdue: number;
        returned: number;
        infoUnread: number;
      } & Record<OutgoingBox, number>
    >(personalCountersQuery(actor, today)),
    isClerk ? clerkCountersQuery(db, actor) : Promise.resolve([]),
  ]);
  const { toDirect, toReview, to_sign, draft_review, to_issue, draft_returned, drafting, ...mine } =
    personal.rows[0]!;
  const assigns = actor.roles.includes("leader") || actor.roles.includes("unit_head");
  return {
    clerk: clerk[0] ?? null,
    leader: actor.roles.includes("leader") ? { toDirect } : null,
    toReview: assigns || toReview > 0 ? toReview : null,
    ...mine,
    outgoing: { to_sign, draft_review, to_issue, draft_returned, drafting },
  };
}
