// Route templates: the roads an organisation's drafts usually take ("Công văn thông thường"),
// kept by its admin and clerks, offered to whoever drafts. A template's steps follow the rules
// of a route (route-rules.ts), except that a step may leave its people to a role or to the
// drafter (lib/outgoing.ts, routeMemberRoles).
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { routeTemplate } from "@/db/schema/outgoing";
import { appUser } from "@/db/schema/users";
import { memberRolesByKind, type RouteTemplateStep } from "@/lib/outgoing";
import type {
  CreateRouteTemplateInput,
  DeactivateRouteTemplateInput,
  UpdateRouteTemplateInput,
} from "@/lib/schemas/route-templates";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { fieldError, notFound, stale } from "../errors";
import { loadMembers } from "../incoming/workflow-support";
import { uniqueNameGuard } from "../org/unique-violation";
import { routeErrors } from "./route-rules";

/** Someone a template names, as they are now (a person who left stays named, marked inactive). */
export type TemplatePerson = { id: string; fullName: string; jobTitle: string; active: boolean };

export type RouteTemplateRow = {
  id: string;
  name: string;
  steps: RouteTemplateStep[];
  version: number;
  updatedAt: Date;
  people: TemplatePerson[];
};

const NAME_UQ = "route_template_org_name_active_uq";

const columns = {
  id: routeTemplate.id,
  name: routeTemplate.name,
  steps: routeTemplate.steps,
  active: routeTemplate.active,
  version: routeTemplate.version,
  updatedAt: routeTemplate.updatedAt,
};
type TemplateCore = Omit<RouteTemplateRow, "people"> & { active: boolean };

/**
 * The organisation's templates in use, by name: for its managers (`managing`, the admin page)
 * and for whoever drafts (`drafting`, the route builder).
 */
export async function listRouteTemplates(
  db: DbOrTx,
  actor: Actor,
  purpose: "managing" | "drafting",
): Promise<RouteTemplateRow[]> {
  assertCan(actor, purpose === "managing" ? "outgoing.routeTemplates" : "outgoing.draft");
  const rows = await db
    .select(columns)
    .from(routeTemplate)
    .where(
      and(eq(routeTemplate.organisationId, actor.organisationId), eq(routeTemplate.active, true)),
    )
    .orderBy(asc(sql`lower(${routeTemplate.name})`), asc(routeTemplate.id));
  return withPeople(db, actor.organisationId, rows);
}

export async function createRouteTemplate(
  db: Db,
  actor: Actor,
  input: CreateRouteTemplateInput,
): Promise<RouteTemplateRow> {
  assertCan(actor, "outgoing.routeTemplates");
  const organisationId = actor.organisationId;
  return uniqueNameGuard(NAME_UQ, "routeTemplates.nameTaken", () =>
    db.transaction(async (tx) => {
      await checkTemplate(tx, organisationId, input, null);
      const [row] = await tx
        .insert(routeTemplate)
        .values({
          organisationId,
          name: input.name,
          steps: input.steps,
          createdById: actor.userId,
        })
        .returning(columns);
      await appendAudit(tx, {
        organisationId,
        actor,
        action: "routeTemplate.created",
        entityType: "routeTemplate",
        entityId: row!.id,
        data: { name: input.name, steps: input.steps.map((s) => s.kind) },
      });
      return (await withPeople(tx, organisationId, [row!]))[0]!;
    }),
  );
}

export async function updateRouteTemplate(
  db: Db,
  actor: Actor,
  input: UpdateRouteTemplateInput,
): Promise<RouteTemplateRow> {
  assertCan(actor, "outgoing.routeTemplates");
  const organisationId = actor.organisationId;
  return uniqueNameGuard(NAME_UQ, "routeTemplates.nameTaken", () =>
    db.transaction(async (tx) => {
      const current = await lockTemplate(tx, organisationId, input.id, input.version);
      const renamed = current.name !== input.name;
      const restepped = stepsKey(current.steps) !== stepsKey(input.steps);
      if (!renamed && !restepped) return (await withPeople(tx, organisationId, [current]))[0]!;
      await checkTemplate(tx, organisationId, input, current.id);
      const [row] = await tx
        .update(routeTemplate)
        .set({
          name: input.name,
          steps: input.steps,
          version: sql`${routeTemplate.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(routeTemplate.id, current.id), eq(routeTemplate.version, input.version)))
        .returning(columns);
      await appendAudit(tx, {
        organisationId,
        actor,
        action: "routeTemplate.updated",
        entityType: "routeTemplate",
        entityId: current.id,
        data: {
          ...(renamed ? { changes: { name: { from: current.name, to: input.name } } } : {}),
          ...(restepped ? { steps: input.steps.map((s) => s.kind) } : {}),
        },
      });
      return (await withPeople(tx, organisationId, [row!]))[0]!;
    }),
  );
}

/** Takes a template out of use: drafts no longer offer it, and its name is free again. */
export async function deactivateRouteTemplate(
  db: Db,
  actor: Actor,
  input: DeactivateRouteTemplateInput,
): Promise<{ id: string; name: string }> {
  assertCan(actor, "outgoing.routeTemplates");
  const organisationId = actor.organisationId;
  return db.transaction(async (tx) => {
    const current = await lockTemplate(tx, organisationId, input.id, input.version);
    await tx
      .update(routeTemplate)
      .set({ active: false, version: sql`${routeTemplate.version} + 1`, updatedAt: new Date() })
      .where(eq(routeTemplate.id, current.id));
    await appendAudit(tx, {
      organisationId,
      actor,
      action: "routeTemplate.deactivated",
      entityType: "routeTemplate",
      entityId: current.id,
      data: { name: current.name },
    });
    return { id: current.id, name: current.name };
  });
}

/**
 * A name no other template in use has, and steps that make a route: the people named active
 * members who may stand at their step, each role one that fits its step, the signature last.
 */
async function checkTemplate(
  tx: Tx,
  organisationId: string,
  input: CreateRouteTemplateInput,
  exceptId: string | null,
): Promise<void> {
  const ids = [...new Set(input.steps.flatMap((s) => s.userIds))];
  const members = await loadMembers(tx, organisationId, ids);
  const errors = routeErrors(input.steps, members);
  input.steps.forEach((s, i) => {
    if (s.role && !memberRolesByKind[s.kind].includes(s.role))
      errors[`steps.${i}.role`] = "routeTemplates.roleNotForKind";
  });
  if (await nameTaken(tx, organisationId, input.name, exceptId)) {
    errors.name = "routeTemplates.nameTaken";
  }
  if (Object.keys(errors).length > 0) throw fieldError(errors);
}

async function nameTaken(
  tx: Tx,
  organisationId: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  const [clash] = await tx
    .select({ id: routeTemplate.id })
    .from(routeTemplate)
    .where(
      and(
        eq(routeTemplate.organisationId, organisationId),
        eq(routeTemplate.active, true),
        sql`lower(${routeTemplate.name}) = lower(${name})`,
        exceptId ? ne(routeTemplate.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return clash !== undefined;
}

/**
 * The template in use, locked for the rest of the transaction. An id is a claim: another
 * organisation's template, or one taken out of use, is simply not found.
 */
async function lockTemplate(
  tx: Tx,
  organisationId: string,
  id: string,
  version: number,
): Promise<TemplateCore> {
  const [row] = await tx
    .select(columns)
    .from(routeTemplate)
    .where(and(eq(routeTemplate.id, id), eq(routeTemplate.organisationId, organisationId)))
    .for("update");
  if (!row) throw notFound("routeTemplate");
  if (row.version !== version) throw stale();
  if (!row.active) throw notFound("routeTemplate");
  return row;
}

/** The templates with the people their steps name, so a list can say who without the directory. */
async function withPeople(
  db: DbOrTx,
  organisationId: string,
  rows: TemplateCore[],
): Promise<RouteTemplateRow[]> {
  const ids = [...new Set(rows.flatMap((r) => r.steps.flatMap((s) => s.userIds)))];
  const people =
    ids.length === 0
      ? []
      : await db
          .select({
            id: appUser.id,
            fullName: appUser.fullName,
            jobTitle: appUser.jobTitle,
            active: appUser.active,
          })
          .from(appUser)
          .where(and(eq(appUser.organisationId, organisationId), inArray(appUser.id, ids)));
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    steps: r.steps,
    version: r.version,
    updatedAt: r.updatedAt,
    people: [...new Set(r.steps.flatMap((s) => s.userIds))].flatMap((id) => {
      const p = byId.get(id);
      return p ? [p] : [];
    }),
  }));
}

/** Steps compared by value: jsonb gives back an object's keys in an order of its own. */
const stepsKey = (steps: RouteTemplateStep[]) =>
  JSON.stringify(steps.map((s) => [s.kind, s.rule, s.userIds, s.role]));
