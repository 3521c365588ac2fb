import { answerTaskFile } from "@/server/tasks/file-route";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ taskId: string; sha256: string }> },
): Promise<Response> {
  const { taskId, sha256 } = await params;
  return answerTaskFile(request, taskId, sha256);
}
