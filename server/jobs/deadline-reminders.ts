import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export const DUE_SOON_DAYS = 3;

/**
 * Reminds everyone still handling an open part of an in-progress document: "due soon" when its
 * deadline is within DUE_SOON_DAYS, "overdue" once it has passed. Each reminder is written once
 * per part and deadline (the dedupe key), so the job may run as often as it likes; a deadline
 * that moves (an extension) earns a fresh reminder. Returns how many were written.
 */
export async function sendDeadlineReminders(
  db: Db,
  today: string,
): Promise<{ dueSoon: number; overdue: number }> {
  const result = await db.execute<{ kind: string; n: number }>(sql`
    with due as (
      select p.user_id, p.organisation_id, p.document_id, a.id as assignment_id, a.deadline,
             d.subject,
             case when a.deadline < ${today}::date then 'overdue' else 'dueSoon' end as kind
      from assignment a
      join document d on d.id = a.document_id and d.status = 'in_progress'
      join document_participant p on p.assignment_id = a.id and p.box = 'to_handle'
      where a.status in ('pending', 'in_progress')
        and a.deadline is not null
        and a.deadline <= ${today}::date + ${DUE_SOON_DAYS}::int
    ),
    written as (
      insert into notification (organisation_id, user_id, kind, document_id, message_key, params, dedupe_key)
      select organisation_id, user_id, kind, document_id, kind,
             jsonb_build_object('subject', left(subject, 120), 'deadline', to_char(deadline, 'DD/MM/YYYY')),
             kind || ':' || assignment_id || ':' || deadline
      from due
      on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing
      returning kind
    )
    select kind, count(*)::int as n from written group by kind`);
  const counts = { dueSoon: 0, overdue: 0 };
  for (const row of result.rows) counts[row.kind as keyof typeof counts] = row.n;
  return counts;
}
