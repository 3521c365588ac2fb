"use client";

import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
    <ConfirmDialog
      title={t(activate ? "units.reactivateTitle" : "units.deactivateTitle")}
      message={t(activate ? "units.reactivateConfirm" : "units.deactivateConfirm", {
        name: unit.name,
      })}
      confirmLabel={t(activate ? "units.reactivate" : "units.deactivate")}
      color={activate ? "teal" : "red"}
      pending={setActive.isPending}
      testId="confirm-unit-status"
      onConfirm={() =>
        setActive.mutate({ organisationId, id: unit.id, version: unit.version, active: activate })
      }
      onClose={onClose}
    />
  );
}
