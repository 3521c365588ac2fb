import { eq, inArray, sql } from "drizzle-orm";
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
  await appendAuditMany(tx, [input]);
}

/**
 * Appends events to several chains at once (a document arriving at a hundred organisations), in
 * four statements whatever their number: the chains' locks taken in one order, their heads read
 * together, the events and the new heads written in one insert each.
 */
export async function appendAuditMany(tx: DbOrTx, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const organisations = [...new Set(inputs.map((i) => i.organisationId))].sort();
  const keys = organisations.map((id) => "audit:" + id);
  if (keys.length === 1) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${keys[0]}, 0))`);
  } else {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(k, 0))
          from (select unnest(array[${sql.join(
            keys.map((k) => sql`${k}`),
            sql`, `,
          )}]::text[]) as k order by 1) as ordered`,
    );
  }
  const heads = await tx
    .select({
      organisationId: auditChainHead.organisationId,
      seq: auditChainHead.seq,
      hash: auditChainHead.hash,
    })
    .from(auditChainHead)
    .where(
      organisations.length === 1
        ? eq(auditChainHead.organisationId, organisations[0]!)
        : inArray(auditChainHead.organisationId, organisations),
    );
  const head = new Map(heads.map((h) => [h.organisationId, { seq: h.seq, hash: h.hash }]));
  const rows: (typeof auditEvent.$inferInsert & { hash: string })[] = [];
  for (const input of inputs) {
    const last = head.get(input.organisationId);
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
    rows.push({ ...row, hash });
    head.set(input.organisationId, { seq: row.seq, hash });
  }
  await tx.insert(auditEvent).values(rows);
  await tx
    .insert(auditChainHead)
    .values(
      organisations.map((organisationId) => ({
        organisationId,
        seq: head.get(organisationId)!.seq,
        hash: head.get(organisationId)!.hash,
      })),
    )
    .onConflictDoUpdate({
      target: auditChainHead.organisationId,
      set: {
        seq: sql`excluded.seq`,
        hash: sql`excluded.hash`,
        updatedAt: new Date(),
      },
    });
}
