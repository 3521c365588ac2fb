"use client";

import { Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";
import type { UserRow } from "./user-types";

/** The admin types a temporary password and tells it to the person through a safe channel. */
export function ResetPasswordModal({
  organisationId,
  user,
  onClose,
}: {
  organisationId: string | null;
  user: UserRow;
  onClose: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { password: "" },
    validate: { password: (v) => (v ? null : t("validation.required")) },
  });
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => {
        notifications.show({
          color: "green",
          message: t("users.resetDone", { name: user.fullName }),
        });
        void queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
        onClose();
      },
      onError: (error) => showServerError(error, t("users.saveError"), form),
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
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={reset.isPending} data-testid="reset-password-submit">
              {t("users.resetPassword")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
