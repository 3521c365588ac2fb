import { and, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { notification } from "@/db/schema/notify";
import type { Actor } from "../authz/actor";
import { withheldFrom } from "../incoming/visibility";

const withoutSubject = ({ subject: _subject, ...rest }: Record<string, string | number>) => rest;

/** The actor's notifications, newest first, paged by id. */
export async function listNotifications(
  db: Db,
  actor: Actor,
  input: { cursor?: number | null; limit: number; unreadOnly?: boolean },
) {
  const rows = await db
    .select({
      id: notification.id,
      kind: notification.kind,
      messageKey: notification.messageKey,
      params: notification.params,
      documentId: notification.documentId,
      urgency: document.urgency,
      // The reader is no longer (or never was) on a secret document: its subject stays hidden.
      restricted: sql<boolean>`coalesce(${withheldFrom(actor)}, false)`,
      createdAt: notification.createdAt,
      readAt: notification.readAt,
    })
    .from(notification)
    .leftJoin(document, eq(document.id, notification.documentId))
    .where(
      and(
        eq(notification.userId, actor.userId),
        input.unreadOnly ? isNull(notification.readAt) : undefined,
        input.cursor ? lt(notification.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(notification.id))
    .limit(input.limit + 1);
  const items = rows
    .slice(0, input.limit)
    .map((n) => (n.restricted ? { ...n, params: withoutSubject(n.params) } : n));
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function unreadNotificationCount(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.userId, actor.userId), isNull(notification.readAt)));
  return row?.n ?? 0;
}

/**
 * Marks one notification, those about one document (opening it reads them), or all of the
 * actor's, read; another person's ids are ignored.
 */
export async function markNotificationsRead(
  db: Db,
  actor: Actor,
  input: { id?: number; documentId?: string },
) {
  await db
    .update(notification)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notification.userId, actor.userId),
        isNull(notification.readAt),
        input.id ? eq(notification.id, input.id) : undefined,
        input.documentId ? eq(notification.documentId, input.documentId) : undefined,
      ),
    );
  return { unread: await unreadNotificationCount(db, actor) };
}
