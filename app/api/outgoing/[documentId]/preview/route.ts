import { answerDraftPreview } from "@/server/outgoing/routes";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ documentId: string }> },
): Promise<Response> {
  return answerDraftPreview(request, (await params).documentId);
}
