import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { notice, noticeAttachment, noticeRecipient } from "@/db/schema/notices";
import type { NoticeStatus } from "@/lib/notices";
import {
  noticeActionInput,
  type NoticeActionInput,
  type NoticeDraftInput,
} from "@/lib/schemas/notices";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError } from "../errors";
import { loadAttachableBlobs } from "../files/ownership";
import { notifyUsers } from "../notify/notify";
import { bodyText } from "../outgoing/body-text";
import { applyAction, type BaseOutcome, type Transition, type Workflow } from "../workflow/engine";
import { loadOfficeNotice, type NoticeRow } from "./access";
import { checkAudience, resolveRecipients } from "./audience";

type Ctx = { tx: Tx; actor: Actor; notice: NoticeRow };

type NoticeOutcome = BaseOutcome<NoticeStatus> & {
  patch?: Partial<typeof notice.$inferInsert>;
  event: { action: string; data?: Record<string, unknown> };
  notify?: { userIds: string[]; messageKey: string };
};

export type NoticeActionResult = { id: string; status: NoticeStatus; version: number };

export const noticeHref = (id: string) => `/notices/${id}`;

/** The draft's own columns from what the office typed. */
function draftColumns(draft: NoticeDraftInput) {
  const a = draft.audience;
  return {
    title: draft.title,
    body: draft.body as Record<string, unknown>,
    bodyText: bodyText(draft.body),
    audienceKind: a.kind,
    audienceUnitIds: a.kind === "units" ? [...new Set(a.unitIds)] : [],
    audienceUserIds: a.kind === "people" ? [...new Set(a.userIds)] : [],
    requiresConfirmation: draft.requiresConfirmation,
  };
}

/** Every named unit and person is the organisation's; every file is one the actor may attach. */
async function checkDraft(tx: Tx, actor: Actor, draft: NoticeDraftInput): Promise<void> {
  await checkAudience(tx, actor, draft.audience);
  const hashes = draft.attachments.map((f) => f.sha256);
  if (new Set(hashes).size !== hashes.length) {
    throw fieldError({ attachments: "notices.duplicateAttachment" });
  }
  const blobs = await loadAttachableBlobs(tx, actor, hashes);
  if (blobs.size !== new Set(hashes).size) throw fieldError({ attachments: "notices.unknownFile" });
}

async function replaceAttachments(tx: Tx, noticeId: string, draft: NoticeDraftInput) {
  await tx.delete(noticeAttachment).where(eq(noticeAttachment.noticeId, noticeId));
  if (draft.attachments.length === 0) return;
  await tx.insert(noticeAttachment).values(
    draft.attachments.map((f, position) => ({
      noticeId,
      sha256: f.sha256,
      fileName: f.fileName,
      position,
    })),
  );
}

type NoticeTransition = Transition<NoticeStatus, Ctx, NoticeActionInput, NoticeOutcome>;

/** The life of a notice: written as a draft, published to its people once, withdrawn. */
export const noticeTransitions: readonly NoticeTransition[] = [
  {
    action: "saveDraft",
    from: ["draft"],
    to: ["draft"],
    who: "notice.publish",
    run: async ({ tx, actor, notice: n }, payload) => {
      if (payload.action !== "saveDraft") throw new Error("saveDraft");
      await checkDraft(tx, actor, payload.draft);
      await replaceAttachments(tx, n.id, payload.draft);
      return {
        patch: draftColumns(payload.draft),
        event: { action: "notice.draftSaved", data: { title: payload.draft.title } },
      };
    },
  },
  {
    action: "publish",
    from: ["draft"],
    to: ["published"],
    who: "notice.publish",
    run: async ({ tx, actor, notice: n }) => {
      // The audience is checked again: a unit or person may have gone since the draft was saved.
      await checkAudience(
        tx,
        actor,
        n.audienceKind === "units"
          ? { kind: "units", unitIds: n.audienceUnitIds }
          : n.audienceKind === "people"
            ? { kind: "people", userIds: n.audienceUserIds }
            : { kind: "organisation" },
      );
      const userIds = await resolveRecipients(tx, actor, {
        kind: n.audienceKind,
        unitIds: n.audienceUnitIds,
        userIds: n.audienceUserIds,
      });
      if (userIds.length === 0) throw new AppError("VALIDATION", "notices.noRecipients");
      await tx
        .insert(noticeRecipient)
        .values(userIds.map((userId) => ({ noticeId: n.id, userId })));
      return {
        to: "published",
        patch: { publishedAt: new Date() },
        event: {
          action: "notice.published",
          data: {
            title: n.title,
            recipients: userIds.length,
            audience: n.audienceKind,
            requiresConfirmation: n.requiresConfirmation,
          },
        },
        notify: {
          userIds,
          messageKey: n.requiresConfirmation ? "noticeToConfirm" : "noticePublished",
        },
      };
    },
  },
  {
    action: "withdraw",
    from: ["published"],
    to: ["withdrawn"],
    who: "notice.publish",
    run: async ({ notice: n }) => ({
      to: "withdrawn",
      patch: { withdrawnAt: new Date() },
      event: { action: "notice.withdrawn", data: { title: n.title } },
    }),
  },
];

export const noticeWorkflow: Workflow<
  NoticeRow,
  NoticeStatus,
  NoticeActionInput,
  Ctx,
  NoticeOutcome,
  NoticeActionResult
> = {
  name: "notices",
  input: noticeActionInput,
  transitions: noticeTransitions,
  load: (tx, actor, id) => loadOfficeNotice(tx, actor, id, { forUpdate: true }),
  context: (tx, actor, n) => ({ tx, actor, notice: n }),
  save: async (tx, _actor, n, outcome, to) => {
    const [row] = await tx
      .update(notice)
      .set({
        ...outcome.patch,
        status: to,
        version: sql`${notice.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(notice.id, n.id))
      .returning({ id: notice.id, status: notice.status, version: notice.version });
    return row!;
  },
  record: async (tx, actor, n, outcome) => {
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: outcome.event.action,
      entityType: "notice",
      entityId: n.id,
      data: outcome.event.data,
    });
    if (outcome.notify) {
      await notifyUsers(tx, {
        organisationId: actor.organisationId,
        userIds: outcome.notify.userIds,
        kind: "notice",
        messageKey: outcome.notify.messageKey,
        params: { title: n.title.slice(0, 120), href: noticeHref(n.id) },
        dedupeKey: `notice:${n.id}`,
      });
    }
  },
};

/** Applies one step of a notice's life (see `applyAction`). */
export function applyNoticeAction(
  db: Db,
  actor: Actor,
  request: { id: string; version: number; input: NoticeActionInput },
): Promise<NoticeActionResult> {
  return applyAction(db, actor, noticeWorkflow, request);
}

/** A new draft of the actor's organisation, with its attachments and an audit event. */
export async function createNoticeDraft(
  db: Db,
  actor: Actor,
  draft: NoticeDraftInput,
): Promise<NoticeActionResult> {
  assertCan(actor, "notice.publish");
  return db.transaction(async (tx) => {
    await checkDraft(tx, actor, draft);
    const [row] = await tx
      .insert(notice)
      .values({
        organisationId: actor.organisationId,
        publisherId: actor.userId,
        ...draftColumns(draft),
      })
      .returning({ id: notice.id, status: notice.status, version: notice.version });
    await replaceAttachments(tx, row!.id, draft);
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "notice.drafted",
      entityType: "notice",
      entityId: row!.id,
      data: { title: draft.title },
    });
    return row!;
  });
}
