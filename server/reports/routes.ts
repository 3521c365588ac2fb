import "server-only";
import { getDb } from "@/db/client";
import { currentSession } from "../auth/auth";
import { answerReportRequest, type ReportKind } from "./download";

/** The route handler of a report download (app/api/reports/*): GET ?from&to&registryId&format. */
export const reportRoute =
  (kind: ReportKind) =>
  async (request: Request): Promise<Response> =>
    answerReportRequest(getDb(), await currentSession(), request, kind);
