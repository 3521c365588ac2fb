"use client";

import { Button, Group, Modal, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";
import type { UnitRow } from "./unit-types";

/** Confirms deactivating or reactivating a unit; the server explains a refusal (e.g. active users). */
export function UnitStatusModal({
  organisationId,
  unit,
  onClose,
}: {
  organisationId: string | null;
  unit: UnitRow;
  onClose: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const activate = !unit.active;
  const setActive = useMutation(
    trpc.units.setActive.mutationOptions({
      onSuccess: (saved) => {
        notifications.show({
          color: "green",
          message: t(activate ? "units.reactivated" : "units.deactivated", { name: saved.name }),
        });
        onClose();
      },
      onError: (error) => {
        showServerError(error, t("units.saveError"));
        onClose();
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.units.list.pathKey() }),
    }),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(activate ? "units.reactivateTitle" : "units.deactivateTitle")}
    >
      <Text size="sm">
        {t(activate ? "units.reactivateConfirm" : "units.deactivateConfirm", { name: unit.name })}
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button
          color={activate ? "teal" : "red"}
          loading={setActive.isPending}
          data-testid="confirm-unit-status"
          onClick={() =>
            setActive.mutate({
              organisationId,
              id: unit.id,
              version: unit.version,
              active: activate,
            })
          }
        >
          {t(activate ? "units.reactivate" : "units.deactivate")}
        </Button>
      </Group>
    </Modal>
  );
}
