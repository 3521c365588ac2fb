import { and, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unit } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import type { NoticeAudienceInput } from "@/lib/schemas/notices";
import type { Actor } from "../authz/actor";
import { fieldError } from "../errors";

/**
 * Checks that every unit and person named is an active one of the actor's organisation. A unit
 * or a person of another organisation is refused as an unknown one: the office learns nothing of
 * other organisations.
 */
export async function checkAudience(
  db: DbOrTx,
  actor: Actor,
  audience: NoticeAudienceInput,
): Promise<void> {
  if (audience.kind === "units") {
    const ids = [...new Set(audience.unitIds)];
    const found = await db
      .select({ id: unit.id })
      .from(unit)
      .where(
        and(
          inArray(unit.id, ids),
          eq(unit.organisationId, actor.organisationId),
          eq(unit.active, true),
        ),
      );
    if (found.length !== ids.length) throw fieldError({ audience: "notices.unknownUnit" });
  }
  if (audience.kind === "people") {
    const ids = [...new Set(audience.userIds)];
    const found = await db
      .select({ id: appUser.id })
      .from(appUser)
      .where(
        and(
          inArray(appUser.id, ids),
          eq(appUser.organisationId, actor.organisationId),
          eq(appUser.active, true),
        ),
      );
    if (found.length !== ids.length) throw fieldError({ audience: "notices.unknownPerson" });
  }
}

/**
 * The people a notice reaches at this moment: the active staff of the organisation, of the
 * units, or the people named (still active there). The publisher is the sender, not a reader.
 */
export async function resolveRecipients(
  db: DbOrTx,
  actor: Actor,
  audience: { kind: string; unitIds: string[]; userIds: string[] },
): Promise<string[]> {
  const scope =
    audience.kind === "units"
      ? inArray(appUser.unitId, audience.unitIds)
      : audience.kind === "people"
        ? inArray(appUser.id, audience.userIds)
        : undefined;
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(
      and(
        eq(appUser.organisationId, actor.organisationId),
        eq(appUser.active, true),
        ne(appUser.id, actor.userId),
        scope,
      ),
    );
  return rows.map((r) => r.id);
}
