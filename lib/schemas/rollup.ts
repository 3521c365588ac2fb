import { z } from "zod";
import { monthField } from "./fields";
import { orgLevels } from "./org-tree";

/** Three years of months at most: enough to compare a year with the two before it. */
export const MAX_ROLLUP_MONTHS = 36;

/** Months from one `yyyy-MM` to another, both included (0 or less when `to` comes first). */
export const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  (Number(to.slice(5, 7)) - Number(from.slice(5, 7))) +
  1;

/** The roll-up of a parent's subtree: a range of whole months, optionally one level of it. */
export const rollupInput = z
  .object({ from: monthField, to: monthField, level: z.enum(orgLevels).nullish() })
  .superRefine((v, ctx) => {
    // An unreadable month has its own error already; the range is judged only between two months.
    if (!monthField.safeParse(v.from).success || !monthField.safeParse(v.to).success) return;
    if (v.from > v.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "rollup.errors.rangeOrder" });
    } else if (monthsBetween(v.from, v.to) > MAX_ROLLUP_MONTHS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "rollup.errors.rangeTooLong" });
    }
  });

export type RollupInput = z.infer<typeof rollupInput>;
