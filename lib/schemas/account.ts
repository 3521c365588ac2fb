import { z } from "zod";
import { secretText, textField } from "./fields";

/** A username or e-mail typed at sign-in; anything else is simply an unknown user. */
export const signInLoginField = textField({ min: 1, max: 200 }).transform((v) => v.toLowerCase());

/** At least 10 characters with a letter and a digit; at most 128. */
export const newPasswordSchema = secretText(128).refine(
  (p) => p.length >= 10 && /\p{L}/u.test(p) && /\d/.test(p),
  {
    message: "auth.passwordRule",
  },
);

export const changePasswordInput = z
  .object({
    currentPassword: secretText(200),
    newPassword: newPasswordSchema,
    confirmPassword: secretText(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "auth.passwordMismatch",
  });
