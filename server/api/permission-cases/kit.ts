// What the permission cases share: the ids of the other organisation's records the test makes,
// the shape of a case, and inputs several cases use.
import type { Action } from "@/lib/permissions";

export type Ids = {
  orgs: Record<string, string>;
  users: Record<string, string>;
  hlUnit: string;
  hlDocument: string;
  dcUnit: string;
  hlTemplate: string;
  hlGroup: string;
  hlSheet: string;
  hlMeeting: string;
  hlRoom: string;
  hlBooking: string;
  hlTask: string;
};

export type Case = {
  /** null: any signed-in member may call it. */
  permission: Action | null;
  input: (ids: Ids) => unknown;
  /** An input naming another organisation's records, or why the procedure has none. */
  otherOrganisation: ((ids: Ids) => unknown) | { none: string };
};

export const strongPassword = "MatKhauMoi2026";
export const deploymentWide = { none: "deployment-wide: acts on the whole organisation tree" };

export const meetingDay = { day: "2030-03-04", startTime: "09:00", endTime: "10:00" };
export const meetingTimes = { ...meetingDay, recurrence: { kind: "none" } };
export const meetingFormInput = (roomId: string | null) => ({
  title: "Họp thử",
  agenda: "",
  ...meetingTimes,
  roomId,
  locationText: null,
  participantIds: [],
});
