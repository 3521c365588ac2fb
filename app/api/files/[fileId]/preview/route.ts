import { answerPreview } from "@/server/files/routes";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ fileId: string }> },
): Promise<Response> {
  return answerPreview(request, (await params).fileId);
}
