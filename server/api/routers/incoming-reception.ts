import {
  checkDuplicateInput,
  issuerChoicesInput,
  receiveDocumentInput,
} from "@/lib/schemas/incoming";
import { listIssuerChoices } from "../../incoming/issuers";
import { checkDuplicate, receiveDocument } from "../../incoming/receive";
import { permissionProcedure, router } from "../trpc";

/** Reception of incoming documents by the clerk; mounted as `reception`. */
export const incomingReceptionRouter = router({
  receive: permissionProcedure("incoming.receive")
    .input(receiveDocumentInput)
    .mutation(({ ctx, input }) => receiveDocument(ctx.db, ctx.actor, input)),

  checkDuplicate: permissionProcedure("incoming.receive")
    .input(checkDuplicateInput)
    .query(({ ctx, input }) => checkDuplicate(ctx.db, ctx.actor, input)),

  issuers: permissionProcedure("incoming.receive")
    .input(issuerChoicesInput)
    .query(({ ctx, input }) => listIssuerChoices(ctx.db, ctx.actor, input)),
});
