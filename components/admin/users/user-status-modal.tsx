"use client";

import { Button, Group, Modal, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";
import type { UserRow } from "./user-types";

/** Confirms deactivating (which signs the person out everywhere) or reactivating an account. */
export function UserStatusModal({
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
  const activate = !user.active;
  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: (saved) => {
        notifications.show({
          color: "green",
          message: t(activate ? "users.reactivated" : "users.deactivated", {
            name: saved.fullName,
          }),
        });
        onClose();
      },
      onError: (error) => {
        showServerError(error, t("users.saveError"));
        onClose();
      },
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.units.list.pathKey() }),
        ]),
    }),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(activate ? "users.reactivateTitle" : "users.deactivateTitle")}
    >
      <Text size="sm">
        {t(activate ? "users.reactivateConfirm" : "users.deactivateConfirm", {
          name: user.fullName,
        })}
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button
          color={activate ? "teal" : "red"}
          loading={setActive.isPending}
          data-testid="confirm-user-status"
          onClick={() =>
            setActive.mutate({
              organisationId,
              id: user.id,
              version: user.version,
              active: activate,
            })
          }
        >
          {t(activate ? "users.reactivate" : "users.deactivate")}
        </Button>
      </Group>
    </Modal>
  );
}
