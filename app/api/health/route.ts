import { getDb } from "@/db/client";
import { checkHealth } from "@/server/system/health";

export const dynamic = "force-dynamic";

// For load balancers and monitoring: 200 when the server reaches its database, else 503. No session needed.
export async function GET() {
  const health = await checkHealth(getDb());
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
