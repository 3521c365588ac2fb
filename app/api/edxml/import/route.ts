import { edxmlImportRoute } from "@/server/edxml/routes";

export const dynamic = "force-dynamic";

// An edXML package received from another system, brought into the reception queue: POST
export function POST(request: Request): Promise<Response> {
  return edxmlImportRoute(request);
}
