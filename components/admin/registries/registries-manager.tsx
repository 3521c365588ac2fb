"use client";

import { ListStates } from "@/components/ui/list-states";
import { Badge, Button, Group, Switch, Text } from "@mantine/core";
import { IconBook2, IconPencil, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ColumnsMenu, useColumnChoice } from "@/components/ui/columns-menu";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { RowAction } from "@/components/ui/row-action";
import { RegistryFormModal } from "./registry-form-modal";
import type { RegistryRow } from "./registry-types";

type Dialog = { kind: "create" } | { kind: "edit"; registry: RegistryRow } | null;

/** The organisation's registry books, each with where its counter stands in the current period. */
export function RegistriesManager() {
  const t = useTranslations();
  const trpc = useTRPC();
  const [showInactive, setShowInactive] = useState(false);
  const registries = useQuery(trpc.registries.list.queryOptions({ includeInactive: showInactive }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const columns = useRegistryColumns();
  const choice = useColumnChoice("admin.registries", columns);

  const createButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setDialog({ kind: "create" })}
      data-testid="create-registry-button"
    >
      {t("registry.create")}
    </Button>
  );

  const states = (
    <ListStates
      query={registries}
      count={registries.data?.length ?? 0}
      loadError={t("registry.loadError")}
      empty={{
        icon: <IconBook2 />,
        title: t("registry.empty"),
        description: t("registry.emptyHint"),
        testId: "registries-empty",
        action: createButton,
      }}
    />
  );
  let body = states;
  if (registries.data && registries.data.length > 0) {
    body = (
      <DataTable
        label={t("registry.title")}
        columns={columns}
        hidden={choice.hidden}
        rows={registries.data}
        rowKey={(registry) => registry.id}
        rowTestId={() => "registry-row"}
        rowDimmed={(registry) => !registry.active}
        actions={(registry) => (
          <RowAction
            label={t("common.edit")}
            name={t("registry.edit", { name: registry.name })}
            icon={<IconPencil size={18} />}
            onClick={() => setDialog({ kind: "edit", registry })}
            testId="edit-registry-button"
          />
        )}
        testId="registries-table"
      />
    );
  }

  return (
    <>
      <Group justify="space-between" mb="sm" gap="sm">
        <Switch
          label={t("registry.showInactive")}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
          data-testid="show-inactive-registries"
        />
        {registries.isSuccess && registries.data.length > 0 && (
          <Group gap="xs">
            <ColumnsMenu columns={columns} choice={choice} />
            {createButton}
          </Group>
        )}
      </Group>
      {body}
      {dialog?.kind === "create" && <RegistryFormModal registry={null} onClose={close} />}
      {dialog?.kind === "edit" && <RegistryFormModal registry={dialog.registry} onClose={close} />}
    </>
  );
}

function useRegistryColumns(): DataColumn<RegistryRow>[] {
  const t = useTranslations();
  const period = (registry: RegistryRow) =>
    registry.periodKind === "year"
      ? t("registry.periodYear")
      : t("registry.periodTerm", {
          start: registry.termStartYear ?? "",
          years: registry.termYears ?? "",
        });
  return [
    {
      key: "name",
      header: t("registry.name"),
      fixed: true,
      card: "title",
      minWidth: 200,
      render: (registry) => (
        <Group gap={6} wrap="wrap">
          <Text fw={600} size="sm">
            {registry.name}
          </Text>
          {registry.isDefault && (
            <Badge size="sm" variant="light" color="indigo" miw="max-content">
              {t("registry.defaultBadge")}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "kind",
      header: t("registry.kind"),
      render: (registry) => (
        <Badge
          variant="light"
          color={registry.kind === "secret" ? "grape" : "gray"}
          miw="max-content"
        >
          {t(`registry.kinds.${registry.kind}`)}
        </Badge>
      ),
    },
    { key: "periodKind", header: t("registry.periodKind"), render: period },
    {
      key: "currentPeriod",
      header: t("registry.currentPeriod"),
      nowrap: true,
      render: (registry) => registry.currentPeriod,
    },
    {
      key: "lastNumber",
      header: t("registry.lastNumber"),
      align: "right",
      testId: "registry-last-number",
      render: (registry) =>
        registry.lastNumber > 0 ? (
          <Text fw={600} size="sm">
            {registry.lastNumber}
          </Text>
        ) : (
          <Text c="dimmed" size="sm">
            {t("registry.noNumberYet")}
          </Text>
        ),
    },
    {
      key: "status",
      header: t("registry.status"),
      fixed: true,
      render: (registry) => (
        <Badge color={registry.active ? "teal" : "gray"} variant="light" miw="max-content">
          {t(registry.active ? "registry.active" : "registry.inactiveBadge")}
        </Badge>
      ),
    },
  ];
}
