// When a meeting moves or is called off, the people who draft each weekly schedule holding an
// entry made from it are told, with a link to that week: the sheet shows them what changed
// (`meetingDrift`) and offers to bring the entry in line. Sheets of weeks gone by are left alone.
import { and, asc, eq, gte, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { scheduleEntry, scheduleSheet } from "@/db/schema/schedule";
import { vietnamToday } from "@/lib/dates";
import { scheduleHref } from "@/lib/schedule";
import { clerksOf, unitHeads } from "../incoming/workflow-support";
import { notifyUsers } from "../notify/notify";

export async function notifyScheduleDrafters(
  tx: Tx,
  input: {
    organisationId: string;
    actorId: string;
    meetingId: string;
    /** One occurrence (by the start its series gives it), or null for the whole meeting. */
    occurrence: Date | null;
    cancelled: boolean;
  },
): Promise<void> {
  const entries = await tx
    .select({
      content: scheduleEntry.content,
      sheetId: scheduleSheet.id,
      year: scheduleSheet.year,
      week: scheduleSheet.week,
      unitId: scheduleSheet.unitId,
    })
    .from(scheduleEntry)
    .innerJoin(scheduleSheet, eq(scheduleSheet.id, scheduleEntry.sheetId))
    .where(
      and(
        eq(scheduleEntry.sourceMeetingId, input.meetingId),
        eq(scheduleSheet.organisationId, input.organisationId),
        isNull(scheduleEntry.cancelledAt),
        gte(scheduleEntry.day, vietnamToday()),
        input.occurrence ? eq(scheduleEntry.sourceOccurrence, input.occurrence) : undefined,
      ),
    )
    .orderBy(asc(scheduleEntry.day), asc(scheduleEntry.startTime));
  // One bell per kind of sheet (the leadership's, a unit's), whatever the number of weeks a
  // series spans: it links the first week and counts the later ones, and names that week's first
  // entry in the sheet's own words.
  const byKind = new Map<string | null, { first: (typeof entries)[number]; sheets: Set<string> }>();
  for (const e of entries) {
    const kind = byKind.get(e.unitId);
    if (kind) kind.sheets.add(e.sheetId);
    else byKind.set(e.unitId, { first: e, sheets: new Set([e.sheetId]) });
  }
  for (const [unitId, { first, sheets }] of byKind) {
    const drafters = unitId
      ? await unitHeads(tx, input.organisationId, unitId)
      : await clerksOf(tx, input.organisationId);
    const more = sheets.size - 1;
    const key = input.cancelled ? "scheduleSourceCancelled" : "scheduleSourceMoved";
    await notifyUsers(tx, {
      organisationId: input.organisationId,
      userIds: drafters.filter((id) => id !== input.actorId),
      kind: "schedule",
      messageKey: more > 0 ? `${key}Weeks` : key,
      params: {
        week: String(first.week),
        year: String(first.year),
        ...(more > 0 ? { more: String(more) } : {}),
        content: first.content.slice(0, 200),
        href: scheduleHref({ year: first.year, week: first.week }, unitId),
      },
    });
  }
}
