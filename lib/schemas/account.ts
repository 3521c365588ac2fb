import { z } from "zod";

/** At least 10 characters with a letter and a digit; at most 128. */
export const newPasswordSchema = z
  .string()
  .max(128)
  .refine((p) => p.length >= 10 && /\p{L}/u.test(p) && /\d/.test(p), {
    message: "auth.passwordRule",
  });

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().min(1).max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "auth.passwordMismatch",
  });
