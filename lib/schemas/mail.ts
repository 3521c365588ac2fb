import { z } from "zod";
import { int32Field, optionalText, secretText, textField } from "./fields";
import { newPasswordSchema } from "./account";

export const mailModes = ["immediate", "digest", "never"] as const;
export type MailMode = (typeof mailModes)[number];

const emailField = optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, {
  message: "validation.email",
});

/** A person's own e-mail settings; version 0 when they never saved them. */
export const mailPreferencesInput = z.object({
  mode: z.enum(mailModes),
  email: emailField,
  version: int32Field({ min: 0 }),
});
export type MailPreferencesInput = z.infer<typeof mailPreferencesInput>;

/** The forgotten-password form: a username or an e-mail address. */
export const passwordResetRequestInput = z.object({ login: textField({ min: 1, max: 254 }) });

export const passwordResetInput = z
  .object({
    token: textField({ min: 1, max: 200 }),
    newPassword: newPasswordSchema,
    confirmPassword: secretText(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "auth.passwordMismatch",
  });
