import { and, asc, count, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notice, noticeRecipient } from "@/db/schema/notices";
import { unit } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import { vietnamDayStart, vietnamToday } from "@/lib/dates";
import type { NoticeTrackingFilter } from "@/lib/notices";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { notifyUsers } from "../notify/notify";
import { loadOfficeNotice } from "./access";
import { noticeHref } from "./workflow";

const countsOf = {
  recipients: sql<number>`count(${noticeRecipient.userId})::int`,
  read: sql<number>`count(${noticeRecipient.readAt})::int`,
  confirmed: sql<number>`count(${noticeRecipient.confirmedAt})::int`,
};

/** The organisation's notices for its office, newest first, each with its reading figures. */
export async function listOfficeNotices(db: Db, actor: Actor, input: { limit: number }) {
  assertCan(actor, "notice.publish");
  return db
    .select({
      id: notice.id,
      title: notice.title,
      status: notice.status,
      requiresConfirmation: notice.requiresConfirmation,
      createdAt: notice.createdAt,
      publishedAt: notice.publishedAt,
      publisherName: appUser.fullName,
      ...countsOf,
    })
    .from(notice)
    .innerJoin(appUser, eq(appUser.id, notice.publisherId))
    .leftJoin(noticeRecipient, eq(noticeRecipient.noticeId, notice.id))
    .where(eq(notice.organisationId, actor.organisationId))
    .groupBy(notice.id, appUser.fullName)
    .orderBy(desc(notice.createdAt), desc(notice.id))
    .limit(input.limit);
}

/** A recipient still owes the notice something: to open it, or to confirm it when asked. */
const outstanding = (requiresConfirmation: boolean) =>
  requiresConfirmation
    ? or(isNull(noticeRecipient.readAt), isNull(noticeRecipient.confirmedAt))
    : isNull(noticeRecipient.readAt);

/**
 * Who received the notice and when each opened and confirmed it, for its organisation's office:
 * the figures over everyone, the rows filtered (not read yet, not confirmed yet).
 */
export async function noticeTracking(
  db: Db,
  actor: Actor,
  input: { id: string; filter: NoticeTrackingFilter },
) {
  const n = await loadOfficeNotice(db, actor, input.id);
  const filter =
    input.filter === "unread"
      ? isNull(noticeRecipient.readAt)
      : input.filter === "unconfirmed"
        ? isNull(noticeRecipient.confirmedAt)
        : undefined;
  const [[totals], rows] = await Promise.all([
    db
      .select({
        ...countsOf,
        remindable: sql<number>`count(*) filter (where ${outstanding(n.requiresConfirmation)})::int`,
      })
      .from(noticeRecipient)
      .where(eq(noticeRecipient.noticeId, n.id)),
    db
      .select({
        userId: appUser.id,
        fullName: appUser.fullName,
        jobTitle: appUser.jobTitle,
        unitName: unit.name,
        readAt: noticeRecipient.readAt,
        confirmedAt: noticeRecipient.confirmedAt,
        remindedAt: noticeRecipient.remindedAt,
      })
      .from(noticeRecipient)
      .innerJoin(appUser, eq(appUser.id, noticeRecipient.userId))
      .leftJoin(unit, eq(unit.id, appUser.unitId))
      .where(and(eq(noticeRecipient.noticeId, n.id), filter))
      .orderBy(
        sql`${noticeRecipient.readAt} is not null`,
        sql`${noticeRecipient.confirmedAt} is not null`,
        asc(appUser.fullName),
      ),
  ]);
  return {
    id: n.id,
    title: n.title,
    status: n.status,
    version: n.version,
    requiresConfirmation: n.requiresConfirmation,
    publishedAt: n.publishedAt,
    totals: totals ?? { recipients: 0, read: 0, confirmed: 0, remindable: 0 },
    rows,
  };
}

/**
 * Reminds, in the app, every recipient who has not opened the notice (or not confirmed it when
 * asked): each person at most once a Vietnamese calendar day, however often the office presses
 * the button. Answers how many were reminded now.
 */
export async function remindNotice(db: Db, actor: Actor, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const n = await loadOfficeNotice(tx, actor, id, { forUpdate: true });
    if (n.status !== "published") throw new AppError("CONFLICT", "notices.notAllowedNow");
    const today = vietnamToday(now);
    const reminded = await tx
      .update(noticeRecipient)
      .set({ remindedAt: now })
      .where(
        and(
          eq(noticeRecipient.noticeId, n.id),
          outstanding(n.requiresConfirmation),
          or(
            isNull(noticeRecipient.remindedAt),
            lt(noticeRecipient.remindedAt, vietnamDayStart(today)),
          ),
        ),
      )
      .returning({ userId: noticeRecipient.userId });
    const userIds = reminded.map((r) => r.userId);
    if (userIds.length > 0) {
      await notifyUsers(tx, {
        organisationId: actor.organisationId,
        userIds,
        kind: "noticeReminder",
        messageKey: n.requiresConfirmation ? "noticeReminderConfirm" : "noticeReminder",
        params: { title: n.title.slice(0, 120), href: noticeHref(n.id) },
        dedupeKey: `notice-remind:${n.id}:${today}`,
      });
      await appendAudit(tx, {
        organisationId: actor.organisationId,
        actor,
        action: "notice.reminded",
        entityType: "notice",
        entityId: n.id,
        data: { title: n.title, reminded: userIds.length },
      });
    }
    return { reminded: userIds.length };
  });
}

/** How many notices the actor has still to open or confirm: the navigation's badge. */
export async function myPendingNoticeCount(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(noticeRecipient)
    .innerJoin(notice, eq(notice.id, noticeRecipient.noticeId))
    .where(
      and(
        eq(noticeRecipient.userId, actor.userId),
        eq(notice.status, "published"),
        or(
          isNull(noticeRecipient.readAt),
          and(eq(notice.requiresConfirmation, true), isNull(noticeRecipient.confirmedAt)),
        ),
      ),
    );
  return row?.n ?? 0;
}
