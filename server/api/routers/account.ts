import { actorActions } from "../../authz/actor";
import { memberProcedure, router } from "../trpc";

export const accountRouter = router({
  /** Who the user is, where they work, and what they may do (the UI offers only that). */
  me: memberProcedure.query(({ ctx }) => ({ ...ctx.actor, actions: actorActions(ctx.actor) })),
});
