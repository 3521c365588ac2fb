import { z } from "zod";
import { sentListInput } from "@/lib/schemas/delivery";
import { idField, versionField } from "@/lib/schemas/fields";
import { deliveriesOf, remindDelivery, remindLate, resendDelivery } from "../../delivery/status";
import { replacementCandidates } from "../../delivery/replace";
import { lateSentCount, sentDocuments } from "../../delivery/sent";
import { permissionProcedure, router } from "../trpc";

const deliveryRef = z.object({ deliveryId: idField, version: versionField });

export const deliveryRouter = router({
  /** Each recipient of an issued document, its status, times and the history of its reports. */
  list: permissionProcedure("outgoing.approve")
    .input(z.object({ documentId: idField }))
    .query(({ ctx, input }) => deliveriesOf(ctx.db, ctx.actor, input.documentId)),

  /** The organisation's documents sent to others, newest first, with how far each recipient got. */
  sent: permissionProcedure("outgoing.approve")
    .input(sentListInput)
    .query(({ ctx, input }) => sentDocuments(ctx.db, ctx.actor, input)),

  /** How many sent documents have a recipient late to register them: the count on the tab. */
  lateCount: permissionProcedure("outgoing.approve").query(({ ctx }) =>
    lateSentCount(ctx.db, ctx.actor),
  ),

  /** The organisation's issued documents one of which may replace this one. */
  replacements: permissionProcedure("outgoing.issue")
    .input(z.object({ documentId: idField }))
    .query(({ ctx, input }) => replacementCandidates(ctx.db, ctx.actor, input.documentId)),

  /** Reminds a recipient's clerks of a document still waiting to be registered. */
  remind: permissionProcedure("outgoing.issue")
    .input(deliveryRef)
    .mutation(({ ctx, input }) => remindDelivery(ctx.db, ctx.actor, input)),

  /** Reminds every recipient that has left the document unregistered past a working day. */
  remindLate: permissionProcedure("outgoing.issue")
    .input(z.object({ documentId: idField }))
    .mutation(({ ctx, input }) => remindLate(ctx.db, ctx.actor, input)),

  /** Sends the document again to a recipient that refused it. */
  resend: permissionProcedure("outgoing.issue")
    .input(deliveryRef)
    .mutation(({ ctx, input }) => resendDelivery(ctx.db, ctx.actor, input)),
});
