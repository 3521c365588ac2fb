import { getDb } from "@/db/client";
import { currentSession } from "@/server/auth/auth";
import { answerSchedulePdf } from "@/server/schedule/pdf-route";

export const dynamic = "force-dynamic";

// A week's work schedule printed as A4 landscape PDF, for whoever may see the sheet.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return answerSchedulePdf(getDb(), await currentSession(), request, id);
}
