import { and, asc, eq, gt, isNotNull, isNull, max, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailOutbox, mailPreference } from "@/db/schema/mail";
import { notification } from "@/db/schema/notify";
import { appUser } from "@/db/schema/users";
import { vietnamToday } from "@/lib/dates";
import { parseLocale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { appLink, composeMail } from "./compose";
import { enqueueMail, notificationPath, notificationText } from "./enqueue";
import { mailSettings } from "./settings";

/** At most this many notifications are listed in one digest; the mail says how many more. */
const MAX_ITEMS = 30;

/**
 * The morning digest (07:00, Vietnam): one mail per person on the digest (the default) with the
 * notifications they have not read that arrived since their last digest and were not mailed on
 * their own already. Each person's watermark moves in the transaction that queues their mail,
 * and the mail's key names the last notification it covers, so running the job twice, or on
 * two servers at once, mails nothing twice. Answers how many digests were queued.
 */
export async function sendDailyDigests(db: Db, now = new Date()): Promise<number> {
  const settings = mailSettings();
  if (!settings) return 0;
  const watermark = sql<number>`coalesce(${mailPreference.digestThroughId}, 0)`;
  const candidates = await db
    .select({ id: appUser.id })
    .from(appUser)
    .leftJoin(mailPreference, eq(mailPreference.userId, appUser.id))
    .where(
      and(
        eq(appUser.active, true),
        isNotNull(appUser.email),
        sql`coalesce(${mailPreference.mode}, 'digest') = 'digest'`,
        sql`exists (select 1 from ${notification} where ${notification.userId} = ${appUser.id}
          and ${notification.id} > ${watermark})`,
      ),
    );
  let queued = 0;
  for (const { id: userId } of candidates) {
    queued += await db.transaction(async (tx) => {
      await tx.insert(mailPreference).values({ userId }).onConflictDoNothing();
      const [pref] = await tx
        .select()
        .from(mailPreference)
        .where(eq(mailPreference.userId, userId))
        .for("update");
      const [person] = await tx
        .select({
          email: appUser.email,
          fullName: appUser.fullName,
          locale: appUser.locale,
          active: appUser.active,
        })
        .from(appUser)
        .where(eq(appUser.id, userId));
      if (!pref || pref.mode !== "digest" || !person?.email || !person.active) return 0;
      const [top] = await tx
        .select({ id: max(notification.id) })
        .from(notification)
        .where(and(eq(notification.userId, userId), gt(notification.id, pref.digestThroughId)));
      const through = top?.id ? Number(top.id) : null;
      if (!through) return 0;
      const items = await tx
        .select({
          id: notification.id,
          userId: notification.userId,
          documentId: notification.documentId,
          messageKey: notification.messageKey,
          params: notification.params,
        })
        .from(notification)
        .where(
          and(
            eq(notification.userId, userId),
            gt(notification.id, pref.digestThroughId),
            sql`${notification.id} <= ${through}`,
            isNull(notification.readAt),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(mailOutbox)
                .where(
                  eq(mailOutbox.idempotencyKey, sql`'notification:' || ${notification.id}::text`),
                ),
            ),
          ),
        )
        .orderBy(asc(notification.id));
      await tx
        .update(mailPreference)
        .set({ digestThroughId: through, updatedAt: new Date() })
        .where(eq(mailPreference.userId, userId));
      if (items.length === 0) return 0;
      const locale = parseLocale(person.locale);
      const listed = items.slice(-MAX_ITEMS);
      const more = items.length - listed.length;
      return enqueueMail(tx, [
        {
          idempotencyKey: `digest:${userId}:${through}`,
          userId,
          toAddress: person.email,
          kind: "digest",
          ...composeMail({
            subject: translate(locale, "mail.digestSubject", {
              count: items.length,
              date: vietnamToday(now).split("-").reverse().join("/"),
            }),
            greeting: translate(locale, "mail.greeting", { name: person.fullName }),
            items: [
              ...listed.map((n) => ({
                text: notificationText(locale, n),
                link: appLink(settings.publicUrl, notificationPath(n)),
              })),
              ...(more > 0
                ? [
                    {
                      text: translate(locale, "mail.digestMore", { count: more }),
                      link: appLink(settings.publicUrl, "/"),
                    },
                  ]
                : []),
            ],
            footer: translate(locale, "mail.footer"),
          }),
        },
      ]);
    });
  }
  return queued;
}
