import { and, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { organisation } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import type { Actor } from "../authz/actor";

export type WorkplaceOrganisation = {
  id: string;
  code: string;
  name: string;
  level: "central" | "province" | "district" | "commune";
};

/** Where the actor works: their organisation with its chain of parents up to the top level. */
export async function getWorkplace(db: DbOrTx, actor: Actor) {
  const chain = await db.execute<WorkplaceOrganisation & { depth: number }>(sql`
    with recursive up as (
      select id, code, name, level, parent_id, 0 as depth from ${organisation} where id = ${actor.organisationId}
      union all
      select o.id, o.code, o.name, o.level, o.parent_id, up.depth + 1
      from ${organisation} o join up on o.id = up.parent_id
      where up.depth < 20
    )
    select id, code, name, level, depth from up order by depth desc`);
  const [colleagues] = await db
    .select({ n: count() })
    .from(appUser)
    .where(and(eq(appUser.organisationId, actor.organisationId), eq(appUser.active, true)));
  return {
    path: chain.rows.map(({ id, code, name, level }) => ({ id, code, name, level })),
    activeColleagues: colleagues?.n ?? 0,
  };
}
