"use client";

import { Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
import type { UserDialogProps } from "./user-types";

/** The admin types a temporary password and tells it to the person through a safe channel. */
export function ResetPasswordModal({ organisationId, user, onClose }: UserDialogProps) {
  const t = useTranslations();
  const trpc = useTRPC();
  const form = useForm({
    initialValues: { password: "" },
    validate: { password: (v) => (v ? null : t("validation.required")) },
  });
  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.users.list.pathKey()],
    onClose,
    errorMessage: t("users.saveError"),
    form,
  });
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => succeed(t("users.resetDone", { name: user.fullName })),
      onError: fail,
    }),
  );

  return (
    <Modal opened onClose={onClose} title={t("users.resetTitle", { name: user.fullName })}>
      <form
        noValidate
        data-testid="reset-password-form"
        onSubmit={form.onSubmit(({ password }) =>
          reset.mutate({ organisationId, id: user.id, password }),
        )}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("users.resetDescription")}
          </Text>
          <PasswordInput
            label={t("users.temporaryPassword")}
            description={t("auth.passwordRule")}
            required
            maxLength={128}
            autoComplete="new-password"
            data-autofocus
            data-testid="reset-password-input"
            {...form.getInputProps("password")}
          />
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("users.resetPassword")}
            pending={reset.isPending}
            testId="reset-password-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
