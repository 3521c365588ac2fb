import { answerNoticeFile } from "@/server/notices/file-route";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ noticeId: string; sha256: string }> },
): Promise<Response> {
  const { noticeId, sha256 } = await params;
  return answerNoticeFile(request, noticeId, sha256);
}
