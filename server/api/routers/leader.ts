import {
  createDelegationInput,
  revokeDelegationInput,
  savePhrasesInput,
} from "@/lib/schemas/delegation";
import {
  createDelegation,
  delegateCandidates,
  listDelegations,
  revokeDelegation,
} from "../../incoming/delegation";
import { listPhrases, savePhrases } from "../../incoming/phrases";
import { permissionProcedure, router } from "../trpc";

/** What a leader keeps for their own directing: delegations while away, preset phrases. */
export const leaderRouter = router({
  delegations: permissionProcedure("incoming.direct").query(({ ctx }) =>
    listDelegations(ctx.db, ctx.actor),
  ),
  delegateCandidates: permissionProcedure("incoming.direct").query(({ ctx }) =>
    delegateCandidates(ctx.db, ctx.actor),
  ),
  delegate: permissionProcedure("incoming.direct")
    .input(createDelegationInput)
    .mutation(({ ctx, input }) => createDelegation(ctx.db, ctx.actor, input)),
  revokeDelegation: permissionProcedure("incoming.direct")
    .input(revokeDelegationInput)
    .mutation(({ ctx, input }) => revokeDelegation(ctx.db, ctx.actor, input)),
  phrases: permissionProcedure("incoming.direct").query(({ ctx }) =>
    listPhrases(ctx.db, ctx.actor),
  ),
  savePhrases: permissionProcedure("incoming.direct")
    .input(savePhrasesInput)
    .mutation(({ ctx, input }) => savePhrases(ctx.db, ctx.actor, input)),
});
