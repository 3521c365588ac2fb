"use client";

import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { showServerError } from "@/components/ui/server-errors";
import type { UserDialogProps } from "./user-types";

/** Confirms deactivating (which signs the person out everywhere) or reactivating an account. */
export function UserStatusModal({ organisationId, user, onClose }: UserDialogProps) {
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
    <ConfirmDialog
      title={t(activate ? "users.reactivateTitle" : "users.deactivateTitle")}
      message={t(activate ? "users.reactivateConfirm" : "users.deactivateConfirm", {
        name: user.fullName,
      })}
      confirmLabel={t(activate ? "users.reactivate" : "users.deactivate")}
      color={activate ? "teal" : "red"}
      pending={setActive.isPending}
      testId="confirm-user-status"
      onConfirm={() =>
        setActive.mutate({ organisationId, id: user.id, version: user.version, active: activate })
      }
      onClose={onClose}
    />
  );
}
