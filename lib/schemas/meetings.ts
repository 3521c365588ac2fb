import { z } from "zod";
import { MAX_OCCURRENCES, MAX_PARTICIPANTS, TIME_OF_DAY, weekdays } from "../meetings";
import {
  dayField,
  idField,
  int32Field,
  optionalText,
  requiredText,
  textField,
  versionField,
} from "./fields";

/** A wall-clock time `HH:mm` in Vietnam. */
export const timeOfDayField = textField({ max: 5 }).refine((v) => TIME_OF_DAY.test(v), {
  message: "meetings.errors.timeFormat",
});

/** When a meeting (or its first occurrence) takes place: a day and two times in Vietnam. */
const whenFields = {
  day: dayField,
  startTime: timeOfDayField,
  endTime: timeOfDayField,
};

export const recurrenceChoiceField = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({
    kind: z.enum(["daily", "weekly", "monthly"]),
    days: z.array(z.enum(weekdays)).max(7).optional(),
    end: z.union([
      z.object({ count: int32Field({ min: 1, max: MAX_OCCURRENCES }) }),
      z.object({ until: dayField }),
    ]),
  }),
]);

/** The room, or a place written out, or neither. */
const placeFields = {
  roomId: idField.nullable(),
  locationText: optionalText(200),
};

const meetingFields = {
  title: requiredText(300),
  agenda: textField({ max: 5000, multiline: true }).default(""),
  ...whenFields,
  ...placeFields,
  recurrence: recurrenceChoiceField,
  participantIds: z.array(idField).max(MAX_PARTICIPANTS),
};

export const createMeetingInput = z.object(meetingFields);
export const updateMeetingInput = z.object({
  id: idField,
  version: versionField,
  ...meetingFields,
});

export const meetingIdInput = z.object({ id: idField });
export const cancelMeetingInput = z.object({
  id: idField,
  version: versionField,
  reason: optionalText(500),
});

/** One occurrence of a series, named by the start the series gives it (ISO instant). */
export const occurrenceStartField = textField({ max: 40 }).refine(
  (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
  { message: "meetings.errors.occurrenceUnknown" },
);

export const cancelOccurrenceInput = z.object({
  id: idField,
  version: versionField,
  occurrenceStart: occurrenceStartField,
});

export const moveOccurrenceInput = z.object({
  id: idField,
  version: versionField,
  occurrenceStart: occurrenceStartField,
  ...whenFields,
  ...placeFields,
  title: optionalText(300),
});

export const respondInput = z.object({
  id: idField,
  version: versionField,
  response: z.enum(["accepted", "declined"]),
});

/** The room and time a form is about to ask for, to show conflicts before it is sent. */
export const roomAvailabilityInput = z.object({
  roomId: idField,
  ...whenFields,
  recurrence: recurrenceChoiceField,
  /** The meeting being edited: its own bookings do not count. */
  meetingId: idField.nullish(),
});

export const participantsBusyInput = z.object({
  ...whenFields,
  recurrence: recurrenceChoiceField,
  participantIds: z.array(idField).max(MAX_PARTICIPANTS),
  meetingId: idField.nullish(),
});

export const roomFields = {
  name: requiredText(120),
  capacity: int32Field({ min: 1, max: 10000 }),
  equipment: z.array(requiredText(80)).max(30),
  active: z.boolean(),
};
export const createRoomInput = z.object(roomFields);
export const updateRoomInput = z.object({ id: idField, version: versionField, ...roomFields });

export const roomWeekInput = z.object({ roomId: idField, weekStart: dayField });

export const reserveRoomInput = z.object({
  roomId: idField,
  purpose: requiredText(300),
  ...whenFields,
});
export const cancelReservationInput = z.object({ id: idField, version: versionField });

export type CreateMeetingInput = z.infer<typeof createMeetingInput>;
export type UpdateMeetingInput = z.infer<typeof updateMeetingInput>;
export type CancelMeetingInput = z.infer<typeof cancelMeetingInput>;
export type CancelOccurrenceInput = z.infer<typeof cancelOccurrenceInput>;
export type MoveOccurrenceInput = z.infer<typeof moveOccurrenceInput>;
export type RespondInput = z.infer<typeof respondInput>;
export type RoomAvailabilityInput = z.infer<typeof roomAvailabilityInput>;
export type ParticipantsBusyInput = z.infer<typeof participantsBusyInput>;
export type CreateRoomInput = z.infer<typeof createRoomInput>;
export type UpdateRoomInput = z.infer<typeof updateRoomInput>;
export type RoomWeekInput = z.infer<typeof roomWeekInput>;
export type ReserveRoomInput = z.infer<typeof reserveRoomInput>;
export type CancelReservationInput = z.infer<typeof cancelReservationInput>;
export type RecurrenceChoiceInput = z.infer<typeof recurrenceChoiceField>;
