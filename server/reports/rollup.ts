// The parent's roll-up: how many documents its own organisation and every organisation below it
// received, issued and handled, month by month. Only counts leave: a parent sees its children's
// statistics, never their documents.
import { and, eq, gte, inArray, isNotNull, lte, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { organisation } from "@/db/schema/org";
import { vietnamToday } from "@/lib/dates";
import type { OrgLevel, OrgStatus } from "@/lib/schemas/org-tree";
import { monthsBetween, type RollupInput } from "@/lib/schemas/rollup";
import { assertCan, type Actor } from "../authz/actor";
import { leadAssignment, progressOf } from "./progress";
import { compareVietnamese } from "@/lib/collate";

export type RollupCounts = {
  /** Incoming documents registered, by arrival date (not those returned to their sender). */
  received: number;
  /** Outgoing documents numbered and issued, by the date of issue. */
  issued: number;
  /** Of those received: completed on or before their deadline (or with none). */
  completedOnTime: number;
  /** Of those received: completed after their deadline. */
  completedLate: number;
  /** Of those received: still being handled today past their deadline. */
  overdue: number;
};

export type RollupOrganisation = {
  id: string;
  code: string;
  name: string;
  level: OrgLevel;
  status: OrgStatus;
  parentId: string | null;
  mergedIntoName: string | null;
  validTo: string | null;
  /** The actor's own organisation, at the head of its subtree. */
  own: boolean;
  totals: RollupCounts;
  /** One entry per month of the report, in the order of `Rollup.months`. */
  months: RollupCounts[];
};

export type Rollup = {
  from: string;
  to: string;
  level: OrgLevel | null;
  /** The day "overdue" is measured against, in Vietnam. */
  asOf: string;
  months: string[];
  organisations: RollupOrganisation[];
  totals: RollupCounts;
  monthTotals: RollupCounts[];
};

export const rollupCountKeys = [
  "received",
  "issued",
  "completedOnTime",
  "completedLate",
  "overdue",
] as const satisfies readonly (keyof RollupCounts)[];

const levelRank: Record<OrgLevel, number> = { central: 0, province: 1, district: 2, commune: 3 };

const zero = (): RollupCounts => ({
  received: 0,
  issued: 0,
  completedOnTime: 0,
  completedLate: 0,
  overdue: 0,
});

const add = (into: RollupCounts, counts: RollupCounts) => {
  for (const k of rollupCountKeys) into[k] += counts[k];
};

const isEmpty = (counts: RollupCounts) => rollupCountKeys.every((k) => counts[k] === 0);

/** Every month from `from` to `to` (`yyyy-MM`), both included. */
export function monthList(from: string, to: string): string[] {
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7)) - 1;
  return Array.from({ length: monthsBetween(from, to) }, (_, i) => {
    const at = new Date(Date.UTC(year, month + i, 1));
    return at.toISOString().slice(0, 7);
  });
}

const lastDayOf = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);

/**
 * The actor's organisation and every one below it, whatever their status (a closed or merged
 * organisation keeps its history), as a subquery of ids. UNION rather than UNION ALL: a cycle
 * the tree should never hold would still end.
 */
const subtreeOf = (organisationId: string) => sql`(
  with recursive subtree(id) as (
    select ${organisationId}::uuid
    union
    select o.id from ${organisation} o join subtree s on o.parent_id = s.id
  )
  select id from subtree)`;

const mergedInto = alias(organisation, "merged_into");

/**
 * Counts, per organisation of the actor's subtree and per month of [from, to], the documents
 * received, issued, completed on time or late, and overdue today. Incoming documents count in
 * the month they arrived, so each month reads as "of what came in, how much is done"; "on time"
 * and "overdue" are the handling report's (progressOf). Secret documents are left out: their
 * count is for the people given them. Active organisations always have a row; closed and merged
 * ones only when they have something to show in the range.
 */
export async function rollupReport(db: DbOrTx, actor: Actor, input: RollupInput): Promise<Rollup> {
  assertCan(actor, "incoming.report");
  const asOf = vietnamToday();
  const months = monthList(input.from, input.to);
  const level = input.level ?? null;

  const orgs = await db
    .select({
      id: organisation.id,
      code: organisation.code,
      name: organisation.name,
      level: organisation.level,
      status: organisation.status,
      parentId: organisation.parentId,
      mergedIntoName: mergedInto.name,
      validTo: organisation.validTo,
    })
    .from(organisation)
    .leftJoin(mergedInto, eq(mergedInto.id, organisation.mergedIntoId))
    .where(
      and(
        sql`${organisation.id} in ${subtreeOf(actor.organisationId)}`,
        level ? eq(organisation.level, level) : undefined,
      ),
    );

  const counts = new Map<string, RollupCounts>();
  if (orgs.length > 0) {
    const lead = leadAssignment(db);
    const fromDay = `${input.from}-01`;
    const toDay = lastDayOf(input.to);
    const outgoing = sql`${document.direction} = 'outgoing'`;
    const perDocument = db
      .select({
        organisationId: sql<string>`${document.organisationId}`.as("org_id"),
        month: sql<string>`to_char(case when ${outgoing}
          then ${document.documentDate} else ${document.arrivalDate} end, 'YYYY-MM')`.as("month"),
        outgoing: sql<boolean>`${outgoing}`.as("outgoing"),
        progress: progressOf(lead, asOf).as("progress"),
      })
      .from(document)
      .leftJoinLateral(lead, sql`${document.direction} = 'incoming'`)
      .where(
        and(
          inArray(
            document.organisationId,
            orgs.map((o) => o.id),
          ),
          eq(document.confidentiality, "normal"),
          isNotNull(document.registryNumber),
          or(
            and(
              eq(document.direction, "incoming"),
              ne(document.status, "returned_to_sender"),
              gte(document.arrivalDate, fromDay),
              lte(document.arrivalDate, toDay),
            ),
            and(
              eq(document.direction, "outgoing"),
              eq(document.status, "issued"),
              gte(document.documentDate, fromDay),
              lte(document.documentDate, toDay),
            ),
          ),
        ),
      )
      .as("per_document");
    const progressCount = (progress: string) =>
      sql<number>`(count(*) filter (where not ${perDocument.outgoing}
        and ${perDocument.progress} = ${progress}))::int`;
    const rows = await db
      .select({
        organisationId: perDocument.organisationId,
        month: perDocument.month,
        received: sql<number>`(count(*) filter (where not ${perDocument.outgoing}))::int`,
        issued: sql<number>`(count(*) filter (where ${perDocument.outgoing}))::int`,
        completedOnTime: progressCount("completed_on_time"),
        completedLate: progressCount("completed_late"),
        overdue: progressCount("overdue"),
      })
      .from(perDocument)
      .groupBy(perDocument.organisationId, perDocument.month);
    for (const { organisationId, month, ...row } of rows) {
      counts.set(`${organisationId}:${month}`, row);
    }
  }

  const organisations: RollupOrganisation[] = [];
  for (const org of orgs) {
    const perMonth = months.map((m) => counts.get(`${org.id}:${m}`) ?? zero());
    const totals = zero();
    for (const c of perMonth) add(totals, c);
    const own = org.id === actor.organisationId;
    if (org.status !== "active" && !own && isEmpty(totals)) continue;
    organisations.push({ ...org, own, totals, months: perMonth });
  }
  organisations.sort(
    (a, b) =>
      levelRank[a.level] - levelRank[b.level] ||
      Number(b.own) - Number(a.own) ||
      compareVietnamese(a.name, b.name),
  );

  const totals = zero();
  const monthTotals = months.map(() => zero());
  for (const org of organisations) {
    add(totals, org.totals);
    org.months.forEach((c, i) => add(monthTotals[i]!, c));
  }
  return {
    from: input.from,
    to: input.to,
    level,
    asOf,
    months,
    organisations,
    totals,
    monthTotals,
  };
}
