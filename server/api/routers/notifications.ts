import { listNotificationsInput, markNotificationsReadInput } from "@/lib/schemas/notifications";
import {
  listNotifications,
  markNotificationsRead,
  unreadNotificationCount,
} from "../../notify/service";
import { memberProcedure, router } from "../trpc";

export const notificationsRouter = router({
  list: memberProcedure
    .input(listNotificationsInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),

  unreadCount: memberProcedure.query(({ ctx }) => unreadNotificationCount(ctx.db, ctx.actor)),

  markRead: memberProcedure
    .input(markNotificationsReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.actor, input)),
});
