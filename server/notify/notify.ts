import type { DbOrTx } from "@/db/client";
import { notification } from "@/db/schema/notify";
import { enqueueNotificationMail } from "../mail/enqueue";

export type NotificationInput = {
  organisationId: string;
  userIds: string[];
  kind: string;
  documentId?: string | null;
  /** Key under `notifications.` in messages/, translated when shown. */
  messageKey: string;
  params?: Record<string, string | number>;
  /** Idempotency: the same key for the same user is written once. */
  dedupeKey?: string;
};

/**
 * Writes in-app notifications in the caller's transaction, once per distinct user, and queues
 * the e-mails they call for (server/mail/enqueue.ts) in the same transaction.
 */
export async function notifyUsers(tx: DbOrTx, input: NotificationInput): Promise<void> {
  const users = [...new Set(input.userIds)];
  if (users.length === 0) return;
  const written = await tx
    .insert(notification)
    .values(
      users.map((userId) => ({
        organisationId: input.organisationId,
        userId,
        kind: input.kind,
        documentId: input.documentId ?? null,
        messageKey: input.messageKey,
        params: input.params ?? {},
        dedupeKey: input.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({
      id: notification.id,
      userId: notification.userId,
      documentId: notification.documentId,
      messageKey: notification.messageKey,
      params: notification.params,
    });
  await enqueueNotificationMail(tx, written);
}
