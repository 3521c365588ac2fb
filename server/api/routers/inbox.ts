import { clerkBoxInput, listInboxInput } from "@/lib/schemas/inbox";
import { listClerkBox, listInbox } from "@/server/inbox/boxes";
import { inboxCounters } from "@/server/inbox/counters";
import { myDay } from "../../incoming/today";
import { permissionProcedure, router } from "../trpc";

export const inboxRouter = router({
  list: permissionProcedure("incoming.read")
    .input(listInboxInput)
    .query(({ ctx, input }) => listInbox(ctx.db, ctx.actor, input)),

  clerkBox: permissionProcedure("incoming.receive")
    .input(clerkBoxInput)
    .query(({ ctx, input }) => listClerkBox(ctx.db, ctx.actor, input)),

  counters: permissionProcedure("incoming.read").query(({ ctx }) =>
    inboxCounters(ctx.db, ctx.actor),
  ),

  today: permissionProcedure("incoming.read").query(({ ctx }) => myDay(ctx.db, ctx.actor)),
});
