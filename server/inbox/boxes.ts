// The boxes of documents a person sees, incoming and outgoing, and the clerk's boxes, a page at
// a time in a fixed order (keyset paging, server/inbox/cursors.ts).
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { documentParticipant } from "@/db/schema/participants";
import { document, documentFile } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import type { Confidentiality, DocumentType, Urgency } from "@/lib/documents";
import { formatNumberNotation } from "@/lib/documents";
import type { SignatureCheck } from "@/lib/signature-check";
import type {
  ClerkBox,
  ClerkBoxInput,
  InboxBox,
  ListInboxInput,
  OutgoingBox,
} from "@/lib/schemas/inbox";
import { addDays, vietnamToday } from "@/lib/dates";
import { isUuid } from "@/lib/schemas/fields";
import type { DocumentStatus, IncomingStatus } from "@/lib/schemas/search";
import { assertCan, type Actor } from "../authz/actor";
import { NO_DEADLINE } from "../incoming/participants";
import { visibleTo } from "../incoming/visibility";
import { signatureState } from "../signing/verify/reasons";
import { decodeCursor, encodeCursor, isDayOrInfinity, isUrgency, isUtcMicros } from "./cursors";

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
  recalled: "recalled",
};

/** The boxes of the clerk's own work, small (a few days' mail), listed most urgent first. */
export const clerkWorkBoxes: ReadonlySet<ClerkBox> = new Set([
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
 * What our verifier found on a document's main file, for a document that arrived electronically:
 * the clerk registering several at once sees which to open first.
 */
const mainFileCheck = sql<SignatureCheck | null>`(
    select b.signature_check from ${documentFile} f join ${fileBlob} b on b.sha256 = f.sha256
    where f.document_id = "document"."id" and f.kind = 'main'
    order by f.created_at desc limit 1)`;

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
      // An action taken from the list (registering several at once) names the version listed.
      version: document.version,
      signatureCheck:
        input.box === "to_register" ? mainFileCheck : sql<SignatureCheck | null>`null`,
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
    items: page.map(({ sortAt: _sortAt, signatureCheck, ...r }) => ({
      ...r,
      signatures: input.box === "to_register" ? signatureState(signatureCheck) : null,
      numberNotation: formatNumberNotation(r.codeNumber, r.codeNotation),
    })),
    nextCursor: last ? encodeCursor([last.urgency, last.sortAt, last.id]) : null,
  };
}
