import { and, asc, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditChainHead, auditEvent } from "@/db/schema/audit";
import { GENESIS_HASH, hashAuditEvent } from "./chain";

export type ChainReport =
  | { ok: true; organisationId: string; events: number; lastHash: string }
  | {
      ok: false;
      organisationId: string;
      events: number;
      brokenAt: {
        seq: number;
        id: number | null;
        reason: "hash" | "link" | "gap" | "truncated";
      };
    };

const PAGE = 2000;

export type BrokenReason = Extract<ChainReport, { ok: false }>["brokenAt"]["reason"];

/**
 * Walks one organisation's chain in order and recomputes every hash. Reports the first link
 * that does not hold: a row whose content no longer matches its hash, a row whose prev_hash
 * is not the hash of the row before, a missing sequence number (a deleted row), or a chain
 * that stops before the head recorded with the last append (rows deleted at the end).
 */
export async function verifyAuditChain(db: DbOrTx, organisationId: string): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const broken = (seq: number, id: number | null, reason: BrokenReason): ChainReport => ({
    ok: false,
    organisationId,
    events: count,
    brokenAt: { seq, id, reason },
  });
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.organisationId, organisationId), gt(auditEvent.seq, expectedSeq - 1)),
      )
      .orderBy(asc(auditEvent.seq))
      .limit(PAGE);
    for (const row of rows) {
      if (row.seq !== expectedSeq) return broken(expectedSeq, null, "gap");
      if (row.prevHash !== expectedPrev) return broken(row.seq, row.id, "link");
      if (hashAuditEvent(row) !== row.hash) return broken(row.seq, row.id, "hash");
      expectedPrev = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < PAGE) break;
  }
  const [head] = await db
    .select({ seq: auditChainHead.seq, hash: auditChainHead.hash })
    .from(auditChainHead)
    .where(eq(auditChainHead.organisationId, organisationId));
  const headSeq = head?.seq ?? 0;
  // Events removed from the end: the head points past them.
  if (headSeq > count) return broken(count + 1, null, "truncated");
  // Events written beyond the head, or a last event rewritten with a recomputed hash: neither
  // was done by the application, which moves the head with every append.
  if (headSeq < count) return broken(headSeq + 1, null, "link");
  if (head && head.hash !== expectedPrev) return broken(count, null, "link");
  return { ok: true, organisationId, events: count, lastHash: expectedPrev };
}
