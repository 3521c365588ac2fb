// The sender's view of an issued document's deliveries: each recipient's status with the time
// and the history of its reports, which ones have waited more than a working day unregistered,
// and the clerk's two remedies: remind the recipient's clerks, or send again after a refusal.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { delivery, deliveryEvent } from "@/db/schema/delivery";
import { document } from "@/db/schema/documents";
import { organisation } from "@/db/schema/org";
import type { DeliveryStatus, RecallKind } from "@/lib/delivery";
import { lateArrivalBefore } from "@/lib/dates";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, stale } from "../errors";
import { clerksOf } from "../incoming/workflow-support";
import { loadVisibleDocument, visibleTo } from "../incoming/visibility";
import { notifyUsers } from "../notify/notify";
import { copyAt } from "./copies";
import { arrive } from "./deliver";

/** How long after a reminder another may be sent. */
const REMIND_AGAIN_MS = 60 * 60 * 1000;

export type DeliveryRow = {
  id: string;
  version: number;
  recipientName: string;
  /** The merged organisation it was addressed to, when its successor received it. */
  addressedName: string | null;
  /** Typed in by name: sent outside the deployment, by another channel. */
  outside: boolean;
  status: DeliveryStatus;
  /** Times as ISO strings: a table of a hundred recipients carries no per-value type tags. */
  statusAt: string | null;
  reason: string | null;
  round: number;
  remindedAt: string | null;
  /** The sender's recall (update, replace) request on it, and where it stands. */
  recall: {
    kind: RecallKind;
    state: "requested" | "accepted" | "refused";
    reason: string | null;
  } | null;
  /** Arrived and still not registered after a whole working day. */
  late: boolean;
  /** The recipient's document that answers this one, when it has arrived. */
  reply: { id: string; numberNotation: string } | null;
  events: {
    code: string;
    status: DeliveryStatus;
    at: string;
    staffName: string | null;
    description: string | null;
    round: number;
  }[];
};

async function issuedDocument(db: Db, actor: Actor, documentId: string) {
  const doc = await loadVisibleDocument(db, actor, documentId);
  if (doc.direction !== "outgoing") throw new AppError("NOT_FOUND", "errors.notFound");
  return doc;
}

/**
 * Arrived, and still not registered before `before` (lateArrivalBefore: a whole working day
 * has passed since): late, on the sender's table and in its list of documents sent.
 */
export const lateArrival = (before: Date) =>
  sql`${delivery.status} = 'arrived' and ${delivery.statusAt} < ${before.toISOString()}::timestamptz`;

/** A time as `Date.toISOString` writes it, made by the database. */
const isoTime = (column: SQL | AnyPgColumn) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Every delivery of an issued document the actor sees, recipients in name order. One statement
 * checks the document and gathers its deliveries with their reports as JSON, in the shape the
 * page reads: a hundred recipients are a hundred rows of times, and none of them is turned into
 * a Date and back on the way.
 */
export async function deliveriesOf(
  db: Db,
  actor: Actor,
  documentId: string,
  now: Date = new Date(),
): Promise<DeliveryRow[]> {
  const events = sql`coalesce((
      select json_agg(json_build_object(
          'code', ${deliveryEvent.code},
          'status', ${deliveryEvent.status},
          'at', ${isoTime(deliveryEvent.at)},
          'staffName', ${deliveryEvent.staffName},
          'description', ${deliveryEvent.description},
          'round', ${deliveryEvent.round})
        order by ${deliveryEvent.at}, ${deliveryEvent.code})
      from ${deliveryEvent} where ${deliveryEvent.deliveryId} = ${delivery.id}), '[]'::json)`;
  // The recipient's first answer to it (edXML ResponseFor) that the actor may see. An alias
  // renders as its name alone, hence "from document answer" written out.
  const answer = alias(document, "answer");
  const reply = sql`(
      select json_build_object('id', ${answer.id}, 'numberNotation',
        concat_ws('/', nullif(${answer.codeNumber}, ''), nullif(${answer.codeNotation}, '')))
      from ${document} ${answer}
      where ${answer.respondsToDocumentId} = ${document.id}
        and ${answer.issuerOrganisationId} = ${delivery.recipientOrganisationId}
        and ${visibleTo(actor, answer)}
      order by ${answer.createdAt}, ${answer.id} limit 1)`;
  const rows = sql`coalesce((
      select json_agg(json_build_object(
          'id', ${delivery.id},
          'version', ${delivery.version},
          'recipientName', ${delivery.recipientName},
          'addressedName', ${organisation.name},
          'outside', ${delivery.recipientOrganisationId} is null,
          'status', ${delivery.status},
          'statusAt', ${isoTime(delivery.statusAt)},
          'reason', ${delivery.reason},
          'round', ${delivery.round},
          'remindedAt', ${isoTime(delivery.remindedAt)},
          'recall', case when ${delivery.recallKind} is not null and ${delivery.recallState} is not null
            then json_build_object('kind', ${delivery.recallKind}, 'state', ${delivery.recallState},
              'reason', ${delivery.recallReason}) end,
          'late', coalesce(${lateArrival(lateArrivalBefore(now))}, false),
          'reply', ${reply},
          'events', ${events})
        order by ${delivery.recipientName}, ${delivery.id})
      from ${delivery}
      left join ${organisation} on ${organisation.id} = ${delivery.addressedOrganisationId}
      where ${delivery.documentId} = ${document.id}), '[]'::json)`;
  // Written whole rather than through the query builder, which leaves the columns of a
  // one-table select unqualified, and the subqueries read three tables.
  const {
    rows: [doc],
  } = await db.execute<{ direction: string; status: string; rows: DeliveryRow[] }>(
    sql`select ${document.direction} as direction, ${document.status} as status, ${rows} as rows
      from ${document} where ${and(eq(document.id, documentId), visibleTo(actor))}`,
  );
  if (!doc || doc.direction !== "outgoing") throw new AppError("NOT_FOUND", "errors.notFound");
  return doc.status === "issued" ? doc.rows : [];
}

/**
 * A delivery of one of the actor's organisation's issued documents, at the version read, and that
 * document. Each change then writes only if the version is still the one read.
 */
async function ownDelivery(db: Db, actor: Actor, input: { deliveryId: string; version: number }) {
  const [row] = await db
    .select()
    .from(delivery)
    .where(
      and(eq(delivery.id, input.deliveryId), eq(delivery.organisationId, actor.organisationId)),
    );
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const sent = await issuedDocument(db, actor, row.documentId);
  if (row.version !== input.version) throw stale();
  return { row, sent };
}

/**
 * Reminds the recipient's clerks of a document that arrived and is not yet registered; once an
 * hour at most, so a double click sends one reminder.
 */
export async function remindDelivery(
  db: Db,
  actor: Actor,
  input: { deliveryId: string; version: number },
  now: Date = new Date(),
): Promise<{ version: number }> {
  assertCan(actor, "outgoing.issue");
  const { row } = await ownDelivery(db, actor, input);
  if (row.status !== "arrived" || !row.recipientOrganisationId || !row.incomingDocumentId) {
    throw new AppError("CONFLICT", "delivery.notWaiting");
  }
  if (row.remindedAt && now.getTime() - row.remindedAt.getTime() < REMIND_AGAIN_MS) {
    throw new AppError("CONFLICT", "delivery.remindedRecently");
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(delivery)
      .set({ remindedAt: now, version: row.version + 1 })
      .where(and(eq(delivery.id, row.id), eq(delivery.version, row.version)))
      .returning({ version: delivery.version });
    if (!updated) throw stale();
    const [copy] = await tx
      .select({ subject: document.subject })
      .from(document)
      .where(eq(document.id, row.incomingDocumentId!));
    await notifyUsers(tx, {
      organisationId: row.recipientOrganisationId!,
      userIds: await clerksOf(tx, row.recipientOrganisationId!),
      kind: "deliveryReminder",
      documentId: row.incomingDocumentId,
      messageKey: "deliveryReminder",
      params: { subject: (copy?.subject ?? "").slice(0, 120), issuer: actor.organisationName },
    });
    return updated;
  });
}

/**
 * Reminds at once every recipient that has left the document unregistered past a working day
 * (the "late" filter of the table), each checked and recorded as one reminder is. Those reminded
 * within the hour are passed over, so a double click reminds nobody twice.
 */
export async function remindLate(
  db: Db,
  actor: Actor,
  input: { documentId: string },
  now: Date = new Date(),
): Promise<{ reminded: number; skipped: number }> {
  assertCan(actor, "outgoing.issue");
  const late = (await deliveriesOf(db, actor, input.documentId, now)).filter(
    (d) => d.late && d.status === "arrived",
  );
  let reminded = 0;
  for (const d of late) {
    try {
      await remindDelivery(db, actor, { deliveryId: d.id, version: d.version }, now);
      reminded++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { reminded, skipped: late.length - reminded };
}

/**
 * Sends the document again to a recipient that refused it: a new round, a new copy in their
 * reception queue (the refused one keeps its history there).
 */
export async function resendDelivery(
  db: Db,
  actor: Actor,
  input: { deliveryId: string; version: number },
  now: Date = new Date(),
): Promise<{ version: number }> {
  assertCan(actor, "outgoing.issue");
  const { row, sent } = await ownDelivery(db, actor, input);
  if (row.status !== "refused" || !row.recipientOrganisationId) {
    throw new AppError("CONFLICT", "delivery.notRefused");
  }
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ version: delivery.version })
      .from(delivery)
      .where(eq(delivery.id, row.id))
      .for("update");
    if (locked?.version !== row.version) throw stale();
    const [recipient] = await tx
      .select({ status: organisation.status })
      .from(organisation)
      .where(eq(organisation.id, row.recipientOrganisationId!));
    if (recipient?.status !== "active") throw new AppError("CONFLICT", "delivery.recipientClosed");
    const copyId =
      (await copyAt(tx, row.recipientOrganisationId!, sent)) ??
      (await arrive(tx, actor, sent, row.recipientOrganisationId!, now));
    const round = row.round + 1;
    const [updated] = await tx
      .update(delivery)
      .set({
        status: "arrived",
        statusAt: now,
        reason: null,
        remindedAt: null,
        round,
        incomingDocumentId: copyId,
        version: row.version + 1,
      })
      .where(eq(delivery.id, row.id))
      .returning({ version: delivery.version });
    await tx
      .insert(deliveryEvent)
      .values({ deliveryId: row.id, round, code: "01", status: "arrived", at: now });
    return updated!;
  });
}
