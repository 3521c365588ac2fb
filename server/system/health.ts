import { sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";

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

/** `GET /api/health`: 200 while the database answers, else 503, never cached. */
export async function answerHealth(): Promise<Response> {
  const health = await checkHealth(getDb());
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
