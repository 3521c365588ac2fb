// Reading a week's schedule and opening a draft for it.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { scheduleSheet } from "@/db/schema/schedule";
import { isoWeekMonday, type IsoWeek } from "@/lib/schedule";
import type { ScheduleWeekInput } from "@/lib/schemas/schedule";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { loadOwnUnit, mayApproveSheet, mayDraftSheet, maySeeSheet, type SheetRow } from "./access";
import { sheetView, type SheetView } from "./view";
import { meetingDrift } from "./sources";

const sameSheet = (organisationId: string, unitId: string | null, w: IsoWeek) =>
  and(
    eq(scheduleSheet.organisationId, organisationId),
    unitId ? eq(scheduleSheet.unitId, unitId) : isNull(scheduleSheet.unitId),
    eq(scheduleSheet.year, w.year),
    eq(scheduleSheet.week, w.week),
  );

export async function findSheet(
  db: DbOrTx,
  organisationId: string,
  unitId: string | null,
  w: IsoWeek,
): Promise<SheetRow | null> {
  const [row] = await db
    .select()
    .from(scheduleSheet)
    .where(sameSheet(organisationId, unitId, w));
  return row ?? null;
}

export type WeekPage = {
  year: number;
  week: number;
  weekStart: string;
  unitId: string | null;
  /** The sheets one may switch between: the leadership's, then the units'. */
  sheets: { unitId: string | null; name: string | null; status: SheetRow["status"] | null }[];
  sheet: SheetView | null;
  /** A sheet exists but is not published yet, and the reader is not one who drafts or approves it. */
  inPreparation: boolean;
  canDraft: boolean;
  canApprove: boolean;
};

/** The week of one sheet (the leadership's or a unit's) as the reader may see it. */
export async function getScheduleWeek(
  db: Db,
  actor: Actor,
  input: ScheduleWeekInput,
): Promise<WeekPage> {
  assertCan(actor, "schedule.read");
  if (input.unitId) await loadOwnUnit(db, actor, input.unitId);
  const [units, ofWeek] = await Promise.all([
    db
      .select({ id: unit.id, name: unit.name })
      .from(unit)
      .where(and(eq(unit.organisationId, actor.organisationId), eq(unit.active, true)))
      .orderBy(asc(unit.name)),
    db
      .select()
      .from(scheduleSheet)
      .where(
        and(
          eq(scheduleSheet.organisationId, actor.organisationId),
          eq(scheduleSheet.year, input.year),
          eq(scheduleSheet.week, input.week),
        ),
      ),
  ]);
  const statusOf = (unitId: string | null) => {
    const s = ofWeek.find((r) => r.unitId === unitId);
    return s && maySeeSheet(actor, s) ? s.status : null;
  };
  const row = ofWeek.find((r) => r.unitId === input.unitId) ?? null;
  const visible = row && maySeeSheet(actor, row) ? row : null;
  const canDraft = mayDraftSheet(actor, input.unitId);
  const sheet = visible ? await sheetView(db, visible) : null;
  // The drafter is shown the entries whose meeting has since moved or been called off.
  if (sheet && canDraft) {
    const drift = await meetingDrift(db, actor, sheet.entries);
    for (const e of sheet.entries) e.drift = drift.get(e.id) ?? null;
  }
  return {
    year: input.year,
    week: input.week,
    weekStart: isoWeekMonday(input),
    unitId: input.unitId,
    sheets: [
      { unitId: null, name: null, status: statusOf(null) },
      ...units.map((u) => ({ unitId: u.id, name: u.name, status: statusOf(u.id) })),
    ],
    sheet,
    inPreparation: row !== null && visible === null,
    canDraft,
    canApprove: mayApproveSheet(actor),
  };
}

/**
 * Opens the week's draft. Two people opening the same week at once end with one sheet: the
 * second insert meets the unique constraint and reads the first one's sheet.
 */
export async function createScheduleSheet(
  db: Db,
  actor: Actor,
  input: ScheduleWeekInput,
): Promise<{ id: string; version: number }> {
  assertCan(actor, "schedule.draft");
  if (input.unitId) {
    const u = await loadOwnUnit(db, actor, input.unitId);
    if (!u.active) throw new AppError("CONFLICT", "schedule.errors.unitInactive");
  }
  if (!mayDraftSheet(actor, input.unitId)) {
    throw new AppError("FORBIDDEN", "schedule.errors.notYourSheet");
  }
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(scheduleSheet)
      .values({
        organisationId: actor.organisationId,
        unitId: input.unitId,
        year: input.year,
        week: input.week,
        weekStart: isoWeekMonday(input),
        createdById: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: scheduleSheet.id, version: scheduleSheet.version });
    if (created) {
      await appendAudit(tx, {
        organisationId: actor.organisationId,
        actor,
        action: "schedule.created",
        entityType: "scheduleSheet",
        entityId: created.id,
        data: { year: input.year, week: input.week, unitId: input.unitId },
      });
      return created;
    }
    const existing = await findSheet(tx, actor.organisationId, input.unitId, input);
    return { id: existing!.id, version: existing!.version };
  });
}
