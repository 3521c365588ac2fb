"use client";

import {
  Button,
  Checkbox,
  Group,
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
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { appCodeOf, showServerError } from "@/components/ui/server-errors";
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
  const queryClient = useQueryClient();
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

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.registries.list.pathKey() });
  const succeed = (saved: RegistryRow) => {
    notifications.show({
      color: "green",
      message: t(registry ? "registry.updated" : "registry.created", { name: saved.name }),
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
    showServerError(error, t("registry.saveError"), form);
  };
  const create = useMutation(
    trpc.registries.create.mutationOptions({ onSuccess: succeed, onError: fail }),
  );
  const update = useMutation(
    trpc.registries.update.mutationOptions({ onSuccess: succeed, onError: fail }),
  );

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
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={create.isPending || update.isPending}
              data-testid="registry-form-submit"
            >
              {t(registry ? "common.save" : "common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
