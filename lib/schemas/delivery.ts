import { z } from "zod";
import { cursorField, pageLimit } from "./fields";

/**
 * The sender's documents sent to other organisations, narrowed to those with a recipient still
 * to register, one late past a working day, or one that refused.
 */
export const sentFilters = ["all", "waiting", "late", "refused"] as const;
export type SentFilter = (typeof sentFilters)[number];

export const sentListInput = z.object({
  filter: z.enum(sentFilters).default("all"),
  cursor: cursorField,
  limit: pageLimit(100, 30),
});
export type SentListInput = z.infer<typeof sentListInput>;
