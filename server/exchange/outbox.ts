// Sending to peer deployments. What is to be sent is written to the outbox in the transaction that
// made it (issuing, a step at the recipient), and a notification wakes the drain job once that
// transaction commits. The drain sends each due message with its row locked, so two drains never
// send one message at once; a message the peer does not acknowledge is tried again with backoff,
// and one it refuses for good (an unknown recipient, an untrusted signature) is marked failed with
// the reason for the deployment admin. Receiving is idempotent, so sending again after a crash on
// either side never delivers twice.
import { and, asc, eq, lte, min, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { exchangeArrival, exchangeOutbox } from "@/db/schema/exchange";
import { exchangePeer, organisation } from "@/db/schema/org";
import type { DeliveryStatus } from "@/lib/delivery";
import { statusCodes } from "@/lib/delivery";
import { formatNumberNotation } from "@/lib/documents";
import { buildStatusPackage } from "../edxml/build";
import { exchangeSigner } from "../edxml/exchange-key";
import { edxmlTimestamp, issuedPackage } from "../edxml/export";
import { toEdxmlDate } from "../edxml/model";
import { documentColumns } from "../incoming/visibility";

/** The channel the drain job listens on; NOTIFY is delivered only when the transaction commits. */
export const OUTBOX_CHANNEL = "exchange_outbox";

export const wakeDrain = (tx: Tx) => tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);

/** Where a peer takes packages. */
export const inboxUrlOf = (base: string) => `${base.replace(/\/+$/, "")}/api/exchange/inbox`;

export type RetryPolicy = { baseSeconds: number; maxSeconds: number; maxAttempts: number };

export function retryPolicy(): RetryPolicy {
  const number = (value: string | undefined, fallback: number) =>
    Number.isFinite(Number(value)) && Number(value) > 0 ? Number(value) : fallback;
  return {
    baseSeconds: number(process.env.EXCHANGE_RETRY_SECONDS, 30),
    maxSeconds: 3600,
    maxAttempts: number(process.env.EXCHANGE_MAX_ATTEMPTS, 20),
  };
}

/** The wait before attempt `attempts + 1`: doubling from the base, at most an hour. */
export const backoffSeconds = (attempts: number, policy: RetryPolicy) =>
  Math.min(policy.baseSeconds * 2 ** Math.max(0, attempts - 1), policy.maxSeconds);

/**
 * The issued document, for the recipients a peer hosts: one message per peer and sending round,
 * in the issuing transaction.
 */
export async function enqueueDocument(
  tx: Tx,
  documentId: string,
  peerId: string,
  recipientCodes: string[],
  round = 1,
): Promise<void> {
  await tx
    .insert(exchangeOutbox)
    .values({
      peerId,
      kind: "document",
      messageKey: round === 1 ? `document:${documentId}` : `document:${documentId}:${round}`,
      documentId,
      recipientCodes,
    })
    .onConflictDoNothing();
  await wakeDrain(tx);
}

/**
 * A step at the recipient reported to the peer the copy came from, once per copy and code.
 * False when the copy did not come from a peer.
 */
export async function enqueueStatus(
  tx: Tx,
  copyId: string,
  status: DeliveryStatus,
  info: { description?: string | null; staffName?: string | null },
): Promise<boolean> {
  if (status === "pending") return false;
  const [arrival] = await tx
    .select({ peerId: exchangeArrival.peerId })
    .from(exchangeArrival)
    .where(eq(exchangeArrival.incomingDocumentId, copyId));
  if (!arrival) return false;
  const code = statusCodes[status];
  await tx
    .insert(exchangeOutbox)
    .values({
      peerId: arrival.peerId,
      kind: "status",
      messageKey: `status:${copyId}:${code}`,
      documentId: copyId,
      statusCode: code,
      description: info.description ?? null,
      staffName: info.staffName ?? null,
    })
    .onConflictDoNothing();
  await wakeDrain(tx);
  return true;
}

type OutboxRow = typeof exchangeOutbox.$inferSelect;

/** The message's package, the same bytes at every attempt (its times are the row's). */
async function packageOf(tx: Tx, row: OutboxRow): Promise<string> {
  const [doc] = await tx
    .select(documentColumns)
    .from(document)
    .where(eq(document.id, row.documentId));
  if (!doc) throw new Error("The outbox names a document that is gone.");
  if (row.kind === "document") {
    const { xml } = await issuedPackage(tx, doc, { now: row.createdAt, peerId: row.peerId });
    return xml;
  }
  const [arrival] = await tx
    .select()
    .from(exchangeArrival)
    .where(eq(exchangeArrival.incomingDocumentId, doc.id));
  const [org] = await tx
    .select({ code: organisation.code, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.id, doc.organisationId));
  return buildStatusPackage(
    {
      ResponseFor: {
        OrganId: arrival!.senderCode,
        Code: formatNumberNotation(arrival!.codeNumber, arrival!.codeNotation) || undefined,
        PromulgationDate: arrival!.documentDate ? toEdxmlDate(arrival!.documentDate) : undefined,
        DocumentId: arrival!.remoteDocumentId,
      },
      From: { OrganId: org!.code, OrganName: org!.name },
      StatusCode: row.statusCode!,
      Description: row.description ?? undefined,
      Timestamp: edxmlTimestamp(row.createdAt),
      StaffInfo: row.staffName ? { Staff: row.staffName } : undefined,
    },
    await exchangeSigner(tx),
  );
}

type Attempt = { outcome: "sent" } | { outcome: "refused" | "retry"; reason: string };

/** One POST; a peer's refusal (4xx but a timeout or throttling) is final, anything else retried. */
async function post(url: string, xml: string, fetcher: typeof fetch): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetcher(inboxUrlOf(url), {
      method: "POST",
      headers: { "content-type": "application/xml; charset=utf-8" },
      body: xml,
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { outcome: "retry", reason: cause ?? (error as Error).message };
  }
  const text = (await response.text().catch(() => "")).slice(0, 2000);
  if (response.ok) return { outcome: "sent" };
  let reason = `HTTP ${response.status}`;
  try {
    const body = JSON.parse(text) as { error?: string };
    if (body.error) reason = `${reason}: ${body.error}`;
  } catch {
    if (text) reason = `${reason}: ${text.slice(0, 300)}`;
  }
  const final =
    response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
  return { outcome: final ? "refused" : "retry", reason };
}

export type DrainResult = { sent: number; failed: number; deferred: number; nextAt: Date | null };

/**
 * Sends every message due now, one at a time, each under its row's lock (a message another drain
 * holds is left to it). Answers when the next waiting one falls due.
 */
export async function drainOutbox(
  db: Db,
  options: { fetch?: typeof fetch; policy?: RetryPolicy; limit?: number } = {},
): Promise<DrainResult> {
  const fetcher = options.fetch ?? fetch;
  const policy = options.policy ?? retryPolicy();
  const result: DrainResult = { sent: 0, failed: 0, deferred: 0, nextAt: null };
  for (let i = 0; i < (options.limit ?? 500); i++) {
    const handled = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(exchangeOutbox)
        .where(
          and(
            eq(exchangeOutbox.state, "pending"),
            lte(exchangeOutbox.nextAttemptAt, sql`clock_timestamp()`),
          ),
        )
        .orderBy(asc(exchangeOutbox.nextAttemptAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return false;
      const [peer] = await tx.select().from(exchangePeer).where(eq(exchangePeer.id, row.peerId));
      let attempt: Attempt;
      if (!peer?.active) {
        attempt = { outcome: "retry", reason: "peerInactive" };
      } else {
        let xml: string | null = null;
        try {
          xml = await packageOf(tx, row);
        } catch (error) {
          attempt = { outcome: "retry", reason: (error as Error).message };
        }
        attempt = xml ? await post(peer.url, xml, fetcher) : attempt!;
      }
      const attempts = row.attempts + 1;
      if (attempt.outcome === "sent") {
        await tx
          .update(exchangeOutbox)
          .set({ state: "sent", attempts, sentAt: new Date(), lastError: null })
          .where(eq(exchangeOutbox.id, row.id));
        result.sent++;
      } else if (attempt.outcome === "refused" || attempts >= policy.maxAttempts) {
        await tx
          .update(exchangeOutbox)
          .set({ state: "failed", attempts, lastError: attempt.reason })
          .where(eq(exchangeOutbox.id, row.id));
        result.failed++;
      } else {
        await tx
          .update(exchangeOutbox)
          .set({
            attempts,
            lastError: attempt.reason,
            nextAttemptAt: sql`clock_timestamp() + make_interval(secs => ${backoffSeconds(attempts, policy)})`,
          })
          .where(eq(exchangeOutbox.id, row.id));
        result.deferred++;
      }
      return true;
    });
    if (!handled) break;
  }
  const [next] = await db
    .select({ at: min(exchangeOutbox.nextAttemptAt) })
    .from(exchangeOutbox)
    .where(eq(exchangeOutbox.state, "pending"));
  result.nextAt = next?.at ?? null;
  return result;
}
