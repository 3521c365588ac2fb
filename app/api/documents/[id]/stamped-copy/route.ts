import { stampedCopyRoute } from "@/server/incoming/print-routes";

export const dynamic = "force-dynamic";

// A copy of the main PDF with the arrival stamp on page 1, for printing: GET [?inline=1][&x=&y=]
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return stampedCopyRoute(request, (await params).id);
}
