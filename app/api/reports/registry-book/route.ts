import { getDb } from "@/db/client";
import { currentSession } from "@/server/auth/auth";
import { answerReportRequest } from "@/server/reports/download";

export const dynamic = "force-dynamic";

// The incoming registry book as a PDF or spreadsheet: GET ?from=yyyy-MM-dd&to=yyyy-MM-dd&registryId=…&format=pdf|xlsx
export async function GET(request: Request) {
  return answerReportRequest(getDb(), await currentSession(), request, "incomingBook");
}
