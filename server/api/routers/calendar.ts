import { calendarRangeInput } from "@/lib/schemas/calendar";
import { myCalendar } from "../../calendar/calendar";
import { permissionProcedure, router } from "../trpc";

export const calendarRouter = router({
  /** The person's schedule entries, meetings and deadlines between two days. */
  items: permissionProcedure("calendar.read")
    .input(calendarRangeInput)
    .query(({ ctx, input }) => myCalendar(ctx.db, ctx.actor, input)),
});
