import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditChainHead, auditEvent } from "@/db/schema/audit";
import { GENESIS_HASH, hashAuditEvent } from "./chain";

export type AuditInput = {
  organisationId: string;
  actor: { userId: string; fullName: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
};

/**
 * Appends one event to the organisation's chain. Call it inside the transaction that makes the
 * change, so the change and its record commit or fail together. Appends to one chain are
 * serialised by a transaction-scoped advisory lock keyed by the organisation; the chain's head
 * moves forward in the same transaction.
 */
export async function appendAudit(tx: DbOrTx, input: AuditInput): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${"audit:" + input.organisationId}, 0))`,
  );
  const [last] = await tx
    .select({ seq: auditChainHead.seq, hash: auditChainHead.hash })
    .from(auditChainHead)
    .where(eq(auditChainHead.organisationId, input.organisationId));
  // JSON round trip: what is hashed is exactly what jsonb will give back.
  const data = JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>;
  const row = {
    organisationId: input.organisationId,
    seq: (last?.seq ?? 0) + 1,
    actorId: input.actor?.userId ?? null,
    actorName: input.actor?.fullName ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    data,
    createdAt: new Date(),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditEvent(row);
  await tx.insert(auditEvent).values({ ...row, hash });
  await tx
    .insert(auditChainHead)
    .values({ organisationId: input.organisationId, seq: row.seq, hash })
    .onConflictDoUpdate({
      target: auditChainHead.organisationId,
      set: { seq: row.seq, hash, updatedAt: new Date() },
    });
}
