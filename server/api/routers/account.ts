import { actorActions } from "../../authz/actor";
import { getWorkplace } from "../../org/workplace";
import { memberProcedure, router } from "../trpc";

export const accountRouter = router({
  /** Who the user is, where they work, and what they may do (the UI offers only that). */
  me: memberProcedure.meta({ temporaryPasswordOk: true }).query(({ ctx }) => ({
    ...ctx.actor,
    actions: ctx.actor.mustChangePassword ? [] : actorActions(ctx.actor),
  })),

  /** The user's organisation and its parents, for the home page. */
  workplace: memberProcedure.query(({ ctx }) => getWorkplace(ctx.db, ctx.actor)),
});
