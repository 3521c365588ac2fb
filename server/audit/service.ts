import { and, asc, desc, eq, gte, isNotNull, like, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { organisation } from "@/db/schema/org";
import { isAuditActionGroup } from "@/lib/audit-actions";
import { addDays, vietnamDayStart } from "@/lib/dates";
import type { AuditListInput } from "@/lib/schemas/audit";
import { assertCan, isDeploymentAdmin, targetOrganisation, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { lookUpRecords, recordKey, unitIdsIn } from "./records";
import { verifyAuditChain, type ChainReport } from "./verify";
import { compareVietnamese } from "@/lib/collate";

/**
 * The newest events of one organisation's chain first, narrowed by the filters, paged by
 * sequence number. Each comes with its record as it is now; a withheld document's events keep
 * only who did what kind of thing, and when.
 */
export async function listAuditEvents(db: Db, actor: Actor, input: AuditListInput) {
  assertCan(actor, "audit.read");
  const orgId = targetOrganisation(actor, input.organisationId);
  const rows = await db
    .select({
      id: auditEvent.id,
      seq: auditEvent.seq,
      actorId: auditEvent.actorId,
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
        ...filterConditions(input),
        input.cursor ? lt(auditEvent.seq, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditEvent.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const { records, withheld, unitNames } = await lookUpRecords(db, actor, page);
  return {
    items: page.map((e) => {
      if (e.entityType === "document" && withheld.has(e.entityId)) {
        return { ...e, data: {}, record: null, unitNames: {}, redacted: true };
      }
      const named = unitIdsIn(e).flatMap((id) => {
        const name = unitNames.get(id);
        return name ? [[id, name] as const] : [];
      });
      return {
        ...e,
        record: records.get(recordKey(e.entityType, e.entityId)) ?? null,
        unitNames: Object.fromEntries(named),
        redacted: false,
      };
    }),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

/**
 * Each filter as a condition on the organisation's events. None of them looks into an event's
 * data, so a filter cannot find out what a withheld event says.
 */
function filterConditions(input: AuditListInput): (SQL | undefined)[] {
  const { action } = input;
  let byAction: SQL | undefined;
  if (action) {
    byAction = isAuditActionGroup(action)
      ? like(auditEvent.action, `${action}.%`)
      : eq(auditEvent.action, action);
  }
  return [
    input.actorId ? eq(auditEvent.actorId, input.actorId) : undefined,
    byAction,
    input.entityType ? eq(auditEvent.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditEvent.entityId, input.entityId) : undefined,
    input.from ? gte(auditEvent.createdAt, vietnamDayStart(input.from)) : undefined,
    input.to ? lt(auditEvent.createdAt, vietnamDayStart(addDays(input.to, 1))) : undefined,
  ];
}

/** The people who appear in the organisation's log, by the name they last acted under, for the filter by person. */
export async function listAuditActors(db: Db, actor: Actor, input: { organisationId?: string }) {
  assertCan(actor, "audit.read");
  const orgId = targetOrganisation(actor, input.organisationId);
  const rows = await db
    .selectDistinctOn([auditEvent.actorId], { id: auditEvent.actorId, name: auditEvent.actorName })
    .from(auditEvent)
    .where(and(eq(auditEvent.organisationId, orgId), isNotNull(auditEvent.actorId)))
    .orderBy(asc(auditEvent.actorId), desc(auditEvent.seq));
  return rows
    .flatMap((r) => (r.id ? [{ id: r.id, name: r.name ?? r.id }] : []))
    .sort((a, b) => compareVietnamese(a.name, b.name));
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
