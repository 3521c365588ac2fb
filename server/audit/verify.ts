import { and, asc, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { GENESIS_HASH, hashAuditEvent } from "./chain";

export type ChainReport =
  | { ok: true; organisationId: string; events: number; lastHash: string }
  | {
      ok: false;
      organisationId: string;
      events: number;
      brokenAt: { seq: number; id: number | null; reason: "hash" | "link" | "gap" };
    };

const PAGE = 2000;

/**
 * Walks one organisation's chain in order and recomputes every hash. Reports the first link
 * that does not hold: a row whose content no longer matches its hash, a row whose prev_hash
 * is not the hash of the row before, or a missing sequence number (a deleted row).
 */
export async function verifyAuditChain(db: DbOrTx, organisationId: string): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
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
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          organisationId,
          events: count,
          brokenAt: { seq: expectedSeq, id: null, reason: "gap" },
        };
      }
      if (row.prevHash !== expectedPrev) {
        return {
          ok: false,
          organisationId,
          events: count,
          brokenAt: { seq: row.seq, id: row.id, reason: "link" },
        };
      }
      if (hashAuditEvent(row) !== row.hash) {
        return {
          ok: false,
          organisationId,
          events: count,
          brokenAt: { seq: row.seq, id: row.id, reason: "hash" },
        };
      }
      expectedPrev = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < PAGE) break;
  }
  return { ok: true, organisationId, events: count, lastHash: expectedPrev };
}
