import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notice, noticeAttachment, noticeRecipient } from "@/db/schema/notices";
import { fileBlob } from "@/db/schema/files";
import { appUser } from "@/db/schema/users";
import { appendAudit } from "../audit/append";
import type { Actor } from "../authz/actor";
import { AppError } from "../errors";
import { isOffice, loadReadableNotice, lockOwnRecipient } from "./access";

/**
 * A notice as its page shows it. Opening it as one of its recipients records the first reading
 * (once; later openings change nothing).
 */
export async function openNotice(db: Db, actor: Actor, id: string) {
  const { notice: n, recipient } = await loadReadableNotice(db, actor, id);
  let own = recipient;
  if (recipient && !recipient.readAt && n.status === "published") {
    const [updated] = await db
      .update(noticeRecipient)
      .set({ readAt: sql`coalesce(${noticeRecipient.readAt}, now())` })
      .where(and(eq(noticeRecipient.noticeId, id), eq(noticeRecipient.userId, actor.userId)))
      .returning();
    own = updated ?? recipient;
  }
  const [attachments, [publisher]] = await Promise.all([
    db
      .select({
        sha256: noticeAttachment.sha256,
        fileName: noticeAttachment.fileName,
        size: fileBlob.size,
        mimeType: fileBlob.mimeType,
      })
      .from(noticeAttachment)
      .innerJoin(fileBlob, eq(fileBlob.sha256, noticeAttachment.sha256))
      .where(eq(noticeAttachment.noticeId, id))
      .orderBy(asc(noticeAttachment.position)),
    db
      .select({ fullName: appUser.fullName, jobTitle: appUser.jobTitle })
      .from(appUser)
      .where(eq(appUser.id, n.publisherId)),
  ]);
  const office = isOffice(actor);
  return {
    id: n.id,
    title: n.title,
    body: n.body,
    status: n.status,
    version: n.version,
    requiresConfirmation: n.requiresConfirmation,
    audience: { kind: n.audienceKind, unitIds: n.audienceUnitIds, userIds: n.audienceUserIds },
    publishedAt: n.publishedAt,
    withdrawnAt: n.withdrawnAt,
    publisher: publisher ?? null,
    attachments,
    /** The reader's own state, when they are one of its recipients. */
    mine: own ? { readAt: own.readAt, confirmedAt: own.confirmedAt } : null,
    canConfirm:
      !!own && n.status === "published" && n.requiresConfirmation && own.confirmedAt === null,
    canManage: office,
  };
}

/**
 * "Tôi đã đọc": a recipient confirms a published notice that asks for it. Confirming again
 * changes nothing; anyone but a recipient is told NOT_FOUND, and a notice that does not ask for
 * confirmation, or was withdrawn, refuses it.
 */
export async function confirmNotice(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const { recipient, notice: n } = await lockOwnRecipient(tx, actor, id);
    if (!n.requiresConfirmation) throw new AppError("CONFLICT", "notices.noConfirmationAsked");
    if (n.status !== "published") throw new AppError("CONFLICT", "notices.notAllowedNow");
    if (recipient.confirmedAt) return { confirmedAt: recipient.confirmedAt };
    const [row] = await tx
      .update(noticeRecipient)
      .set({ confirmedAt: sql`now()`, readAt: sql`coalesce(${noticeRecipient.readAt}, now())` })
      .where(and(eq(noticeRecipient.noticeId, id), eq(noticeRecipient.userId, actor.userId)))
      .returning({ confirmedAt: noticeRecipient.confirmedAt });
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "notice.confirmed",
      entityType: "notice",
      entityId: id,
      data: { title: n.title },
    });
    return { confirmedAt: row!.confirmedAt! };
  });
}

const pendingFirst = [
  // Not read, then read but still to confirm, then the rest; newest first within each.
  sql`case when ${noticeRecipient.readAt} is null then 0
    when ${notice.requiresConfirmation} and ${noticeRecipient.confirmedAt} is null then 1 else 2 end`,
  desc(notice.publishedAt),
  desc(notice.id),
];

const myColumns = {
  id: notice.id,
  title: notice.title,
  excerpt: sql<string>`left(${notice.bodyText}, 200)`,
  publishedAt: notice.publishedAt,
  requiresConfirmation: notice.requiresConfirmation,
  readAt: noticeRecipient.readAt,
  confirmedAt: noticeRecipient.confirmedAt,
  publisherName: appUser.fullName,
};

/** The published notices addressed to the actor, those still to read or confirm first. */
export async function listMyNotices(db: Db, actor: Actor, input: { limit: number }) {
  return db
    .select(myColumns)
    .from(noticeRecipient)
    .innerJoin(notice, eq(notice.id, noticeRecipient.noticeId))
    .innerJoin(appUser, eq(appUser.id, notice.publisherId))
    .where(
      and(
        eq(noticeRecipient.userId, actor.userId),
        eq(notice.organisationId, actor.organisationId),
        eq(notice.status, "published"),
      ),
    )
    .orderBy(...pendingFirst)
    .limit(input.limit);
}

/** For the home page: the actor's first `limit` notices still unread or awaiting confirmation. */
export async function pendingNoticesFor(db: Db, actor: Actor, limit = 5) {
  return db
    .select(myColumns)
    .from(noticeRecipient)
    .innerJoin(notice, eq(notice.id, noticeRecipient.noticeId))
    .innerJoin(appUser, eq(appUser.id, notice.publisherId))
    .where(
      and(
        eq(noticeRecipient.userId, actor.userId),
        eq(notice.organisationId, actor.organisationId),
        eq(notice.status, "published"),
        or(
          isNull(noticeRecipient.readAt),
          and(eq(notice.requiresConfirmation, true), isNull(noticeRecipient.confirmedAt)),
        ),
      ),
    )
    .orderBy(...pendingFirst)
    .limit(limit);
}
