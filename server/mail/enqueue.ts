import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { mailOutbox, mailPreference } from "@/db/schema/mail";
import { appUser } from "@/db/schema/users";
import { parseLocale, type Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { invitationCalendars } from "../meetings/invitation-mail";
import { appLink, composeMail, type ComposedMail } from "./compose";
import { mailSettings } from "./settings";

/** The channel the mail drain listens on; NOTIFY is delivered when the transaction commits. */
export const MAIL_CHANNEL = "mail_outbox";

/**
 * Notifications mailed at once even to those who take the rest in the morning digest: a
 * meeting one is invited to, or that changed, moved or was called off (news that cannot wait for
 * tomorrow's digest, and that carries its calendar invitation), a reminder to read a notice, a
 * document presented as urgent; and any notification about a document whose urgency is not normal.
 */
export const URGENT_MESSAGE_KEYS: ReadonlySet<string> = new Set([
  "meetingInvited",
  "meetingChanged",
  "meetingOccurrenceMoved",
  "meetingOccurrenceCancelled",
  "meetingCancelled",
  "meetingUninvited",
  "noticeReminder",
  "noticeReminderConfirm",
  "presentedUrgent",
]);

export type MailRow = ComposedMail & {
  idempotencyKey: string;
  userId: string | null;
  toAddress: string;
  kind: string;
  /** An iCalendar invitation sent with the message. */
  calendar?: string | null;
};

/** Queues mails in the caller's transaction, once per key, and wakes the drain at commit. */
export async function enqueueMail(tx: DbOrTx, rows: MailRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(mailOutbox)
    .values(rows)
    .onConflictDoNothing({ target: mailOutbox.idempotencyKey })
    .returning({ id: mailOutbox.id });
  if (inserted.length > 0) await tx.execute(sql`select pg_notify(${MAIL_CHANNEL}, '')`);
  return inserted.length;
}

export type NotificationForMail = {
  id: number;
  userId: string;
  documentId: string | null;
  messageKey: string;
  params: Record<string, string | number>;
};

/** The page a notification is about: its own link, else its document's page. */
export const notificationPath = (n: {
  documentId: string | null;
  params: Record<string, string | number>;
}) =>
  typeof n.params.href === "string"
    ? n.params.href
    : n.documentId
      ? `/documents/${n.documentId}`
      : "/";

export const notificationText = (locale: Locale, n: NotificationForMail) =>
  translate(locale, `notifications.${n.messageKey}`, n.params);

/** The people's address, language and choice of mail, for those who have an address and are active. */
export async function mailRecipients(tx: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) return [];
  return tx
    .select({
      id: appUser.id,
      email: appUser.email,
      fullName: appUser.fullName,
      locale: appUser.locale,
      mode: sql<"immediate" | "digest" | "never">`coalesce(${mailPreference.mode}, 'digest')`,
    })
    .from(appUser)
    .leftJoin(mailPreference, eq(mailPreference.userId, appUser.id))
    .where(and(inArray(appUser.id, userIds), eq(appUser.active, true), isNotNull(appUser.email)));
}

/**
 * The mails that new in-app notifications call for, in their transaction: to those who chose
 * "at once" every one, to those on the digest (the default) only the urgent ones. Keyed by the
 * notification, so a notification is mailed once at most. Nothing is queued when mail is off.
 */
export async function enqueueNotificationMail(
  tx: DbOrTx,
  notifications: NotificationForMail[],
): Promise<void> {
  const settings = mailSettings();
  if (!settings || notifications.length === 0) return;
  const people = new Map(
    (await mailRecipients(tx, [...new Set(notifications.map((n) => n.userId))])).map((p) => [
      p.id,
      p,
    ]),
  );
  if (people.size === 0) return;
  const documentIds = [
    ...new Set(notifications.map((n) => n.documentId).filter((id): id is string => !!id)),
  ];
  const urgentDocuments = new Set(
    documentIds.length === 0
      ? []
      : (
          await tx
            .select({ id: document.id })
            .from(document)
            .where(and(inArray(document.id, documentIds), sql`${document.urgency} <> 'normal'`))
        ).map((d) => d.id),
  );
  const calendars = await invitationCalendars(
    tx,
    notifications.filter((n) => people.get(n.userId)?.mode !== "never"),
    settings.publicUrl,
  );
  const rows: MailRow[] = [];
  for (const n of notifications) {
    const person = people.get(n.userId);
    if (!person?.email || person.mode === "never") continue;
    const urgent =
      URGENT_MESSAGE_KEYS.has(n.messageKey) ||
      (n.documentId !== null && urgentDocuments.has(n.documentId));
    if (person.mode === "digest" && !urgent) continue;
    const locale = parseLocale(person.locale);
    const text = notificationText(locale, n);
    rows.push({
      idempotencyKey: `notification:${n.id}`,
      userId: person.id,
      toAddress: person.email,
      kind: urgent ? "urgent" : "notification",
      calendar: calendars.get(n.id) ?? null,
      ...composeMail({
        subject: translate(locale, "mail.notificationSubject", { message: text }),
        greeting: translate(locale, "mail.greeting", { name: person.fullName }),
        items: [{ text, link: appLink(settings.publicUrl, notificationPath(n)) }],
        footer: translate(locale, "mail.footer"),
      }),
    });
  }
  await enqueueMail(tx, rows);
}
