import { answerVerify } from "@/server/files/routes";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return answerVerify(request);
}
