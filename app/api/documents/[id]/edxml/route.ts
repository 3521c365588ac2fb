import { edxmlExportRoute } from "@/server/edxml/routes";

export const dynamic = "force-dynamic";

// The issued document as a signed edXML package (QCVN 102:2016), for another system: GET
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return edxmlExportRoute(request, (await params).id);
}
