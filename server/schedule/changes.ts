// A change to a published sheet: kept field by field (as people read the values), and told to
// everyone the entry concerned before or concerns after, in the transaction of the change.
import type { Tx } from "@/db/client";
import type { scheduleEntry } from "@/db/schema/schedule";
import { scheduleChange } from "@/db/schema/schedule";
import {
  scheduleEntryFields,
  scheduleHref,
  shortTime,
  type ScheduleChangeKind,
} from "@/lib/schedule";
import type { Actor } from "../authz/actor";
import { notifyUsers } from "../notify/notify";
import type { SheetRow } from "./access";
import { displayEntry, loadNames, type DisplayedEntry } from "./names";
import { peopleConcerned } from "./references";

type EntryRow = typeof scheduleEntry.$inferSelect;

const dayText = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** What people read of a field: the day as dd/MM/yyyy, times as HH:mm, names as shown. */
function fieldText(shown: DisplayedEntry, field: (typeof scheduleEntryFields)[number]) {
  const v = field === "day" ? dayText(shown.day) : shown[field];
  return v ? String(v) : null;
}

const messageKeys: Record<ScheduleChangeKind, string> = {
  added: "scheduleEntryAdded",
  edited: "scheduleEntryChanged",
  cancelled: "scheduleEntryCancelled",
};

export async function recordEntryChange(
  tx: Tx,
  actor: Actor,
  sheet: SheetRow,
  before: EntryRow | null,
  after: EntryRow,
): Promise<void> {
  const names = await loadNames(tx, sheet.organisationId, before ? [before, after] : [after]);
  const was = before ? displayEntry(before, names) : null;
  const now = displayEntry(after, names);
  const kind: ScheduleChangeKind = !before
    ? "added"
    : after.cancelledAt && !before.cancelledAt
      ? "cancelled"
      : "edited";
  const fields: Record<string, { from: string | null; to: string | null }> = {};
  if (kind !== "cancelled") {
    for (const field of scheduleEntryFields) {
      const from = was ? fieldText(was, field) : null;
      const to = fieldText(now, field);
      if (from !== to) fields[field] = { from, to };
    }
    if (kind === "edited" && Object.keys(fields).length === 0) return;
  }
  await tx.insert(scheduleChange).values({
    sheetId: sheet.id,
    entryId: after.id,
    organisationId: sheet.organisationId,
    kind,
    fields,
    changedById: actor.userId,
  });
  const concerned = await peopleConcerned(
    tx,
    sheet.organisationId,
    before ? [before, after] : [after],
  );
  await notifyUsers(tx, {
    organisationId: sheet.organisationId,
    userIds: concerned.filter((id) => id !== actor.userId),
    kind: "schedule",
    messageKey: messageKeys[kind],
    params: {
      content: after.content.slice(0, 120),
      day: dayText(after.day),
      time: shortTime(after.startTime)!,
      href: scheduleHref({ year: sheet.year, week: sheet.week }, sheet.unitId),
    },
  });
}
