import { z } from "zod";
import { isRealIsoWeek, scheduleSessions } from "../schedule";
import {
  dayField,
  idField,
  int32Field,
  optionalText,
  requiredText,
  textField,
  versionField,
} from "./fields";
import { occurrenceStartField } from "./meetings";

export const SCHEDULE_CONTENT_MAX = 2000;
export const SCHEDULE_PARTICIPANTS_MAX = 100;

/** A time of day `HH:mm`, 00:00 to 23:59. */
const timeField = textField({ max: 5 }).superRefine((v, ctx) => {
  if (!/^\d{2}:\d{2}$/.test(v)) {
    ctx.addIssue({ code: "custom", message: "schedule.errors.timeFormat" });
  } else if (Number(v.slice(0, 2)) > 23 || Number(v.slice(3, 5)) > 59) {
    ctx.addIssue({ code: "custom", message: "schedule.errors.timeNotReal" });
  }
});

/** Which sheet: the leadership's (no unit) or a unit's, for one ISO week. */
export const scheduleWeekInput = z
  .object({
    unitId: idField.nullable(),
    year: int32Field({ min: 2000, max: 2100 }),
    week: int32Field({ min: 1, max: 53 }),
  })
  .superRefine((v, ctx) => {
    if (!isRealIsoWeek(v)) {
      ctx.addIssue({ code: "custom", path: ["week"], message: "schedule.errors.weekNotReal" });
    }
  });

export const scheduleSheetIdInput = z.object({ id: idField });

const entryFields = z.object({
  day: dayField,
  /** Left out, it follows the start time (before noon: morning). */
  session: z.enum(scheduleSessions).nullish(),
  startTime: timeField,
  endTime: timeField.nullish().transform((v) => v || null),
  content: requiredText(SCHEDULE_CONTENT_MAX, { multiline: true }),
  chairUserId: idField.nullish(),
  chairText: optionalText(200),
  participantUserIds: z.array(idField).max(SCHEDULE_PARTICIPANTS_MAX).default([]),
  participantUnitIds: z.array(idField).max(SCHEDULE_PARTICIPANTS_MAX).default([]),
  participantText: optionalText(1000, { multiline: true }),
  location: optionalText(300),
  preparingUnitId: idField.nullish(),
  preparingText: optionalText(300),
  notes: optionalText(1000, { multiline: true }),
});

type EntryShape = z.infer<typeof entryFields>;

/** Rules across fields, checked once each field is valid on its own. */
function entryRules(v: EntryShape, ctx: z.RefinementCtx) {
  if (v.endTime && v.startTime && v.endTime <= v.startTime) {
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "schedule.errors.endBeforeStart" });
  }
  if (v.chairUserId && v.chairText) {
    ctx.addIssue({ code: "custom", path: ["chairText"], message: "schedule.errors.chairOneOnly" });
  }
  if (v.preparingUnitId && v.preparingText) {
    ctx.addIssue({
      code: "custom",
      path: ["preparingText"],
      message: "schedule.errors.preparingOneOnly",
    });
  }
}

export const scheduleEntryInput = entryFields.superRefine(entryRules);

/**
 * What an entry is made from: an incoming document (an invitation, giấy mời), or one occurrence
 * of a meeting, named by the start its series gives it.
 */
export const scheduleEntrySource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("document"), id: idField }),
  z.object({ kind: z.literal("meeting"), id: idField, occurrenceStart: occurrenceStartField }),
]);

export const addScheduleEntryInput = entryFields
  .extend({ sheetId: idField, sheetVersion: versionField, source: scheduleEntrySource.nullish() })
  .superRefine(entryRules);

/** The entry an invitation or a meeting suggests, and the week it falls in. */
export const schedulePrefillInput = z.object({ source: scheduleEntrySource });

export const updateScheduleEntryInput = entryFields
  .extend({ id: idField, version: versionField })
  .superRefine(entryRules);

export const removeScheduleEntryInput = z.object({ id: idField, version: versionField });

/** Starts an empty draft from the entries of the week before, moved seven days on. */
export const copyPreviousWeekInput = z.object({ sheetId: idField, sheetVersion: versionField });

export const scheduleActionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("submit") }),
  z.object({ action: z.literal("publish") }),
  z.object({ action: z.literal("return"), reason: requiredText(1000, { multiline: true }) }),
]);

export const scheduleActionRequest = z.object({
  id: idField,
  version: versionField,
  input: scheduleActionInput,
});

export type ScheduleWeekInput = z.infer<typeof scheduleWeekInput>;
export type ScheduleEntryInput = z.infer<typeof scheduleEntryInput>;
export type AddScheduleEntryInput = z.infer<typeof addScheduleEntryInput>;
export type ScheduleEntrySource = z.infer<typeof scheduleEntrySource>;
export type UpdateScheduleEntryInput = z.infer<typeof updateScheduleEntryInput>;
export type RemoveScheduleEntryInput = z.infer<typeof removeScheduleEntryInput>;
export type CopyPreviousWeekInput = z.infer<typeof copyPreviousWeekInput>;
export type ScheduleActionInput = z.infer<typeof scheduleActionInput>;
export type ScheduleActionRequest = z.infer<typeof scheduleActionRequest>;
