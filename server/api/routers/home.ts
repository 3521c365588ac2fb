import { myAgenda } from "../../home/agenda";
import { memberProcedure, router } from "../trpc";

export const homeRouter = router({
  /** Today's schedule, meetings, tasks due and notices to read, for the home page. */
  agenda: memberProcedure.query(({ ctx }) => myAgenda(ctx.db, ctx.actor)),
});
