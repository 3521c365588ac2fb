/**
 * What a person's calendar shows, whatever it comes from: a weekly-schedule entry, a meeting,
 * a task's or a document's deadline. Each area answers the items of one person in a time range;
 * the calendar view and the ICS feed put them together.
 */
export type CalendarItemKind = "schedule" | "meeting" | "task" | "document";

export type CalendarItem = {
  /** Unique across kinds and occurrences (e.g. `meeting:<id>:<occurrence start ISO>`). */
  id: string;
  kind: CalendarItemKind;
  title: string;
  /** ISO 8601 instants; an all-day item starts at 00:00 in Asia/Ho_Chi_Minh. */
  start: string;
  end: string;
  allDay: boolean;
  location: string | null;
  /** The page that shows it. */
  href: string;
  /** For meetings: the person's answer to the invitation. */
  response?: "pending" | "accepted" | "declined";
  /** For tasks and documents past their deadline, and cancelled occurrences. */
  state?: "overdue" | "cancelled" | "changed";
  /** A secret document's: its title stays in the application (feeds show a generic one). */
  restricted?: boolean;
};

/** A half-open range [from, to) of instants, at most a few months long. */
export type CalendarRange = { from: Date; to: Date };
