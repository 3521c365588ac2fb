"use client";

import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconMailCheck } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { requestPasswordResetAction } from "@/server/auth/password-reset-actions";

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export function ForgotPasswordForm() {
  const t = useTranslations();
  const [sent, setSent] = useState(false);
  const [pending, startTransition] = useTransition();
  const form = useForm({
    initialValues: { login: "" },
    validate: { login: (v) => (v.trim() ? null : t("validation.required")) },
  });
  const submit = form.onSubmit((values) =>
    startTransition(async () => {
      const result = await requestPasswordResetAction(values);
      if (result.ok) setSent(true);
      else form.setErrors(result.fieldErrors);
    }),
  );
  const back = (
    <Anchor component={Link} href="/sign-in" size="sm" ta="center">
      {t("auth.backToSignIn")}
    </Anchor>
  );
  if (sent) {
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" icon={<IconMailCheck />} data-testid="forgot-sent">
          {t("auth.forgotSent")}
        </Alert>
        {back}
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t("auth.forgotLogin")}
          autoComplete="username"
          autoCapitalize="none"
          required
          maxLength={254}
          {...form.getInputProps("login")}
        />
        <Button type="submit" loading={pending} fullWidth>
          {t("auth.forgotSubmit")}
        </Button>
        {back}
      </Stack>
    </form>
  );
}
