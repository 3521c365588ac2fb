// The people and units an entry names must be of the actor's organisation: an id from another
// organisation, or one that does not exist, is refused on its field.
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import type { ScheduleEntryInput } from "@/lib/schemas/schedule";
import type { Actor } from "../authz/actor";
import { fieldError } from "../errors";

export async function checkEntryReferences(
  db: DbOrTx,
  actor: Actor,
  input: Pick<
    ScheduleEntryInput,
    "chairUserId" | "participantUserIds" | "participantUnitIds" | "preparingUnitId"
  >,
) {
  const userIds = [
    ...new Set([...(input.chairUserId ? [input.chairUserId] : []), ...input.participantUserIds]),
  ];
  const unitIds = [
    ...new Set([
      ...(input.preparingUnitId ? [input.preparingUnitId] : []),
      ...input.participantUnitIds,
    ]),
  ];
  const [people, units] = await Promise.all([
    userIds.length
      ? db
          .select({ id: appUser.id })
          .from(appUser)
          .where(
            and(
              eq(appUser.organisationId, actor.organisationId),
              eq(appUser.active, true),
              inArray(appUser.id, userIds),
            ),
          )
      : [],
    unitIds.length
      ? db
          .select({ id: unit.id })
          .from(unit)
          .where(
            and(
              eq(unit.organisationId, actor.organisationId),
              eq(unit.active, true),
              inArray(unit.id, unitIds),
            ),
          )
      : [],
  ]);
  const knownPeople = new Set(people.map((p) => p.id));
  const knownUnits = new Set(units.map((u) => u.id));
  const errors: Record<string, string> = {};
  if (input.chairUserId && !knownPeople.has(input.chairUserId)) {
    errors.chairUserId = "schedule.errors.unknownPerson";
  }
  if (input.participantUserIds.some((id) => !knownPeople.has(id))) {
    errors.participantUserIds = "schedule.errors.unknownPerson";
  }
  if (input.participantUnitIds.some((id) => !knownUnits.has(id))) {
    errors.participantUnitIds = "schedule.errors.unknownUnit";
  }
  if (input.preparingUnitId && !knownUnits.has(input.preparingUnitId)) {
    errors.preparingUnitId = "schedule.errors.unknownUnit";
  }
  if (Object.keys(errors).length > 0) throw fieldError(errors);
}

/** Everyone an entry concerns: its chair, the people taking part and the members of its units. */
export async function peopleConcerned(
  db: DbOrTx,
  organisationId: string,
  entries: {
    chairUserId: string | null;
    participantUserIds: string[];
    participantUnitIds: string[];
  }[],
): Promise<string[]> {
  const ids = new Set<string>();
  const unitIds = new Set<string>();
  for (const e of entries) {
    if (e.chairUserId) ids.add(e.chairUserId);
    e.participantUserIds.forEach((id) => ids.add(id));
    e.participantUnitIds.forEach((id) => unitIds.add(id));
  }
  if (unitIds.size) {
    const members = await db
      .select({ id: appUser.id })
      .from(appUser)
      .where(
        and(
          eq(appUser.organisationId, organisationId),
          eq(appUser.active, true),
          inArray(appUser.unitId, [...unitIds]),
        ),
      );
    members.forEach((m) => ids.add(m.id));
  }
  return [...ids];
}
