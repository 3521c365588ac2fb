import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
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
 * serialised by a transaction-scoped advisory lock keyed by the organisation.
 */
export async function appendAudit(tx: DbOrTx, input: AuditInput): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${"audit:" + input.organisationId}, 0))`,
  );
  const [last] = await tx
    .select({ seq: auditEvent.seq, hash: auditEvent.hash })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, input.organisationId))
    .orderBy(desc(auditEvent.seq))
    .limit(1);
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
  await tx.insert(auditEvent).values({ ...row, hash: hashAuditEvent(row) });
}
