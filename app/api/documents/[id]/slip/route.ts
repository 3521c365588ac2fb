import { handlingSlipRoute } from "@/server/incoming/print-routes";

export const dynamic = "force-dynamic";

// The handling slip (phiếu giải quyết văn bản đến) as an A4 PDF: GET [?inline=1]
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return handlingSlipRoute(request, (await params).id);
}
