"use client";

import { Alert, Anchor, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { completePasswordResetAction } from "@/server/auth/password-reset-actions";

/** The new password, from the link in the reset mail. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const t = useTranslations();
  const [done, setDone] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm({
    initialValues: { newPassword: "", confirmPassword: "" },
    validate: {
      newPassword: (v) => (v ? null : t("validation.required")),
      confirmPassword: (v, values) =>
        v === values.newPassword ? null : t("auth.passwordMismatch"),
    },
  });
  const back = (
    <Anchor component={Link} href="/sign-in" size="sm" ta="center">
      {t("auth.backToSignIn")}
    </Anchor>
  );
  if (!token) {
    return (
      <Stack gap="md">
        <Alert color="red" variant="light" icon={<IconAlertCircle />}>
          {t("auth.resetMissingToken")}
        </Alert>
        <Anchor component={Link} href="/forgot-password" size="sm" ta="center">
          {t("auth.forgotLink")}
        </Anchor>
      </Stack>
    );
  }
  if (done) {
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" icon={<IconCircleCheck />} data-testid="reset-done">
          {t("auth.resetDone")}
        </Alert>
        {back}
      </Stack>
    );
  }
  const submit = form.onSubmit((values) =>
    startTransition(async () => {
      setMessage(null);
      const result = await completePasswordResetAction({ token, ...values });
      if (result.ok) {
        setDone(true);
        return;
      }
      setMessage(result.message);
      form.setErrors(result.fieldErrors);
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {message && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {message}
          </Alert>
        )}
        <PasswordInput
          label={t("auth.newPassword")}
          description={t("auth.passwordRule")}
          autoComplete="new-password"
          required
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label={t("auth.confirmPassword")}
          autoComplete="new-password"
          required
          {...form.getInputProps("confirmPassword")}
        />
        <Button type="submit" loading={pending} fullWidth>
          {t("auth.resetSubmit")}
        </Button>
        {back}
      </Stack>
    </form>
  );
}
