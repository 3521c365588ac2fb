import { getDb } from "@/db/client";
import { currentSession } from "@/server/auth/auth";
import { answerDeliverySheetRequest } from "@/server/reports/download";

export const dynamic = "force-dynamic";

// A sent document's recipients and where each has got, as a PDF or spreadsheet:
// GET ?documentId=…&format=pdf|xlsx
export async function GET(request: Request): Promise<Response> {
  return answerDeliverySheetRequest(getDb(), await currentSession(), request);
}
