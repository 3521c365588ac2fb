// The names an entry is shown with: people and units of the organisation by id, as they are now.
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unit } from "@/db/schema/org";
import type { scheduleEntry } from "@/db/schema/schedule";
import { appUser } from "@/db/schema/users";
import { shortTime } from "@/lib/schedule";

export type Names = {
  people: Map<string, { name: string; jobTitle: string; unitId: string | null }>;
  units: Map<string, string>;
};

/** The people and units the entries name, in two queries whatever their number. */
export async function loadNames(
  db: DbOrTx,
  organisationId: string,
  entries: Pick<
    EntryFields,
    "chairUserId" | "participantUserIds" | "participantUnitIds" | "preparingUnitId"
  >[],
): Promise<Names> {
  const userIds = new Set<string>();
  const unitIds = new Set<string>();
  for (const e of entries) {
    if (e.chairUserId) userIds.add(e.chairUserId);
    e.participantUserIds.forEach((id) => userIds.add(id));
    e.participantUnitIds.forEach((id) => unitIds.add(id));
    if (e.preparingUnitId) unitIds.add(e.preparingUnitId);
  }
  const [people, units] = await Promise.all([
    userIds.size
      ? db
          .select({
            id: appUser.id,
            name: appUser.fullName,
            jobTitle: appUser.jobTitle,
            unitId: appUser.unitId,
          })
          .from(appUser)
          .where(and(eq(appUser.organisationId, organisationId), inArray(appUser.id, [...userIds])))
      : [],
    unitIds.size
      ? db
          .select({ id: unit.id, name: unit.name })
          .from(unit)
          .where(and(eq(unit.organisationId, organisationId), inArray(unit.id, [...unitIds])))
      : [],
  ]);
  return {
    people: new Map(people.map((p) => [p.id, p])),
    units: new Map(units.map((u) => [u.id, u.name])),
  };
}

export type EntryFields = Pick<
  typeof scheduleEntry.$inferSelect,
  | "day"
  | "startTime"
  | "endTime"
  | "content"
  | "chairUserId"
  | "chairText"
  | "participantUserIds"
  | "participantUnitIds"
  | "participantText"
  | "location"
  | "preparingUnitId"
  | "preparingText"
  | "notes"
>;

const personLabel = (p: { name: string; jobTitle: string } | undefined) =>
  p ? (p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name) : "";

/** An entry's fields as people read them on the sheet and in its printout. */
export function displayEntry(e: EntryFields, names: Names) {
  const chair = e.chairUserId ? personLabel(names.people.get(e.chairUserId)) : (e.chairText ?? "");
  const participants = [
    ...e.participantUserIds.map((id) => personLabel(names.people.get(id))),
    ...e.participantUnitIds.map((id) => names.units.get(id) ?? ""),
    e.participantText ?? "",
  ]
    .filter(Boolean)
    .join("; ");
  const preparing = e.preparingUnitId
    ? (names.units.get(e.preparingUnitId) ?? "")
    : (e.preparingText ?? "");
  return {
    day: e.day,
    startTime: shortTime(e.startTime)!,
    endTime: shortTime(e.endTime),
    content: e.content,
    chair,
    participants,
    location: e.location ?? "",
    preparing,
    notes: e.notes ?? "",
  };
}

export type DisplayedEntry = ReturnType<typeof displayEntry>;
