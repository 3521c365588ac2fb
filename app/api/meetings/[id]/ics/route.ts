import { getDb } from "@/db/client";
import { currentSession } from "@/server/auth/auth";
import { answerMeetingIcs } from "@/server/meetings/ics-route";

export const dynamic = "force-dynamic";

// A meeting's invitation as an iCalendar file (METHOD:REQUEST), for whoever may see the meeting.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return answerMeetingIcs(getDb(), await currentSession(), request, id);
}
