"use client";

import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { appCodeOf, showServerError } from "@/components/ui/server-errors";
import type { UnitRow } from "./unit-types";

type Values = { name: string; shortName: string };

/** Creates a unit (`unit` null) or renames one; the row's version travels with the edit. */
export function UnitFormModal({
  organisationId,
  unit,
  onClose,
}: {
  organisationId: string | null;
  unit: UnitRow | null;
  onClose: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const required = (v: string) => (v.trim() ? null : t("validation.required"));
  const form = useForm<Values>({
    initialValues: { name: unit?.name ?? "", shortName: unit?.shortName ?? "" },
    validate: { name: required, shortName: required },
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.units.list.pathKey() });
  const succeed = (saved: UnitRow) => {
    notifications.show({
      color: "green",
      message: t(unit ? "units.updated" : "units.created", { name: saved.name }),
    });
    void refresh();
    onClose();
  };
  const fail = (error: unknown) => {
    // The form holds an outdated version: fetch the current row and let the user start again.
    if (appCodeOf(error) === "STALE") {
      void refresh();
      onClose();
    }
    showServerError(error, t("units.saveError"), form);
  };
  const create = useMutation(
    trpc.units.create.mutationOptions({ onSuccess: succeed, onError: fail }),
  );
  const update = useMutation(
    trpc.units.update.mutationOptions({ onSuccess: succeed, onError: fail }),
  );

  const submit = form.onSubmit((values) => {
    if (unit) update.mutate({ organisationId, id: unit.id, version: unit.version, ...values });
    else create.mutate({ organisationId, ...values });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(unit ? "units.editTitle" : "units.createTitle")}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="unit-form">
        <Stack gap="sm">
          <TextInput
            label={t("units.name")}
            placeholder={t("units.namePlaceholder")}
            required
            maxLength={255}
            data-autofocus
            data-testid="unit-name-input"
            {...form.getInputProps("name")}
          />
          <TextInput
            label={t("units.shortName")}
            description={t("units.shortNameHint")}
            required
            maxLength={30}
            data-testid="unit-short-name-input"
            {...form.getInputProps("shortName")}
          />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={create.isPending || update.isPending}
              data-testid="unit-form-submit"
            >
              {t(unit ? "common.save" : "common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
