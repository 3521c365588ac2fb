import { z } from "zod";
import { documentTypeKeys, urgencies } from "@/lib/documents";
import { cursorField, dayField, int32Field, textField } from "./fields";
import { pageLimitField } from "./inbox";

/** The statuses of an incoming document (db/schema/documents.ts `document_status`). */
export const incomingStatuses = [
  "received",
  "registered",
  "presented",
  "in_progress",
  "returned",
  "completed",
  "returned_to_sender",
  /** Recalled by its sender, who asked and whose request the clerk accepted. */
  "recalled",
] as const;
export type IncomingStatus = (typeof incomingStatuses)[number];

/** The statuses of an outgoing document, from draft to issued. */
export const outgoingStatuses = [
  "draft",
  "on_route",
  "returned_to_drafter",
  "signed",
  "issued",
  "refused",
] as const;
export type OutgoingStatus = (typeof outgoingStatuses)[number];

/** Every status of `document_status`, in the order of the database enum. */
export const documentStatuses = [...incomingStatuses, ...outgoingStatuses] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const searchDocumentsInput = z
  .object({
    /** Words, a number and notation ("15/QĐ-UBND") or part of one; diacritics are ignored. */
    q: textField({ max: 200 }).nullish(),
    /** Arrival date range, both ends included. */
    from: dayField.nullish(),
    to: dayField.nullish(),
    type: z.enum(documentTypeKeys).nullish(),
    /** Part of the issuing body's name, diacritics and case ignored. */
    issuer: textField({ max: 255 }).nullish(),
    status: z.enum(incomingStatuses).nullish(),
    urgency: z.enum(urgencies).nullish(),
    cursor: cursorField,
    limit: pageLimitField,
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, {
    path: ["to"],
    message: "search.dateRange",
  });

export type SearchDocumentsInput = z.infer<typeof searchDocumentsInput>;

/** Documents to link a task to, by number, notation or words of the subject. */
export const linkableDocumentsInput = z.object({
  q: textField({ max: 200 }),
  limit: int32Field({ min: 1, max: 50 }).default(20),
});
