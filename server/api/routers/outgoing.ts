import { z } from "zod";
import { idField, int32Field } from "@/lib/schemas/fields";
import {
  draftInput,
  outgoingActionRequest,
  outgoingIssueInput,
  outgoingSignInput,
  outgoingSignManyInput,
} from "@/lib/schemas/outgoing";
import { compareDraftVersions, createDraft } from "../../outgoing/drafts";
import { getOutgoingDocument } from "../../outgoing/document";
import { cancelSignatureRequest, signatureRequestOf } from "../../outgoing/remote-requests";
import { replyStart } from "../../outgoing/reply";
import { issueSigned, signDraft, signMany } from "../../outgoing/sign-requests";
import { applyOutgoingAction } from "../../outgoing/workflow";
import { permissionProcedure, router } from "../trpc";

export const outgoingRouter = router({
  create: permissionProcedure("outgoing.draft")
    .input(draftInput)
    .mutation(({ ctx, input }) => createDraft(ctx.db, ctx.actor, input)),

  /** A new draft answering an incoming document: the link and the issuer as its addressee. */
  replyStart: permissionProcedure("outgoing.draft")
    .input(z.object({ incomingId: idField }))
    .query(({ ctx, input }) => replyStart(ctx.db, ctx.actor, input.incomingId)),

  get: permissionProcedure("outgoing.approve")
    .input(z.object({ id: idField }))
    .query(({ ctx, input }) => getOutgoingDocument(ctx.db, ctx.actor, input)),

  compare: permissionProcedure("outgoing.approve")
    .input(
      z.object({
        id: idField,
        from: int32Field({ min: 1 }),
        to: int32Field({ min: 1 }),
      }),
    )
    .query(({ ctx, input }) => compareDraftVersions(ctx.db, ctx.actor, input)),

  /** Every workflow action; the transition table decides who may take it and from which state. */
  act: permissionProcedure("outgoing.approve")
    .input(outgoingActionRequest)
    .mutation(({ ctx, input }) => applyOutgoingAction(ctx.db, ctx.actor, input)),

  /** The leader signs at the signature step with their certificate's PIN. */
  sign: permissionProcedure("outgoing.approve")
    .input(outgoingSignInput)
    .mutation(({ ctx, input }) => signDraft(ctx.db, ctx.actor, input)),

  /** Batch signing: one PIN, each document checked, signed and recorded on its own. */
  signMany: permissionProcedure("outgoing.approve")
    .input(outgoingSignManyInput)
    .mutation(({ ctx, input }) => signMany(ctx.db, ctx.actor, input, ctx.locale)),

  /**
   * The leader's request to a remote signing service on this document, collected first: waiting
   * for their approval on the phone, declined, lapsed or overtaken by an edit. Null when none.
   */
  signatureRequest: permissionProcedure("outgoing.approve")
    .input(z.object({ documentId: idField }))
    .query(({ ctx, input }) => signatureRequestOf(ctx.db, ctx.actor, input.documentId, ctx.locale)),

  /** The leader withdraws their waiting request; an approval arriving later finishes nothing. */
  cancelSignatureRequest: permissionProcedure("outgoing.approve")
    .input(z.object({ documentId: idField }))
    .mutation(({ ctx, input }) => cancelSignatureRequest(ctx.db, ctx.actor, input.documentId)),

  /** A clerk numbers, seals (with the seal's PIN) and issues a signed document. */
  issue: permissionProcedure("outgoing.issue")
    .input(outgoingIssueInput)
    .mutation(({ ctx, input }) => issueSigned(ctx.db, ctx.actor, input)),
});
