import { z } from "zod";
import { applyIncomingActionInput, registerManyInput } from "@/lib/schemas/incoming-actions";
import { getIncomingDocument } from "../../incoming/document";
import { registerMany } from "../../incoming/register-many";
import { applyIncomingAction } from "../../incoming/workflow";
import { permissionProcedure, router } from "../trpc";

export const incomingRouter = router({
  get: permissionProcedure("incoming.read")
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getIncomingDocument(ctx.db, ctx.actor, input)),

  /** Every workflow action; the transition table decides who may take it and from which state. */
  act: permissionProcedure("incoming.read")
    .input(applyIncomingActionInput)
    .mutation(({ ctx, input }) => applyIncomingAction(ctx.db, ctx.actor, input)),

  /** The clerk registers several documents that arrived electronically, each on its own. */
  registerMany: permissionProcedure("incoming.receive")
    .input(registerManyInput)
    .mutation(({ ctx, input }) => registerMany(ctx.db, ctx.actor, input, ctx.locale)),
});
