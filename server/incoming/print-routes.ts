import "server-only";
import { getDb } from "@/db/client";
import { currentSession } from "../auth/auth";
import { answerHandlingSlip, answerStampedCopy } from "./print-download";

// The route handlers of app/api/documents/[id]/*: the session's member and the database, then
// the answer.

export async function handlingSlipRoute(request: Request, documentId: string): Promise<Response> {
  return answerHandlingSlip(getDb(), await currentSession(), request, documentId);
}

export async function stampedCopyRoute(request: Request, documentId: string): Promise<Response> {
  return answerStampedCopy(getDb(), await currentSession(), request, documentId);
}
