import { z } from "zod";
import { cursorField, pageLimit } from "./fields";

/** A person's boxes: `info` shows the unread documents first, then the read ones. */
export const inboxBoxes = ["to_direct", "to_handle", "to_review", "handled", "info"] as const;
export type InboxBox = (typeof inboxBoxes)[number];

/**
 * A person's boxes of outgoing documents, in the order of their day: to sign, to review (review
 * mark or format check), to number and seal (clerks), sent back to me, my drafts.
 */
export const outgoingBoxes = [
  "to_sign",
  "draft_review",
  "to_issue",
  "draft_returned",
  "drafting",
] as const;
export type OutgoingBox = (typeof outgoingBoxes)[number];

/** Due soon: the deadline falls within the next 3 days (today included); overdue: it has passed. */
export const inboxFilters = ["due_soon", "overdue", "returned"] as const;
export type InboxFilter = (typeof inboxFilters)[number];

/**
 * The clerk's boxes, kept on the document itself rather than per person, one per status: the
 * clerk's own work first (to register, to present, returned by the leader, waiting at the
 * leader), then the documents that have left the clerk's hands.
 */
export const clerkBoxes = [
  "to_register",
  "to_present",
  "returned",
  "at_leader",
  "in_progress",
  "returned_to_sender",
  "completed",
  "recalled",
] as const;
export type ClerkBox = (typeof clerkBoxes)[number];

export const pageLimitField = pageLimit(100, 50);

export const listInboxInput = z.object({
  box: z.enum([...inboxBoxes, ...outgoingBoxes]),
  filter: z.enum(inboxFilters).nullish(),
  cursor: cursorField,
  limit: pageLimitField,
});

export const clerkBoxInput = z.object({
  box: z.enum(clerkBoxes),
  cursor: cursorField,
  limit: pageLimitField,
});

export type ListInboxInput = z.infer<typeof listInboxInput>;
export type ClerkBoxInput = z.infer<typeof clerkBoxInput>;
