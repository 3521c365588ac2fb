import {
  myNoticesInput,
  noticeActInput,
  noticeDraftInput,
  noticeIdInput,
  noticeTrackingInput,
} from "@/lib/schemas/notices";
import { confirmNotice, listMyNotices, openNotice, pendingNoticesFor } from "../../notices/reading";
import {
  listOfficeNotices,
  myPendingNoticeCount,
  noticeTracking,
  remindNotice,
} from "../../notices/tracking";
import { applyNoticeAction, createNoticeDraft } from "../../notices/workflow";
import { permissionProcedure, router } from "../trpc";

/** Internal notices: what each person received, and the office's drafts, publishing and tracking. */
export const noticesRouter = router({
  mine: permissionProcedure("notice.read")
    .input(myNoticesInput)
    .query(({ ctx, input }) => listMyNotices(ctx.db, ctx.actor, input)),

  /** For the home page: the first few still to read or confirm. */
  pending: permissionProcedure("notice.read").query(({ ctx }) =>
    pendingNoticesFor(ctx.db, ctx.actor, 5),
  ),

  pendingCount: permissionProcedure("notice.read").query(({ ctx }) =>
    myPendingNoticeCount(ctx.db, ctx.actor),
  ),

  /** Opening a notice is reading it: the first opening by a recipient is recorded (idempotent). */
  get: permissionProcedure("notice.read")
    .input(noticeIdInput)
    .query(({ ctx, input }) => openNotice(ctx.db, ctx.actor, input.id)),

  confirm: permissionProcedure("notice.read")
    .input(noticeIdInput)
    .mutation(({ ctx, input }) => confirmNotice(ctx.db, ctx.actor, input.id)),

  office: permissionProcedure("notice.publish")
    .input(myNoticesInput)
    .query(({ ctx, input }) => listOfficeNotices(ctx.db, ctx.actor, input)),

  create: permissionProcedure("notice.publish")
    .input(noticeDraftInput)
    .mutation(({ ctx, input }) => createNoticeDraft(ctx.db, ctx.actor, input)),

  act: permissionProcedure("notice.publish")
    .input(noticeActInput)
    .mutation(({ ctx, input }) => applyNoticeAction(ctx.db, ctx.actor, input)),

  tracking: permissionProcedure("notice.publish")
    .input(noticeTrackingInput)
    .query(({ ctx, input }) => noticeTracking(ctx.db, ctx.actor, input)),

  remind: permissionProcedure("notice.publish")
    .input(noticeIdInput)
    .mutation(({ ctx, input }) => remindNotice(ctx.db, ctx.actor, input.id)),
});
