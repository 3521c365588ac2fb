import {
  createRecipientGroupInput,
  deleteRecipientGroupInput,
  describeRecipientsInput,
  recipientBranchInput,
  recipientSearchInput,
  updateRecipientGroupInput,
} from "@/lib/schemas/recipients";
import {
  describeRecipients,
  listRecipientBranch,
  searchRecipients,
} from "../../org/recipient-directory";
import {
  createRecipientGroup,
  deleteRecipientGroup,
  listRecipientGroups,
  updateRecipientGroup,
} from "../../outgoing/recipient-groups";
import { permissionProcedure, router } from "../trpc";

/** The "Kính gửi" of a draft: the organisation tree and the organisation's recipient groups. */
export const recipientsRouter = router({
  search: permissionProcedure("outgoing.draft")
    .input(recipientSearchInput)
    .query(({ ctx, input }) => searchRecipients(ctx.db, ctx.actor, input)),

  branch: permissionProcedure("outgoing.draft")
    .input(recipientBranchInput)
    .query(({ ctx, input }) => listRecipientBranch(ctx.db, ctx.actor, input)),

  describe: permissionProcedure("outgoing.draft")
    .input(describeRecipientsInput)
    .query(({ ctx, input }) => describeRecipients(ctx.db, ctx.actor, input)),

  groups: permissionProcedure("outgoing.draft").query(({ ctx }) =>
    listRecipientGroups(ctx.db, ctx.actor),
  ),

  createGroup: permissionProcedure("outgoing.issue")
    .input(createRecipientGroupInput)
    .mutation(({ ctx, input }) => createRecipientGroup(ctx.db, ctx.actor, input)),

  updateGroup: permissionProcedure("outgoing.issue")
    .input(updateRecipientGroupInput)
    .mutation(({ ctx, input }) => updateRecipientGroup(ctx.db, ctx.actor, input)),

  deleteGroup: permissionProcedure("outgoing.issue")
    .input(deleteRecipientGroupInput)
    .mutation(({ ctx, input }) => deleteRecipientGroup(ctx.db, ctx.actor, input)),
});
