"use client";

import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Switch,
  Table,
  Text,
  Tooltip,
} from "@mantine/core";
import { IconBook2, IconPencil, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { RegistryFormModal } from "./registry-form-modal";
import type { RegistryRow } from "./registry-types";

const nowrap = { whiteSpace: "nowrap" } as const;

type Dialog = { kind: "create" } | { kind: "edit"; registry: RegistryRow } | null;

/** The organisation's registry books, each with where its counter stands in the current period. */
export function RegistriesManager() {
  const t = useTranslations();
  const trpc = useTRPC();
  const [showInactive, setShowInactive] = useState(false);
  const registries = useQuery(trpc.registries.list.queryOptions({ includeInactive: showInactive }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const createButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setDialog({ kind: "create" })}
      data-testid="create-registry-button"
    >
      {t("registry.create")}
    </Button>
  );

  let body;
  if (registries.isPending) {
    body = (
      <Group justify="center" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Group>
    );
  } else if (registries.isError) {
    body = (
      <Alert color="red" variant="light">
        {t("registry.loadError")}
      </Alert>
    );
  } else if (registries.data.length === 0) {
    body = (
      <EmptyState
        icon={<IconBook2 />}
        withIndicatorBackground
        title={t("registry.empty")}
        description={t("registry.emptyHint")}
        data-testid="registries-empty"
        py="xl"
      >
        <EmptyState.Actions>{createButton}</EmptyState.Actions>
      </EmptyState>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={920}>
        <Table striped highlightOnHover verticalSpacing="sm" data-testid="registries-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={220}>{t("registry.name")}</Table.Th>
              <Table.Th style={nowrap}>{t("registry.kind")}</Table.Th>
              <Table.Th style={nowrap}>{t("registry.periodKind")}</Table.Th>
              <Table.Th style={nowrap}>{t("registry.currentPeriod")}</Table.Th>
              <Table.Th style={nowrap} ta="right">
                {t("registry.lastNumber")}
              </Table.Th>
              <Table.Th style={nowrap}>{t("registry.status")}</Table.Th>
              <Table.Th style={nowrap} ta="right">
                {t("common.actions")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {registries.data.map((registry) => (
              <RegistryTableRow
                key={registry.id}
                registry={registry}
                onEdit={() => setDialog({ kind: "edit", registry })}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
        {registries.isSuccess && registries.data.length > 0 && createButton}
      </Group>
      {body}
      {dialog?.kind === "create" && <RegistryFormModal registry={null} onClose={close} />}
      {dialog?.kind === "edit" && <RegistryFormModal registry={dialog.registry} onClose={close} />}
    </>
  );
}

function RegistryTableRow({ registry, onEdit }: { registry: RegistryRow; onEdit: () => void }) {
  const t = useTranslations();
  const editLabel = t("registry.edit", { name: registry.name });
  const period =
    registry.periodKind === "year"
      ? t("registry.periodYear")
      : t("registry.periodTerm", {
          start: registry.termStartYear ?? "",
          years: registry.termYears ?? "",
        });
  return (
    <Table.Tr data-testid="registry-row" c={registry.active ? undefined : "dimmed"}>
      <Table.Td>
        <Group gap={6} wrap="wrap">
          <Text fw={500} size="sm">
            {registry.name}
          </Text>
          {registry.isDefault && (
            <Badge size="sm" variant="light" color="indigo">
              {t("registry.defaultBadge")}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge
          variant="light"
          color={registry.kind === "secret" ? "grape" : "gray"}
          miw="max-content"
        >
          {t(`registry.kinds.${registry.kind}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{period}</Table.Td>
      <Table.Td>{registry.currentPeriod}</Table.Td>
      <Table.Td ta="right" data-testid="registry-last-number">
        {registry.lastNumber > 0 ? (
          <Text fw={600} size="sm">
            {registry.lastNumber}
          </Text>
        ) : (
          <Text c="dimmed" size="sm">
            {t("registry.noNumberYet")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={registry.active ? "teal" : "gray"} variant="light" miw="max-content">
          {t(registry.active ? "registry.active" : "registry.inactiveBadge")}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group justify="flex-end">
          <Tooltip label={editLabel}>
            <ActionIcon
              variant="subtle"
              aria-label={editLabel}
              onClick={onEdit}
              data-testid="edit-registry-button"
            >
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
