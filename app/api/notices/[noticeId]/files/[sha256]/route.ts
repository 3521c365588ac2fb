import { answerAttachedFile } from "@/server/files/attached-file-route";
import { findNoticeFile } from "@/server/notices/files";

export const dynamic = "force-dynamic";

/** GET /api/notices/<id>/files/<sha256>: a file of a notice the caller may read. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ noticeId: string; sha256: string }> },
): Promise<Response> {
  const { noticeId, sha256 } = await params;
  return answerAttachedFile(request, (db, actor) => findNoticeFile(db, actor, noticeId, sha256));
}
