// Who may see, draft and approve a weekly work schedule. Every sheet belongs to one organisation:
// another organisation's sheet is not found, whatever its id.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { scheduleSheet } from "@/db/schema/schedule";
import { can } from "@/lib/permissions";
import type { Actor } from "../authz/actor";
import { AppError, notFound } from "../errors";

export type SheetRow = typeof scheduleSheet.$inferSelect;

/**
 * The office drafts: the organisation's clerks and admins the leadership's sheet, a unit's head
 * (or an admin) the unit's sheet.
 */
export function mayDraftSheet(actor: Actor, unitId: string | null): boolean {
  if (!can(actor.roles, "schedule.draft")) return false;
  if (actor.roles.includes("admin")) return true;
  if (unitId === null) return actor.roles.includes("clerk");
  return actor.roles.includes("unit_head") && actor.unitId === unitId;
}

export const mayApproveSheet = (actor: Actor) => can(actor.roles, "schedule.approve");

/** Published sheets are read by every member; drafts by those who draft or approve them. */
export const maySeeSheet = (actor: Actor, sheet: Pick<SheetRow, "status" | "unitId">) =>
  sheet.status === "published" || mayDraftSheet(actor, sheet.unitId) || mayApproveSheet(actor);

/** The sheet if the actor may see it, locked for this transaction when asked. */
export async function loadVisibleSheet(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SheetRow> {
  const query = tx
    .select()
    .from(scheduleSheet)
    .where(and(eq(scheduleSheet.id, id), eq(scheduleSheet.organisationId, actor.organisationId)));
  const [sheet] = options.forUpdate ? await query.for("update") : await query;
  if (!sheet || !maySeeSheet(actor, sheet)) throw notFound("scheduleSheet");
  return sheet;
}

/** The sheet locked for a change of its entries by someone who drafts it. */
export async function lockSheetForEditing(tx: DbOrTx, actor: Actor, id: string) {
  const sheet = await loadVisibleSheet(tx, actor, id, { forUpdate: true });
  if (!mayDraftSheet(actor, sheet.unitId)) {
    throw new AppError("FORBIDDEN", "schedule.errors.notYourSheet");
  }
  if (sheet.status === "submitted") {
    throw new AppError("CONFLICT", "schedule.errors.lockedSubmitted");
  }
  return sheet;
}

/** A unit of the actor's organisation (any, for reading old weeks), or NOT_FOUND. */
export async function loadOwnUnit(db: DbOrTx, actor: Actor, unitId: string) {
  const [row] = await db
    .select({ id: unit.id, name: unit.name, active: unit.active })
    .from(unit)
    .where(and(eq(unit.id, unitId), eq(unit.organisationId, actor.organisationId)));
  if (!row) throw notFound("unit");
  return row;
}

/** Raises the sheet's version: any change of its entries makes an older view of it stale. */
export async function touchSheet(tx: DbOrTx, sheetId: string) {
  const [row] = await tx
    .update(scheduleSheet)
    .set({ version: sql`${scheduleSheet.version} + 1`, updatedAt: new Date() })
    .where(eq(scheduleSheet.id, sheetId))
    .returning({ version: scheduleSheet.version });
  return row!.version;
}
