import { exchangeInboxRoute } from "@/server/exchange/routes";

export const dynamic = "force-dynamic";

// A peer deployment's signed edXML package (a document or a status): POST, no session; the
// package's signature says who sent it.
export function POST(request: Request): Promise<Response> {
  return exchangeInboxRoute(request);
}
