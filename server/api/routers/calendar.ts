import {
  calendarRangeInput,
  feedRef,
  renewFeedInput,
  revokeFeedInput,
} from "@/lib/schemas/calendar";
import { myCalendar } from "../../calendar/calendar";
import { describeFeed, renewFeed, revokeFeed } from "../../calendar/feeds";
import { permissionProcedure, router } from "../trpc";

export const calendarRouter = router({
  /** The person's schedule entries, meetings and deadlines between two days. */
  items: permissionProcedure("calendar.read")
    .input(calendarRangeInput)
    .query(({ ctx, input }) => myCalendar(ctx.db, ctx.actor, input)),

  /** Whether the person subscribes to this calendar from elsewhere, and when it was last read. */
  feed: permissionProcedure("calendar.read")
    .input(feedRef)
    .query(({ ctx, input }) => describeFeed(ctx.db, ctx.actor, input)),

  /** A new secret subscription address, shown once; the previous one stops answering. */
  renewFeed: permissionProcedure("calendar.read")
    .input(renewFeedInput)
    .mutation(({ ctx, input }) => renewFeed(ctx.db, ctx.actor, input)),

  revokeFeed: permissionProcedure("calendar.read")
    .input(revokeFeedInput)
    .mutation(({ ctx, input }) => revokeFeed(ctx.db, ctx.actor, input)),
});
