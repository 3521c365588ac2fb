import { z } from "zod";
import { daysBetween } from "../dates";
import { dayField, idField, versionField } from "./fields";

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

/** A calendar one subscribes to: one's own, or a weekly schedule (the leadership's without a unit). */
export const feedRef = z
  .object({ scope: z.enum(["mine", "schedule"]), unitId: idField.nullish() })
  .refine((v) => v.scope === "schedule" || !v.unitId, {
    path: ["unitId"],
    message: "calendar.errors.unitOnlyForSchedule",
  });
export type FeedRef = z.infer<typeof feedRef>;

export const renewFeedInput = z.intersection(
  feedRef,
  z.object({ version: versionField.nullable() }),
);
export const revokeFeedInput = z.intersection(feedRef, z.object({ version: versionField }));
