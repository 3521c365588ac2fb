// Adding, editing and removing a sheet's entries. While a sheet is a draft its entries change
// freely; once published each change is kept, shown marked on the sheet, and told to the people
// the entry concerns. A submitted sheet waits for the leader and does not change.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { scheduleEntry } from "@/db/schema/schedule";
import { addDays, daysBetween } from "@/lib/dates";
import { sessionOfTime, shiftWeek } from "@/lib/schedule";
import { dayMonthYear } from "@/lib/schedule-layout";
import type {
  AddScheduleEntryInput,
  CopyPreviousWeekInput,
  RemoveScheduleEntryInput,
  ScheduleEntryInput,
  UpdateScheduleEntryInput,
} from "@/lib/schemas/schedule";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError, notFound, stale } from "../errors";
import { lockSheetForEditing, maySeeSheet, touchSheet, type SheetRow } from "./access";
import { recordEntryChange } from "./changes";
import { checkEntryReferences } from "./references";
import { sourceColumns, type SourceColumns } from "./sources";
import { findSheet } from "./sheets";

type EntryRow = typeof scheduleEntry.$inferSelect;

/** The columns an entry's input sets. */
function entryValues(input: ScheduleEntryInput) {
  return {
    day: input.day,
    session: input.session ?? sessionOfTime(input.startTime),
    startTime: input.startTime,
    endTime: input.endTime,
    content: input.content,
    chairUserId: input.chairUserId ?? null,
    chairText: input.chairText,
    participantUserIds: [...new Set(input.participantUserIds)],
    participantUnitIds: [...new Set(input.participantUnitIds)],
    participantText: input.participantText,
    location: input.location,
    preparingUnitId: input.preparingUnitId ?? null,
    preparingText: input.preparingText,
    notes: input.notes,
  };
}

function checkDayInWeek(sheet: SheetRow, day: string) {
  const offset = daysBetween(sheet.weekStart, day);
  if (offset < 0 || offset > 6) {
    throw fieldError({
      day: {
        key: "schedule.errors.dayOutsideWeek",
        params: {
          from: dayMonthYear(sheet.weekStart),
          to: dayMonthYear(addDays(sheet.weekStart, 6)),
        },
      },
    });
  }
}

async function audit(tx: Tx, actor: Actor, sheet: SheetRow, action: string, data: object) {
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actor,
    action,
    entityType: "scheduleSheet",
    entityId: sheet.id,
    data: { year: sheet.year, week: sheet.week, ...data },
  });
}

/**
 * A live entry of the sheet already made from the same invitation or meeting occurrence: the
 * sheet is locked, so this sees every committed entry and no other can be added meanwhile.
 */
async function entryOfSameSource(tx: Tx, sheetId: string, source: SourceColumns) {
  if (!source.sourceDocumentId && !source.sourceMeetingId) return null;
  const [found] = await tx
    .select({ day: scheduleEntry.day, startTime: scheduleEntry.startTime })
    .from(scheduleEntry)
    .where(
      and(
        eq(scheduleEntry.sheetId, sheetId),
        isNull(scheduleEntry.cancelledAt),
        source.sourceDocumentId
          ? eq(scheduleEntry.sourceDocumentId, source.sourceDocumentId)
          : and(
              eq(scheduleEntry.sourceMeetingId, source.sourceMeetingId!),
              eq(scheduleEntry.sourceOccurrence, source.sourceOccurrence!),
            ),
      ),
    );
  return found ?? null;
}

export async function addScheduleEntry(db: Db, actor: Actor, input: AddScheduleEntryInput) {
  assertCan(actor, "schedule.draft");
  return db.transaction(async (tx) => {
    const sheet = await lockSheetForEditing(tx, actor, input.sheetId);
    if (sheet.version !== input.sheetVersion) throw stale();
    checkDayInWeek(sheet, input.day);
    await checkEntryReferences(tx, actor, input);
    const source = await sourceColumns(tx, actor, input.source);
    const twin = await entryOfSameSource(tx, sheet.id, source);
    if (twin) {
      throw new AppError("CONFLICT", "schedule.errors.sourceAlreadyScheduled", {
        day: dayMonthYear(twin.day),
        time: twin.startTime.slice(0, 5),
      });
    }
    const [entry] = await tx
      .insert(scheduleEntry)
      .values({
        ...entryValues(input),
        ...source,
        sheetId: sheet.id,
        organisationId: actor.organisationId,
        createdById: actor.userId,
      })
      .returning();
    const afterPublication = sheet.status === "published";
    if (afterPublication) await recordEntryChange(tx, actor, sheet, null, entry!);
    await audit(tx, actor, sheet, "schedule.entryAdded", {
      content: entry!.content.slice(0, 200),
      day: entry!.day,
      afterPublication,
      ...(input.source ? { source: input.source.kind } : {}),
    });
    const version = await touchSheet(tx, sheet.id);
    return { id: entry!.id, sheetVersion: version };
  });
}

/** The entry and its sheet, both locked, if the actor drafts that sheet. */
async function lockEntry(tx: Tx, actor: Actor, id: string, version: number) {
  const [found] = await tx
    .select({ sheetId: scheduleEntry.sheetId })
    .from(scheduleEntry)
    .where(and(eq(scheduleEntry.id, id), eq(scheduleEntry.organisationId, actor.organisationId)));
  if (!found) throw notFound("scheduleEntry");
  const sheet = await lockSheetForEditing(tx, actor, found.sheetId);
  const [entry] = await tx
    .select()
    .from(scheduleEntry)
    .where(eq(scheduleEntry.id, id))
    .for("update");
  if (!entry) throw notFound("scheduleEntry");
  if (entry.version !== version) throw stale();
  if (entry.cancelledAt) throw new AppError("CONFLICT", "schedule.errors.entryCancelled");
  return { sheet, entry };
}

export async function updateScheduleEntry(db: Db, actor: Actor, input: UpdateScheduleEntryInput) {
  assertCan(actor, "schedule.draft");
  return db.transaction(async (tx) => {
    const { sheet, entry } = await lockEntry(tx, actor, input.id, input.version);
    checkDayInWeek(sheet, input.day);
    await checkEntryReferences(tx, actor, input);
    const [updated] = await tx
      .update(scheduleEntry)
      .set({ ...entryValues(input), version: entry.version + 1, updatedAt: new Date() })
      .where(eq(scheduleEntry.id, entry.id))
      .returning();
    const afterPublication = sheet.status === "published";
    if (afterPublication) await recordEntryChange(tx, actor, sheet, entry, updated!);
    await audit(tx, actor, sheet, "schedule.entryEdited", {
      content: updated!.content.slice(0, 200),
      day: updated!.day,
      afterPublication,
    });
    const sheetVersion = await touchSheet(tx, sheet.id);
    return { id: updated!.id, version: updated!.version, sheetVersion };
  });
}

/** A draft's entry is deleted; a published sheet's is cancelled, and stays shown struck out. */
export async function removeScheduleEntry(db: Db, actor: Actor, input: RemoveScheduleEntryInput) {
  assertCan(actor, "schedule.draft");
  return db.transaction(async (tx) => {
    const { sheet, entry } = await lockEntry(tx, actor, input.id, input.version);
    const data = { content: entry.content.slice(0, 200), day: entry.day };
    if (sheet.status === "published" || sheet.publishedAt) {
      const [cancelled] = await tx
        .update(scheduleEntry)
        .set({ cancelledAt: new Date(), version: entry.version + 1, updatedAt: new Date() })
        .where(eq(scheduleEntry.id, entry.id))
        .returning();
      await recordEntryChange(tx, actor, sheet, entry, cancelled!);
      await audit(tx, actor, sheet, "schedule.entryCancelled", data);
    } else {
      await tx.delete(scheduleEntry).where(eq(scheduleEntry.id, entry.id));
      await audit(tx, actor, sheet, "schedule.entryRemoved", data);
    }
    return { sheetVersion: await touchSheet(tx, sheet.id) };
  });
}

/**
 * Starts an empty draft with last week's entries of the same sheet (cancelled ones left out),
 * each moved seven days on; the office then edits what differs.
 */
export async function copyPreviousWeek(db: Db, actor: Actor, input: CopyPreviousWeekInput) {
  assertCan(actor, "schedule.draft");
  return db.transaction(async (tx) => {
    const sheet = await lockSheetForEditing(tx, actor, input.sheetId);
    if (sheet.version !== input.sheetVersion) throw stale();
    if (sheet.status !== "draft") throw new AppError("CONFLICT", "schedule.errors.copyNotDraft");
    const existing = await tx
      .select({ id: scheduleEntry.id })
      .from(scheduleEntry)
      .where(eq(scheduleEntry.sheetId, sheet.id))
      .limit(1);
    if (existing.length > 0) throw new AppError("CONFLICT", "schedule.errors.copyNotEmpty");
    const previous = await findSheet(
      tx,
      actor.organisationId,
      sheet.unitId,
      shiftWeek({ year: sheet.year, week: sheet.week }, -1),
    );
    const rows =
      previous && maySeeSheet(actor, previous)
        ? await tx
            .select()
            .from(scheduleEntry)
            .where(and(eq(scheduleEntry.sheetId, previous.id), isNull(scheduleEntry.cancelledAt)))
            .orderBy(asc(scheduleEntry.day), asc(scheduleEntry.startTime))
        : [];
    if (rows.length === 0) throw new AppError("CONFLICT", "schedule.errors.nothingToCopy");
    await tx.insert(scheduleEntry).values(
      rows.map((r: EntryRow) => ({
        sheetId: sheet.id,
        organisationId: actor.organisationId,
        day: addDays(r.day, 7),
        session: r.session,
        startTime: r.startTime,
        endTime: r.endTime,
        content: r.content,
        chairUserId: r.chairUserId,
        chairText: r.chairText,
        participantUserIds: r.participantUserIds,
        participantUnitIds: r.participantUnitIds,
        participantText: r.participantText,
        location: r.location,
        preparingUnitId: r.preparingUnitId,
        preparingText: r.preparingText,
        notes: r.notes,
        createdById: actor.userId,
      })),
    );
    await audit(tx, actor, sheet, "schedule.copiedPreviousWeek", { entries: rows.length });
    return { copied: rows.length, sheetVersion: await touchSheet(tx, sheet.id) };
  });
}
