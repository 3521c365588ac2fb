import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export type Health = { status: "ok" | "unavailable" };

/** Whether this server can answer: it reaches its database. */
export async function checkHealth(db: Db): Promise<Health> {
  try {
    await db.execute(sql`select 1`);
    return { status: "ok" };
  } catch {
    return { status: "unavailable" };
  }
}
