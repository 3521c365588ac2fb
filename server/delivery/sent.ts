// "Đã gửi": the organisation's issued documents that went to other organisations, newest first,
// each with how far its recipients have got (arrived, registered, completed, refused, late), so
// the clerk sees across documents which recipients to remind without opening each one.
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { delivery } from "@/db/schema/delivery";
import { document } from "@/db/schema/documents";
import { lateArrivalBefore } from "@/lib/dates";
import { registeredStatuses } from "@/lib/delivery";
import { formatNumberNotation, type Confidentiality, type DocumentType } from "@/lib/documents";
import type { SentFilter, SentListInput } from "@/lib/schemas/delivery";
import { isUuid } from "@/lib/schemas/fields";
import { assertCan, type Actor } from "../authz/actor";
import { decodeCursor, encodeCursor, isUtcMicros } from "../inbox/cursors";
import { visibleTo } from "../incoming/visibility";
import { lateArrival } from "./status";

export type SentRow = {
  id: string;
  numberNotation: string;
  documentType: DocumentType;
  subject: string;
  documentDate: string | null;
  confidentiality: Confidentiality;
  /** When it was numbered and issued, as an ISO string. */
  issuedAt: string;
  recipients: number;
  /** Not yet registered: arrived, or waiting to be sent outside the deployment. */
  waiting: number;
  /** Registered, and the later steps: assigned, in progress, completed. */
  registered: number;
  completed: number;
  refused: number;
  /** Arrived and still not registered after a whole working day. */
  late: number;
  /** Taken back at the sender's request and accepted by the recipient. */
  recalled: number;
  /** Recall, update or replace requests the recipients have not answered yet. */
  recallOpen: number;
  /** Recipients whose answering document has arrived. */
  replied: number;
};

const ownDeliveries = (actor: Actor, condition: SQL) =>
  sql`exists (select 1 from ${delivery} where ${delivery.documentId} = ${document.id}
    and ${delivery.organisationId} = ${actor.organisationId} and ${condition})`;

function filterCondition(actor: Actor, filter: SentFilter, lateBefore: Date): SQL {
  switch (filter) {
    case "all":
      return ownDeliveries(actor, sql`true`);
    case "waiting":
      return ownDeliveries(actor, sql`${delivery.status} in ('pending', 'arrived')`);
    case "late":
      return ownDeliveries(actor, lateArrival(lateBefore));
    case "refused":
      return ownDeliveries(actor, sql`${delivery.status} = 'refused'`);
  }
}

type SentKey = [string, string];

/** One page of the organisation's sent documents, newest issued first. */
export async function sentDocuments(
  db: DbOrTx,
  actor: Actor,
  input: SentListInput,
  now: Date = new Date(),
): Promise<{ items: SentRow[]; nextCursor: string | null }> {
  assertCan(actor, "outgoing.approve");
  const key = input.cursor
    ? decodeCursor(
        input.cursor,
        (k): k is SentKey => k.length === 2 && isUtcMicros(k[0]) && isUuid(k[1]),
      )
    : null;
  const lateBefore = lateArrivalBefore(now);
  const count = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;
  // A recipient's answer to the document (edXML ResponseFor), one the actor may see; an alias
  // renders as its name alone, hence "document answer" written out.
  const answer = alias(document, "answer");
  const summary = db
    .select({
      recipients: sql<number>`count(*)::int`.as("recipients"),
      waiting: count(sql`${delivery.status} in ('pending', 'arrived')`).as("waiting"),
      registered: count(inArray(delivery.status, registeredStatuses)).as("registered"),
      completed: count(sql`${delivery.status} = 'completed'`).as("completed"),
      refused: count(sql`${delivery.status} = 'refused'`).as("refused"),
      late: count(lateArrival(lateBefore)).as("late"),
      recalled: count(sql`${delivery.status} = 'recalled'`).as("recalled"),
      recallOpen: count(sql`${delivery.recallState} = 'requested'`).as("recall_open"),
      replied: count(sql`exists (select 1 from ${document} ${answer}
        where ${answer.respondsToDocumentId} = ${delivery.documentId}
          and ${answer.issuerOrganisationId} = ${delivery.recipientOrganisationId}
          and ${visibleTo(actor, answer)})`).as("replied"),
    })
    .from(delivery)
    .where(eq(delivery.documentId, document.id))
    .as("summary");
  const rows = await db
    .select({
      id: document.id,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      documentType: document.documentType,
      subject: document.subject,
      documentDate: document.documentDate,
      confidentiality: document.confidentiality,
      // Text keeps the microseconds a JavaScript Date would drop from the cursor.
      issuedAt: sql<string>`to_char(${document.registeredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      recipients: summary.recipients,
      waiting: summary.waiting,
      registered: summary.registered,
      completed: summary.completed,
      refused: summary.refused,
      late: summary.late,
      recalled: summary.recalled,
      recallOpen: summary.recallOpen,
      replied: summary.replied,
    })
    .from(document)
    .crossJoinLateral(summary)
    .where(
      and(
        visibleTo(actor),
        eq(document.direction, "outgoing"),
        eq(document.status, "issued"),
        filterCondition(actor, input.filter, lateBefore),
        key
          ? sql`(${document.registeredAt}, ${document.id}) < (${key[0]}::timestamptz, ${key[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(document.registeredAt), desc(document.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = rows.length > input.limit ? page.at(-1) : undefined;
  return {
    items: page.map(({ codeNumber, codeNotation, ...row }) => ({
      ...row,
      numberNotation: formatNumberNotation(codeNumber, codeNotation),
    })),
    nextCursor: last ? encodeCursor([last.issuedAt, last.id]) : null,
  };
}

/** How many of the organisation's sent documents have a recipient late to register them. */
export async function lateSentCount(db: DbOrTx, actor: Actor, now: Date = new Date()) {
  assertCan(actor, "outgoing.approve");
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(document)
    .where(
      and(
        visibleTo(actor),
        eq(document.direction, "outgoing"),
        eq(document.status, "issued"),
        filterCondition(actor, "late", lateArrivalBefore(now)),
      ),
    );
  return row?.n ?? 0;
}
