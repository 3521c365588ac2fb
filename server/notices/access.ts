import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notice, noticeRecipient } from "@/db/schema/notices";
import { can } from "@/lib/permissions";
import type { Actor } from "../authz/actor";
import { notFound } from "../errors";

export type NoticeRow = typeof notice.$inferSelect;

/** The office of the notice's organisation: those who publish notices there. */
export const isOffice = (actor: Actor) => can(actor.roles, "notice.publish");

/**
 * A notice the office of the actor's organisation keeps (drafts included), locked when asked.
 * Another organisation's notice, or any notice for someone outside the office: NOT_FOUND.
 */
export async function loadOfficeNotice(
  db: DbOrTx,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<NoticeRow> {
  if (!isOffice(actor)) throw notFound("notice");
  const query = db
    .select()
    .from(notice)
    .where(and(eq(notice.id, id), eq(notice.organisationId, actor.organisationId)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("notice");
  return row;
}

/**
 * A notice as its reader sees it: one published (or since withdrawn) to them, or any notice of
 * their organisation for its office. Anyone else, and anyone of another organisation, is told
 * NOT_FOUND, the answer for an id that does not exist.
 */
export async function loadReadableNotice(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ notice: NoticeRow; recipient: typeof noticeRecipient.$inferSelect | null }> {
  const [row] = await db
    .select({ notice, recipient: noticeRecipient })
    .from(notice)
    .leftJoin(
      noticeRecipient,
      and(eq(noticeRecipient.noticeId, notice.id), eq(noticeRecipient.userId, actor.userId)),
    )
    .where(and(eq(notice.id, id), eq(notice.organisationId, actor.organisationId)));
  if (!row) throw notFound("notice");
  const reader = row.recipient !== null && row.notice.status !== "draft";
  if (!reader && !isOffice(actor)) throw notFound("notice");
  return { notice: row.notice, recipient: row.recipient };
}

/** The recipient row of the actor on a notice, locked: their own reading and confirming. */
export async function lockOwnRecipient(db: DbOrTx, actor: Actor, noticeId: string) {
  const [row] = await db
    .select({ recipient: noticeRecipient, status: notice.status, notice })
    .from(noticeRecipient)
    .innerJoin(notice, eq(notice.id, noticeRecipient.noticeId))
    .where(
      and(
        eq(noticeRecipient.noticeId, noticeId),
        eq(noticeRecipient.userId, actor.userId),
        eq(notice.organisationId, actor.organisationId),
        sql`${notice.status} <> 'draft'`,
      ),
    )
    .for("update", { of: noticeRecipient });
  if (!row) throw notFound("notice");
  return row;
}
