import { mailPreferencesInput } from "@/lib/schemas/mail";
import { getMailPreferences, updateMailPreferences } from "../../mail/preferences";
import { memberProcedure, router } from "../trpc";

/** Each person's own e-mail address and how they want their notifications mailed. */
export const mailRouter = router({
  preferences: memberProcedure.query(({ ctx }) => getMailPreferences(ctx.db, ctx.actor)),

  updatePreferences: memberProcedure
    .input(mailPreferencesInput)
    .mutation(({ ctx, input }) => updateMailPreferences(ctx.db, ctx.actor, input)),
});
