import { z } from "zod";
import { daysBetween } from "../dates";
import { dayField } from "./fields";

/** Six weeks and a little: a month view with its leading and trailing days. */
export const MAX_CALENDAR_DAYS = 45;

/** A person's calendar from one day to another, both included, as the views ask for it. */
export const calendarRangeInput = z
  .object({ from: dayField, to: dayField })
  .superRefine((v, ctx) => {
    if (!dayField.safeParse(v.from).success || !dayField.safeParse(v.to).success) return;
    if (v.from > v.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "calendar.errors.rangeOrder" });
    } else if (daysBetween(v.from, v.to) + 1 > MAX_CALENDAR_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "calendar.errors.rangeTooLong" });
    }
  });

export type CalendarRangeInput = z.infer<typeof calendarRangeInput>;
