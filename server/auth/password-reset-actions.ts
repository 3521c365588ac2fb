"use server";

import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { passwordResetInput, passwordResetRequestInput } from "@/lib/schemas/mail";
import { AppError, type FieldError } from "../errors";
import { parseLocale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { zodFieldErrors } from "../zod-errors";
import { completePasswordReset, requestPasswordReset } from "./password-reset";

export type ResetState =
  { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

async function failure(
  messageKey: string,
  errors: Record<string, FieldError[]> = {},
): Promise<ResetState> {
  const locale = parseLocale(await getLocale());
  return {
    ok: false,
    message: translate(locale, messageKey),
    fieldErrors: Object.fromEntries(
      Object.entries(errors).map(([f, errs]) => [
        f,
        translate(locale, errs[0]!.key, errs[0]!.params),
      ]),
    ),
  };
}

/** "Quên mật khẩu?": the same answer whether or not the account exists. */
export async function requestPasswordResetAction(input: unknown): Promise<ResetState> {
  const parsed = passwordResetRequestInput.safeParse(input);
  if (!parsed.success) return failure("errors.validation", zodFieldErrors(parsed.error));
  await requestPasswordReset(getDb(), parsed.data);
  return { ok: true };
}

/** The new password chosen from a mailed link. */
export async function completePasswordResetAction(input: unknown): Promise<ResetState> {
  const parsed = passwordResetInput.safeParse(input);
  if (!parsed.success) return failure("errors.validation", zodFieldErrors(parsed.error));
  try {
    await completePasswordReset(getDb(), parsed.data);
  } catch (error) {
    if (error instanceof AppError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
  return { ok: true };
}
