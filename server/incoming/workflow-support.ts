import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { assignment } from "@/db/schema/handling";
import { documentParticipant } from "@/db/schema/participants";
import { unit } from "@/db/schema/org";
import { appUser, userRole } from "@/db/schema/users";
import type { Role } from "@/lib/permissions";
import type { Actor } from "../authz/actor";
import { AppError, fieldError } from "../errors";
import type { DocumentRow } from "./visibility";

export type AssignmentRow = typeof assignment.$inferSelect;
export type { IncomingStatus } from "@/lib/schemas/search";

export type ActionContext = {
  tx: Tx;
  actor: Actor;
  doc: DocumentRow;
  /** Today in Vietnam, `yyyy-MM-dd`. */
  today: string;
};

export const isOpen = (a: AssignmentRow) => a.status === "pending" || a.status === "in_progress";

export const isUnitHeadOf = (actor: Actor, unitId: string | null) =>
  Boolean(unitId) && actor.unitId === unitId && actor.roles.includes("unit_head");

/** The person who answers for an assignment: its assignee, or for a unit the unit's head. */
export const handles = (actor: Actor, a: AssignmentRow) =>
  a.userId === actor.userId || (a.unitId !== null && isUnitHeadOf(actor, a.unitId));

export async function loadAssignments(tx: Tx, documentId: string): Promise<AssignmentRow[]> {
  return tx.select().from(assignment).where(eq(assignment.documentId, documentId));
}

export function findAssignment(
  list: AssignmentRow[],
  id: string,
  field = "assignmentId",
): AssignmentRow {
  const found = list.find((a) => a.id === id);
  if (!found) throw fieldError({ [field]: "incoming.assignmentNotFound" });
  return found;
}

/** Active members of the organisation, with their roles, by id. */
export async function loadMembers(tx: Tx, organisationId: string, userIds: string[]) {
  if (userIds.length === 0)
    return new Map<
      string,
      { id: string; fullName: string; unitId: string | null; roles: Role[] }
    >();
  const users = await tx
    .select({ id: appUser.id, fullName: appUser.fullName, unitId: appUser.unitId })
    .from(appUser)
    .where(
      and(
        eq(appUser.organisationId, organisationId),
        eq(appUser.active, true),
        inArray(appUser.id, userIds),
      ),
    );
  const roles = await tx
    .select({ userId: userRole.userId, role: userRole.role })
    .from(userRole)
    .where(and(eq(userRole.organisationId, organisationId), inArray(userRole.userId, userIds)));
  return new Map(
    users.map((u) => [
      u.id,
      { ...u, roles: roles.filter((r) => r.userId === u.id).map((r) => r.role) },
    ]),
  );
}

/** Active units of the organisation by id. */
export async function loadUnits(tx: Tx, organisationId: string, unitIds: string[]) {
  if (unitIds.length === 0) return new Map<string, { id: string; name: string }>();
  const rows = await tx
    .select({ id: unit.id, name: unit.name })
    .from(unit)
    .where(
      and(
        eq(unit.organisationId, organisationId),
        eq(unit.active, true),
        inArray(unit.id, unitIds),
      ),
    );
  return new Map(rows.map((u) => [u.id, u]));
}

/** The active heads of a unit: they receive the unit's part of a document. */
export async function unitHeads(tx: Tx, organisationId: string, unitId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: appUser.id })
    .from(appUser)
    .innerJoin(
      userRole,
      and(
        eq(userRole.userId, appUser.id),
        eq(userRole.organisationId, organisationId),
        eq(userRole.role, "unit_head"),
      ),
    )
    .where(and(eq(appUser.unitId, unitId), eq(appUser.active, true)));
  return rows.map((r) => r.id);
}

/** Who directed the document (or, before that, the leader it was presented to). */
export async function directorsOf(tx: Tx, doc: DocumentRow): Promise<string[]> {
  const rows = await tx
    .select({ userId: documentParticipant.userId })
    .from(documentParticipant)
    .where(
      and(
        eq(documentParticipant.documentId, doc.id),
        inArray(documentParticipant.kind, ["director", "presented"]),
      ),
    );
  const ids = rows.map((r) => r.userId);
  return ids.length ? [...new Set(ids)] : doc.presentedToId ? [doc.presentedToId] : [];
}

/** The clerks of the organisation: they take back returned documents. */
export async function clerksOf(tx: Tx, organisationId: string): Promise<string[]> {
  return (await clerksOfMany(tx, [organisationId])).get(organisationId) ?? [];
}

/** The clerks of several organisations in one query, by organisation. */
export async function clerksOfMany(
  tx: Tx,
  organisationIds: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (organisationIds.length === 0) return out;
  const rows = await tx
    .select({ id: appUser.id, organisationId: appUser.organisationId })
    .from(appUser)
    .innerJoin(
      userRole,
      and(
        eq(userRole.userId, appUser.id),
        eq(userRole.organisationId, appUser.organisationId),
        eq(userRole.role, "clerk"),
      ),
    )
    .where(and(inArray(appUser.organisationId, organisationIds), eq(appUser.active, true)));
  for (const row of rows)
    out.set(row.organisationId, [...(out.get(row.organisationId) ?? []), row.id]);
  return out;
}

export function assertDeadline(deadline: string | null | undefined, today: string, field: string) {
  if (deadline && deadline < today) throw fieldError({ [field]: "incoming.deadlineInPast" });
}

export const refuse = (key: string, params: Record<string, string | number> = {}) =>
  new AppError("CONFLICT", key, params);
