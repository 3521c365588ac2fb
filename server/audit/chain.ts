import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type ChainedFields = {
  organisationId: string;
  seq: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  createdAt: Date;
  prevHash: string;
};

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function hashAuditEvent(e: ChainedFields): string {
  const body = canonicalJson({
    organisationId: e.organisationId,
    seq: e.seq,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    data: e.data,
    createdAt: e.createdAt.toISOString(),
  });
  return createHash("sha256").update(e.prevHash).update("\n").update(body).digest("hex");
}
