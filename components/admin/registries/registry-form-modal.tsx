"use client";

import {
  Checkbox,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
import {
  registryKinds,
  registryPeriodKinds,
  type RegistryKind,
  type RegistryPeriodKind,
} from "@/lib/schemas/registry";
import type { RegistryRow } from "./registry-types";

type Values = {
  name: string;
  kind: RegistryKind;
  periodKind: RegistryPeriodKind;
  termStartYear: number | string;
  termYears: number | string;
  isDefault: boolean;
  active: boolean;
};

const numberOrNull = (v: number | string) => (typeof v === "number" ? v : null);

/**
 * Creates a registry book (`registry` null) or edits one; the row's version travels with the
 * edit. The rules (one default per kind, kind fixed once numbers were given) are the server's;
 * its refusals land on the fields.
 */
export function RegistryFormModal({
  registry,
  onClose,
}: {
  registry: RegistryRow | null;
  onClose: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const phone = useMediaQuery("(max-width: 36em)");
  const form = useForm<Values>({
    initialValues: {
      name: registry?.name ?? "",
      kind: registry?.kind ?? "incoming",
      periodKind: registry?.periodKind ?? "year",
      termStartYear: registry?.termStartYear ?? "",
      termYears: registry?.termYears ?? 5,
      isDefault: registry?.isDefault ?? false,
      active: registry?.active ?? true,
    },
    validate: {
      name: (v) => (v.trim() ? null : t("validation.required")),
      termStartYear: (v, values) =>
        values.periodKind === "term" && v === "" ? t("registry.termRequired") : null,
      termYears: (v, values) =>
        values.periodKind === "term" && v === "" ? t("registry.termRequired") : null,
    },
  });

  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.registries.list.pathKey()],
    onClose,
    errorMessage: t("registry.saveError"),
    form,
  });
  const onSuccess = (saved: RegistryRow) =>
    succeed(t(registry ? "registry.updated" : "registry.created", { name: saved.name }));
  const create = useMutation(trpc.registries.create.mutationOptions({ onSuccess, onError: fail }));
  const update = useMutation(trpc.registries.update.mutationOptions({ onSuccess, onError: fail }));

  const submit = form.onSubmit((values) => {
    const fields = {
      name: values.name,
      kind: values.kind,
      periodKind: values.periodKind,
      termStartYear: numberOrNull(values.termStartYear),
      termYears: numberOrNull(values.termYears),
      isDefault: values.isDefault,
    };
    if (registry) {
      update.mutate({
        id: registry.id,
        version: registry.version,
        active: values.active,
        ...fields,
      });
    } else create.mutate(fields);
  });

  const term = form.getValues().periodKind === "term";
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(registry ? "registry.editTitle" : "registry.createTitle")}
      size="lg"
      fullScreen={phone}
      centered
    >
      <form onSubmit={submit} noValidate data-testid="registry-form">
        <Stack gap="sm">
          <TextInput
            label={t("registry.name")}
            placeholder={t("registry.namePlaceholder")}
            required
            maxLength={255}
            data-autofocus
            data-testid="registry-name-input"
            {...form.getInputProps("name")}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t("registry.kind")}
              data={registryKinds.map((k) => ({ value: k, label: t(`registry.kinds.${k}`) }))}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
              data-testid="registry-kind-select"
              {...form.getInputProps("kind")}
            />
            <Select
              label={t("registry.periodKind")}
              data={registryPeriodKinds.map((p) => ({
                value: p,
                label: t(`registry.periodKinds.${p}`),
              }))}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
              data-testid="registry-period-select"
              {...form.getInputProps("periodKind")}
            />
          </SimpleGrid>
          {registry && (
            <Text size="xs" c="dimmed">
              {t("registry.lockedHint")}
            </Text>
          )}
          {term && (
            <>
              <Text size="sm" c="dimmed">
                {t("registry.termHint")}
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <NumberInput
                  label={t("registry.termStartYear")}
                  required
                  min={1930}
                  max={2200}
                  allowDecimal={false}
                  allowNegative={false}
                  data-testid="registry-term-start-input"
                  {...form.getInputProps("termStartYear")}
                />
                <NumberInput
                  label={t("registry.termYears")}
                  required
                  min={1}
                  max={10}
                  allowDecimal={false}
                  allowNegative={false}
                  data-testid="registry-term-years-input"
                  {...form.getInputProps("termYears")}
                />
              </SimpleGrid>
            </>
          )}
          <Checkbox
            label={t("registry.isDefault")}
            description={t("registry.isDefaultHint")}
            mt="xs"
            data-testid="registry-default-checkbox"
            {...form.getInputProps("isDefault", { type: "checkbox" })}
          />
          {registry && (
            <Switch
              label={t("registry.active")}
              description={t("registry.activeHint")}
              data-testid="registry-active-switch"
              {...form.getInputProps("active", { type: "checkbox" })}
            />
          )}
          <DialogButtons
            onCancel={onClose}
            submitLabel={t(registry ? "common.save" : "common.create")}
            pending={create.isPending || update.isPending}
            testId="registry-form-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
