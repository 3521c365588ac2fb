import "server-only";
import type { Db } from "@/db/client";
import { can } from "@/lib/permissions";
import type { Actor } from "../authz/actor";
import { myMeetingsToday } from "../meetings/calendar-items";
import { pendingNoticesFor } from "../notices/reading";
import { todayScheduleFor } from "../schedule/items";
import { dueSoonTasks } from "../tasks/calendar";

const SHORT_LIST = 5;

/**
 * The home page beside the documents waiting: today's weekly-schedule entries, the person's
 * meetings today (or the next one), their tasks due soonest and the notices still to read or
 * confirm. A part the person has no permission for is null, not an empty list.
 */
export async function myAgenda(db: Db, actor: Actor) {
  const [schedule, meetings, tasks, notices] = await Promise.all([
    can(actor.roles, "schedule.read") ? todayScheduleFor(db, actor) : null,
    can(actor.roles, "meeting.read") ? myMeetingsToday(db, actor) : null,
    can(actor.roles, "task.work") ? dueSoonTasks(db, actor, SHORT_LIST) : null,
    can(actor.roles, "notice.read") ? pendingNoticesFor(db, actor, SHORT_LIST) : null,
  ]);
  return { schedule, meetings, tasks, notices };
}
