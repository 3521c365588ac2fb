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
  // One bell per sheet, naming its first entry in the sheet's own words.
  const sheets = new Map<string, (typeof entries)[number]>();
  for (const e of entries) if (!sheets.has(e.sheetId)) sheets.set(e.sheetId, e);
  // A series runs over many weeks: the drafters of each kind of sheet are read once.
  const draftersOf = new Map<string | null, string[]>();
  for (const s of sheets.values()) {
    let drafters = draftersOf.get(s.unitId);
    if (!drafters) {
      drafters = s.unitId
        ? await unitHeads(tx, input.organisationId, s.unitId)
        : await clerksOf(tx, input.organisationId);
      draftersOf.set(s.unitId, drafters);
    }
    await notifyUsers(tx, {
      organisationId: input.organisationId,
      userIds: drafters.filter((id) => id !== input.actorId),
      kind: "schedule",
      messageKey: input.cancelled ? "scheduleSourceCancelled" : "scheduleSourceMoved",
      params: {
        week: String(s.week),
        year: String(s.year),
        content: s.content.slice(0, 200),
        href: scheduleHref({ year: s.year, week: s.week }, s.unitId),
      },
    });
  }
}
