import { getDb } from "@/db/client";
import { currentSession } from "@/server/auth/auth";
import { answerReportRequest } from "@/server/reports/download";

export const dynamic = "force-dynamic";

// The leader's handling report as a PDF or spreadsheet: GET ?from=yyyy-MM-dd&to=yyyy-MM-dd&format=pdf|xlsx
export async function GET(request: Request) {
  return answerReportRequest(getDb(), await currentSession(), request, "handling");
}
