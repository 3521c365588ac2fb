import {
  addScheduleEntryInput,
  copyPreviousWeekInput,
  removeScheduleEntryInput,
  scheduleActionRequest,
  schedulePrefillInput,
  scheduleWeekInput,
  updateScheduleEntryInput,
} from "@/lib/schemas/schedule";
import {
  addScheduleEntry,
  copyPreviousWeek,
  removeScheduleEntry,
  updateScheduleEntry,
} from "../../schedule/entries";
import { createScheduleSheet, getScheduleWeek } from "../../schedule/sheets";
import { schedulePrefill } from "../../schedule/sources";
import { applyScheduleAction } from "../../schedule/workflow";
import { permissionProcedure, router } from "../trpc";

/** The weekly work schedule: a week's sheet, its entries, and its way to publication. */
export const scheduleRouter = router({
  week: permissionProcedure("schedule.read")
    .input(scheduleWeekInput)
    .query(({ ctx, input }) => getScheduleWeek(ctx.db, ctx.actor, input)),

  createSheet: permissionProcedure("schedule.draft")
    .input(scheduleWeekInput)
    .mutation(({ ctx, input }) => createScheduleSheet(ctx.db, ctx.actor, input)),

  /** The entry an invitation or a meeting occurrence suggests, and the week it falls in. */
  prefill: permissionProcedure("schedule.draft")
    .input(schedulePrefillInput)
    .query(({ ctx, input }) => schedulePrefill(ctx.db, ctx.actor, input.source)),

  addEntry: permissionProcedure("schedule.draft")
    .input(addScheduleEntryInput)
    .mutation(({ ctx, input }) => addScheduleEntry(ctx.db, ctx.actor, input)),

  updateEntry: permissionProcedure("schedule.draft")
    .input(updateScheduleEntryInput)
    .mutation(({ ctx, input }) => updateScheduleEntry(ctx.db, ctx.actor, input)),

  removeEntry: permissionProcedure("schedule.draft")
    .input(removeScheduleEntryInput)
    .mutation(({ ctx, input }) => removeScheduleEntry(ctx.db, ctx.actor, input)),

  copyPreviousWeek: permissionProcedure("schedule.draft")
    .input(copyPreviousWeekInput)
    .mutation(({ ctx, input }) => copyPreviousWeek(ctx.db, ctx.actor, input)),

  /** Submit, publish or return: each action's own permission is checked by the engine. */
  act: permissionProcedure("schedule.read")
    .input(scheduleActionRequest)
    .mutation(({ ctx, input }) => applyScheduleAction(ctx.db, ctx.actor, input)),
});
