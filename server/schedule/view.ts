// A sheet as the screen and the printout show it: entries in printed order, each with the names
// it is shown with and, after publication, what changed.
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { scheduleChange, scheduleEntry } from "@/db/schema/schedule";
import { appUser } from "@/db/schema/users";
import type { ScheduleChangeKind, ScheduleSession } from "@/lib/schedule";
import { shortTime } from "@/lib/schedule";
import type { SheetRow } from "./access";
import { displayEntry, loadNames, type DisplayedEntry } from "./names";
import type { SourceDrift } from "./sources";

export type EntryChange = {
  kind: ScheduleChangeKind;
  /** ISO instant of the latest change. */
  at: string;
  by: string;
  /** Per field: its value when the sheet was published (or first changed) and now. */
  fields: Record<string, { from: string | null; to: string | null }>;
};

export type EntryView = {
  id: string;
  version: number;
  day: string;
  session: ScheduleSession;
  startTime: string;
  endTime: string | null;
  content: string;
  chairUserId: string | null;
  chairText: string | null;
  participantUserIds: string[];
  participantUnitIds: string[];
  participantText: string | null;
  location: string | null;
  preparingUnitId: string | null;
  preparingText: string | null;
  notes: string | null;
  /** What the entry was made from, as a link (the page itself decides who may open it). */
  source: {
    kind: "document" | "meeting";
    /** The document's or the meeting's id. */
    id: string;
    href: string;
    /** The meeting's occurrence, by the start its series gives it. */
    occurrenceStart: string | null;
  } | null;
  /**
   * For those who draft the sheet: how the meeting the entry was made from now differs from
   * it (moved, another place, called off), null when it does not or cannot be told.
   */
  drift: SourceDrift | null;
  cancelled: boolean;
  shown: DisplayedEntry;
  change: EntryChange | null;
};

export type SheetView = {
  id: string;
  unitId: string | null;
  unitName: string | null;
  year: number;
  week: number;
  weekStart: string;
  status: SheetRow["status"];
  version: number;
  returnReason: string | null;
  submittedAt: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  entries: EntryView[];
};

/** Changes of one entry folded into one: the first value before and the last after. */
function foldChanges(
  changes: { kind: ScheduleChangeKind; fields: EntryChange["fields"]; at: Date; by: string }[],
): EntryChange | null {
  if (changes.length === 0) return null;
  const fields: EntryChange["fields"] = {};
  for (const c of changes) {
    for (const [name, v] of Object.entries(c.fields)) {
      fields[name] = { from: fields[name] ? fields[name].from : v.from, to: v.to };
    }
  }
  // A field changed back to what it was is no change.
  for (const [name, v] of Object.entries(fields)) if (v.from === v.to) delete fields[name];
  const kinds = new Set(changes.map((c) => c.kind));
  const kind = kinds.has("cancelled") ? "cancelled" : kinds.has("added") ? "added" : "edited";
  const last = changes.at(-1)!;
  if (kind === "edited" && Object.keys(fields).length === 0) return null;
  return { kind, at: last.at.toISOString(), by: last.by, fields };
}

export async function entriesOfSheet(db: DbOrTx, sheet: SheetRow): Promise<EntryView[]> {
  const [rows, changes] = await Promise.all([
    db
      .select()
      .from(scheduleEntry)
      .where(eq(scheduleEntry.sheetId, sheet.id))
      .orderBy(
        asc(scheduleEntry.day),
        asc(scheduleEntry.session),
        asc(scheduleEntry.startTime),
        asc(scheduleEntry.createdAt),
        asc(scheduleEntry.id),
      ),
    sheet.status === "published" || sheet.publishedAt
      ? db
          .select({
            entryId: scheduleChange.entryId,
            kind: scheduleChange.kind,
            fields: scheduleChange.fields,
            at: scheduleChange.changedAt,
            by: appUser.fullName,
          })
          .from(scheduleChange)
          .innerJoin(appUser, eq(appUser.id, scheduleChange.changedById))
          .where(eq(scheduleChange.sheetId, sheet.id))
          .orderBy(asc(scheduleChange.changedAt), asc(scheduleChange.id))
      : [],
  ]);
  const names = await loadNames(db, sheet.organisationId, rows);
  const byEntry = new Map<string, typeof changes>();
  for (const c of changes) byEntry.set(c.entryId, [...(byEntry.get(c.entryId) ?? []), c]);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    day: r.day,
    session: r.session,
    startTime: shortTime(r.startTime)!,
    endTime: shortTime(r.endTime),
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
    source: r.sourceDocumentId
      ? {
          kind: "document" as const,
          id: r.sourceDocumentId,
          href: `/documents/${r.sourceDocumentId}`,
          occurrenceStart: null,
        }
      : r.sourceMeetingId
        ? {
            kind: "meeting" as const,
            id: r.sourceMeetingId,
            href: `/meetings/${r.sourceMeetingId}`,
            occurrenceStart: r.sourceOccurrence?.toISOString() ?? null,
          }
        : null,
    drift: null,
    cancelled: r.cancelledAt !== null,
    shown: displayEntry(r, names),
    change: foldChanges(byEntry.get(r.id) ?? []),
  }));
}

export async function sheetView(db: DbOrTx, sheet: SheetRow): Promise<SheetView> {
  const [unitRow] = sheet.unitId
    ? await db.select({ name: unit.name }).from(unit).where(eq(unit.id, sheet.unitId))
    : [];
  const [publisher] = sheet.publishedById
    ? await db
        .select({ name: appUser.fullName })
        .from(appUser)
        .where(eq(appUser.id, sheet.publishedById))
    : [];
  return {
    id: sheet.id,
    unitId: sheet.unitId,
    unitName: unitRow?.name ?? null,
    year: sheet.year,
    week: sheet.week,
    weekStart: sheet.weekStart,
    status: sheet.status,
    version: sheet.version,
    returnReason: sheet.returnReason,
    submittedAt: sheet.submittedAt?.toISOString() ?? null,
    publishedAt: sheet.publishedAt?.toISOString() ?? null,
    publishedBy: publisher?.name ?? null,
    entries: await entriesOfSheet(db, sheet),
  };
}
