import { z } from "zod";
import { outgoingActionInput } from "@/lib/schemas/outgoing";
import { idField } from "@/lib/schemas/fields";

/**
 * Every action the outgoing workflow knows: those a client sends through `outgoing.act`, and the
 * signature and the issue, which only their own services start, with the key they unlocked
 * before the document was locked. A client cannot send these two: `act` validates with
 * `outgoingActionInput`, which does not have them.
 */
export const outgoingEngineInput = z.discriminatedUnion("action", [
  ...outgoingActionInput.options,
  z.object({ action: z.literal("sign") }),
  z.object({ action: z.literal("issue"), registryId: idField.nullish() }),
]);
export type OutgoingEngineInput = z.infer<typeof outgoingEngineInput>;
export type OutgoingEngineAction = OutgoingEngineInput["action"];
