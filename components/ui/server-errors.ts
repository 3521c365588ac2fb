"use client";

import { notifications } from "@mantine/notifications";

type ErrorData = { data?: { fieldErrors?: Record<string, string[]>; appCode?: string | null } };

/** The first translated message for each field the server refused. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as ErrorData)?.data?.fieldErrors ?? {};
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, msgs]) => msgs.length > 0)
      .map(([field, msgs]) => [field, msgs[0]!]),
  );
}

export const appCodeOf = (error: unknown) => (error as ErrorData)?.data?.appCode ?? null;

/** The server's message is already translated into the user's language. */
export function messageOf(error: unknown, fallback: string): string {
  const message = (error as { message?: string })?.message;
  return message && !message.startsWith("errors.") && !/fetch/i.test(message) ? message : fallback;
}

export type FormLike = { setErrors: (errors: Record<string, string>) => void };

/**
 * Shows a refused request where the user will look: field errors on the form's fields, and
 * the overall message in a red notification.
 */
export function showServerError(error: unknown, fallback: string, form?: FormLike) {
  const fields = fieldErrorsOf(error);
  if (form && Object.keys(fields).length > 0) form.setErrors(fields);
  notifications.show({
    color: "red",
    title: undefined,
    message: messageOf(error, fallback),
    autoClose: 8000,
  });
}
