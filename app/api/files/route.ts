import { answerUpload } from "@/server/files/routes";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return answerUpload(request);
}
