"use client";

import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconInfoCircle } from "@tabler/icons-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { signInAction, type SignInState } from "@/server/auth/actions";

export function SignInForm({
  sessionEnded,
  redirectTo,
}: {
  sessionEnded: boolean;
  redirectTo: string;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const [error, setError] = useState<SignInState["error"]>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm({
    initialValues: { login: "", password: "" },
    validate: {
      login: (v) => (v.trim() ? null : t("validation.required")),
      password: (v) => (v ? null : t("validation.required")),
    },
  });

  const submit = form.onSubmit((values) =>
    startTransition(async () => {
      setError(null);
      const result = await signInAction(values.login, values.password, redirectTo);
      if (result?.error) {
        setError(result.error);
        form.setFieldValue("password", "");
      }
    }),
  );

  let message: string | null = null;
  if (error === "invalid") message = t("auth.invalid");
  else if (error === "inactive") message = t("auth.inactive");
  else if (error && typeof error === "object") {
    const until = new Date(error.locked);
    message = t("auth.locked", {
      time: format.dateTime(until, { hour: "2-digit", minute: "2-digit" }),
      date: format.dateTime(until, { day: "2-digit", month: "2-digit", year: "numeric" }),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {sessionEnded && !message && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
            {t("auth.sessionEnded")}
          </Alert>
        )}
        {message && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle />}
            role="alert"
            data-testid="sign-in-error"
          >
            {message}
          </Alert>
        )}
        <TextInput
          label={t("auth.login")}
          autoComplete="username"
          autoCapitalize="none"
          required
          maxLength={200}
          {...form.getInputProps("login")}
        />
        <PasswordInput
          label={t("auth.password")}
          autoComplete="current-password"
          required
          maxLength={200}
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={pending} fullWidth size="md">
          {t("auth.submit")}
        </Button>
      </Stack>
    </form>
  );
}
