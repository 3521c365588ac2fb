"use client";

import { Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
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
  const required = (v: string) => (v.trim() ? null : t("validation.required"));
  const form = useForm<Values>({
    initialValues: { name: unit?.name ?? "", shortName: unit?.shortName ?? "" },
    validate: { name: required, shortName: required },
  });

  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.units.list.pathKey()],
    onClose,
    errorMessage: t("units.saveError"),
    form,
  });
  const onSuccess = (saved: UnitRow) =>
    succeed(t(unit ? "units.updated" : "units.created", { name: saved.name }));
  const create = useMutation(trpc.units.create.mutationOptions({ onSuccess, onError: fail }));
  const update = useMutation(trpc.units.update.mutationOptions({ onSuccess, onError: fail }));

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
          <DialogButtons
            onCancel={onClose}
            submitLabel={t(unit ? "common.save" : "common.create")}
            pending={create.isPending || update.isPending}
            testId="unit-form-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
