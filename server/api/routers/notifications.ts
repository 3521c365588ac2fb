import { z } from "zod";
import {
  listNotifications,
  markNotificationsRead,
  unreadNotificationCount,
} from "../../notify/service";
import { memberProcedure, router } from "../trpc";

export const notificationsRouter = router({
  list: memberProcedure
    .input(
      z.object({
        cursor: z.number().int().positive().nullish(),
        limit: z.number().int().min(1).max(50).default(20),
        unreadOnly: z.boolean().optional(),
      }),
    )
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),

  unreadCount: memberProcedure.query(({ ctx }) => unreadNotificationCount(ctx.db, ctx.actor)),

  markRead: memberProcedure
    .input(
      z.object({ id: z.number().int().positive().optional(), documentId: z.uuid().optional() }),
    )
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.actor, input)),
});
