import { answerHealth } from "@/server/system/health";

export const dynamic = "force-dynamic";

// For load balancers and monitoring: 200 when the server reaches its database, else 503. No session needed.
export function GET(): Promise<Response> {
  return answerHealth();
}
