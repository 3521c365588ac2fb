"use client";

import { Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { changePasswordAction } from "@/server/auth/actions";

export function ChangePasswordForm() {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });

  const submit = form.onSubmit((values) =>
    startTransition(async () => {
      const result = await changePasswordAction(values);
      if (result.ok) {
        form.reset();
        notifications.show({ color: "green", message: t("auth.passwordChanged") });
        router.refresh();
        return;
      }
      form.setErrors(result.fieldErrors);
      notifications.show({ color: "red", message: result.message });
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label={t("auth.currentPassword")}
          autoComplete="current-password"
          {...form.getInputProps("currentPassword")}
        />
        <PasswordInput
          label={t("auth.newPassword")}
          autoComplete="new-password"
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label={t("auth.confirmPassword")}
          autoComplete="new-password"
          {...form.getInputProps("confirmPassword")}
        />
        <Button type="submit" loading={pending} data-testid="change-password-submit">
          {t("auth.changePassword")}
        </Button>
      </Stack>
    </form>
  );
}
