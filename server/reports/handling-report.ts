// The leader's report: how the documents registered in a period are being handled, per lead
// unit, counted in one aggregate query.
import { and, eq, gte, isNotNull, lte, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { vietnamToday } from "@/lib/dates";
import type { HandlingReportInput } from "@/lib/schemas/reports";
import { assertCan, type Actor } from "../authz/actor";
import { visibleTo } from "../incoming/visibility";
import { leadAssignment, progressOf } from "./progress";
import { compareVietnamese } from "@/lib/collate";

/** A lead unit; everything led by a person (leaders, individuals); or not yet directed. */
export type HandlingGroup = "unit" | "individuals" | "unassigned";

export type HandlingCounts = {
  total: number;
  notDirected: number;
  inProgressOnTime: number;
  inProgressOverdue: number;
  completedOnTime: number;
  completedLate: number;
};

export type HandlingReportRow = HandlingCounts & {
  group: HandlingGroup;
  unitId: string | null;
  unitName: string | null;
};

export type HandlingReport = {
  from: string;
  to: string;
  /** The day "overdue" is measured against, in Vietnam. */
  asOf: string;
  rows: HandlingReportRow[];
  totals: HandlingCounts;
};

const countKeys = [
  "total",
  "notDirected",
  "inProgressOnTime",
  "inProgressOverdue",
  "completedOnTime",
  "completedLate",
] as const satisfies readonly (keyof HandlingCounts)[];

const groupOrder: Record<HandlingGroup, number> = { unit: 0, individuals: 1, unassigned: 2 };

/**
 * Counts the documents registered (arrived) in [from, to] that the actor may see, by lead and
 * by where they stand today. Documents returned to their sender were never handled here and
 * are left out.
 */
export async function handlingReport(
  db: DbOrTx,
  actor: Actor,
  input: HandlingReportInput,
): Promise<HandlingReport> {
  assertCan(actor, "incoming.report");
  const asOf = vietnamToday();
  const lead = leadAssignment(db);
  const perDocument = db
    .select({
      unitId: sql<string | null>`${lead.unitId}`.as("unit_id"),
      unitName: sql<string | null>`${lead.unitName}`.as("unit_name"),
      group: sql<HandlingGroup>`case
        when ${lead.unitId} is not null then 'unit'
        when ${lead.userId} is not null then 'individuals'
        else 'unassigned' end`.as("grp"),
      progress: progressOf(lead, asOf).as("progress"),
    })
    .from(document)
    .leftJoinLateral(lead, sql`true`)
    .where(
      and(
        visibleTo(actor),
        eq(document.direction, "incoming"),
        isNotNull(document.registryNumber),
        ne(document.status, "returned_to_sender"),
        gte(document.arrivalDate, input.from),
        lte(document.arrivalDate, input.to),
      ),
    )
    .as("per_document");
  const counted = (progress: string) =>
    sql<number>`(count(*) filter (where ${perDocument.progress} = ${progress}))::int`;
  const rows = await db
    .select({
      group: perDocument.group,
      unitId: perDocument.unitId,
      unitName: perDocument.unitName,
      total: sql<number>`count(*)::int`,
      notDirected: counted("not_directed"),
      inProgressOnTime: counted("in_progress"),
      inProgressOverdue: counted("overdue"),
      completedOnTime: counted("completed_on_time"),
      completedLate: counted("completed_late"),
    })
    .from(perDocument)
    .groupBy(perDocument.group, perDocument.unitId, perDocument.unitName);

  rows.sort(
    (a, b) =>
      groupOrder[a.group] - groupOrder[b.group] ||
      compareVietnamese(a.unitName ?? "", b.unitName ?? ""),
  );
  const totals = Object.fromEntries(countKeys.map((k) => [k, 0])) as HandlingCounts;
  for (const row of rows) for (const k of countKeys) totals[k] += row[k];
  return { from: input.from, to: input.to, asOf, rows, totals };
}
