import { answerAttachedFile } from "@/server/files/attached-file-route";
import { findTaskFile } from "@/server/tasks/files";

export const dynamic = "force-dynamic";

/** GET /api/tasks/<id>/files/<sha256>: a file of a task the caller sees. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ taskId: string; sha256: string }> },
): Promise<Response> {
  const { taskId, sha256 } = await params;
  return answerAttachedFile(request, (db, actor) => findTaskFile(db, actor, taskId, sha256));
}
