import { z } from "zod";
import { dayField, idField, optionalText, requiredText } from "./fields";

export const createDelegationInput = z.object({
  toUserId: idField,
  startsOn: dayField,
  endsOn: dayField,
  note: optionalText(500, { multiline: true }),
});
export type CreateDelegationInput = z.input<typeof createDelegationInput>;

export const revokeDelegationInput = z.object({ id: idField });

/** A leader's preset phrase for directions (ý kiến mẫu). */
export const phraseText = requiredText(500, { multiline: true });
export const savePhrasesInput = z.object({ phrases: z.array(phraseText).max(30) });
