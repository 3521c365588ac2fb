import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { document } from "@/db/schema/documents";
import { isUuid } from "@/lib/schemas/fields";
import { organisation } from "@/db/schema/org";
import { assertCan, isDeploymentAdmin, targetOrganisation, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { withheldFrom } from "../incoming/visibility";
import { verifyAuditChain, type ChainReport } from "./verify";

/** The newest events of one organisation's chain first, paged by sequence number. */
export async function listAuditEvents(
  db: Db,
  actor: Actor,
  input: { organisationId?: string; cursor?: number | null; limit: number },
) {
  assertCan(actor, "audit.read");
  const orgId = targetOrganisation(actor, input.organisationId);
  const rows = await db
    .select({
      id: auditEvent.id,
      seq: auditEvent.seq,
      actorName: auditEvent.actorName,
      action: auditEvent.action,
      entityType: auditEvent.entityType,
      entityId: auditEvent.entityId,
      data: auditEvent.data,
      createdAt: auditEvent.createdAt,
    })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.organisationId, orgId),
        input.cursor ? lt(auditEvent.seq, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditEvent.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const hidden = await restrictedDocuments(
    db,
    actor,
    page.filter((e) => e.entityType === "document").map((e) => e.entityId),
  );
  return {
    items: page.map((e) =>
      hidden.has(e.entityId) && e.entityType === "document"
        ? { ...e, data: {}, redacted: true }
        : { ...e, redacted: false },
    ),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

/**
 * Of these documents, the secret and restricted ones the actor is not on. Their events show
 * that something happened, by whom and when, but not what (the clerk's note, the file's hash,
 * the people it went to): an admin reading the log, or a deployment admin reading another
 * organisation's, sees no more of a secret document than anyone else who is not given it.
 */
async function restrictedDocuments(db: Db, actor: Actor, ids: string[]): Promise<Set<string>> {
  const uuids = [...new Set(ids)].filter(isUuid);
  if (uuids.length === 0) return new Set();
  const rows = await db
    .select({ id: document.id })
    .from(document)
    .where(and(inArray(document.id, uuids), withheldFrom(actor)));
  return new Set(rows.map((r) => r.id));
}

export async function verifyOrganisationChain(
  db: Db,
  actor: Actor,
  input: { organisationId?: string },
): Promise<ChainReport> {
  assertCan(actor, "audit.read");
  return verifyAuditChain(db, targetOrganisation(actor, input.organisationId));
}

/** Every organisation's chain, for the deployment admin. */
export async function verifyAllChains(db: Db, actor: Actor) {
  assertCan(actor, "audit.read");
  if (!isDeploymentAdmin(actor))
    throw new AppError("FORBIDDEN", "errors.forbidden", { action: "orgTree.manage" });
  const orgs = await db
    .select({ id: organisation.id, code: organisation.code, name: organisation.name })
    .from(organisation)
    .orderBy(asc(organisation.code));
  const results = [];
  for (const org of orgs) results.push({ ...org, report: await verifyAuditChain(db, org.id) });
  return results;
}
