// The iCalendar invitation that travels with a meeting's e-mail, so that the person's mail
// program offers to put it in their calendar (and to update or remove it later): the whole
// series as it stands in the transaction that notifies, METHOD:REQUEST for an invitation or a
// change, METHOD:CANCEL for a cancelled meeting or for someone no longer invited.
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { meeting } from "@/db/schema/meetings";
import { buildCalendar, type IcsMethod } from "../calendar/ics";
import { eventsOfMeetings } from "./ics";

/** The notifications that carry a calendar, and the method each calls for. */
const CALENDAR_METHOD: Readonly<Record<string, IcsMethod>> = {
  meetingInvited: "REQUEST",
  meetingChanged: "REQUEST",
  meetingOccurrenceMoved: "REQUEST",
  meetingOccurrenceCancelled: "REQUEST",
  meetingCancelled: "CANCEL",
  meetingUninvited: "CANCEL",
};

type Notified = { id: number; messageKey: string; params: Record<string, string | number> };

/** The method of an iCalendar text (for the mail's text/calendar part). */
export function calendarMethodOf(content: string): IcsMethod | null {
  const method = /^METHOD:(REQUEST|PUBLISH|CANCEL)\r?$/m.exec(content)?.[1];
  return (method as IcsMethod | undefined) ?? null;
}

/**
 * For each notification about a meeting that calls for one, the invitation to attach, by
 * notification id. Each meeting is read once however many people are told.
 */
export async function invitationCalendars(
  tx: DbOrTx,
  notifications: Notified[],
  origin: string,
): Promise<Map<number, string>> {
  const wanted = notifications.filter(
    (n) => CALENDAR_METHOD[n.messageKey] && typeof n.params.meetingId === "string",
  );
  const result = new Map<number, string>();
  if (wanted.length === 0) return result;
  const ids = [...new Set(wanted.map((n) => String(n.params.meetingId)))];
  const meetings = await tx.select().from(meeting).where(inArray(meeting.id, ids));
  const eventsOf = await eventsOfMeetings(tx, meetings, origin);
  const built = new Map<string, string>();
  for (const m of meetings) {
    const events = eventsOf.get(m.id) ?? [];
    const methods = new Set(
      wanted.filter((n) => n.params.meetingId === m.id).map((n) => CALENDAR_METHOD[n.messageKey]!),
    );
    for (const method of methods) {
      const cancel = method === "CANCEL";
      built.set(
        `${m.id}:${method}`,
        buildCalendar(
          cancel ? events.map((e) => ({ ...e, status: "cancelled" as const })) : events,
          { name: m.title, method },
        ),
      );
    }
  }
  for (const n of wanted) {
    const content = built.get(`${String(n.params.meetingId)}:${CALENDAR_METHOD[n.messageKey]}`);
    if (content) result.set(n.id, content);
  }
  return result;
}
