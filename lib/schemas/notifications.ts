import { z } from "zod";
import { idField, pageLimit, serialIdField } from "./fields";

export const listNotificationsInput = z.object({
  cursor: serialIdField.nullish(),
  limit: pageLimit(50, 20),
  unreadOnly: z.boolean().optional(),
});

/** One notification, those about one document, or (neither given) all of the caller's. */
export const markNotificationsReadInput = z.object({
  id: serialIdField.optional(),
  documentId: idField.optional(),
});
