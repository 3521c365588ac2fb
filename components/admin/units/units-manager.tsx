"use client";

import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Table,
  Tooltip,
} from "@mantine/core";
import {
  IconBuildingCommunity,
  IconPencil,
  IconPlayerPlay,
  IconPlayerStop,
  IconPlus,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { UnitFormModal } from "./unit-form-modal";
import { UnitStatusModal } from "./unit-status-modal";
import type { UnitRow } from "./unit-types";

type Dialog =
  { kind: "create" } | { kind: "edit"; unit: UnitRow } | { kind: "status"; unit: UnitRow } | null;

/** The units of one organisation (the actor's own unless a deployment admin named another). */
export function UnitsManager({ organisationId }: { organisationId: string | null }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const units = useQuery(trpc.units.list.queryOptions({ organisationId }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const createButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setDialog({ kind: "create" })}
      data-testid="create-unit-button"
    >
      {t("units.create")}
    </Button>
  );

  let body;
  if (units.isPending) {
    body = (
      <Group justify="center" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Group>
    );
  } else if (units.isError) {
    body = (
      <Alert color="red" variant="light">
        {t("units.loadError")}
      </Alert>
    );
  } else if (units.data.length === 0) {
    body = (
      <EmptyState
        icon={<IconBuildingCommunity />}
        withIndicatorBackground
        title={t("units.emptyTitle")}
        description={t("units.emptyDescription")}
        data-testid="units-empty"
        py="xl"
      >
        <EmptyState.Actions>{createButton}</EmptyState.Actions>
      </EmptyState>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="sm" data-testid="units-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={200}>{t("units.name")}</Table.Th>
              <Table.Th>{t("units.shortName")}</Table.Th>
              <Table.Th ta="right">{t("units.userCount")}</Table.Th>
              <Table.Th>{t("units.status")}</Table.Th>
              <Table.Th ta="right">{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.data.map((unit) => (
              <UnitTableRow
                key={unit.id}
                unit={unit}
                onEdit={() => setDialog({ kind: "edit", unit })}
                onToggle={() => setDialog({ kind: "status", unit })}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <>
      {units.isSuccess && units.data.length > 0 && (
        <Group justify="flex-end" mb="sm">
          {createButton}
        </Group>
      )}
      {body}
      {dialog?.kind === "create" && (
        <UnitFormModal organisationId={organisationId} unit={null} onClose={close} />
      )}
      {dialog?.kind === "edit" && (
        <UnitFormModal organisationId={organisationId} unit={dialog.unit} onClose={close} />
      )}
      {dialog?.kind === "status" && (
        <UnitStatusModal organisationId={organisationId} unit={dialog.unit} onClose={close} />
      )}
    </>
  );
}

function UnitTableRow({
  unit,
  onEdit,
  onToggle,
}: {
  unit: UnitRow;
  onEdit: () => void;
  onToggle: () => void;
}) {
  const t = useTranslations();
  const editLabel = t("units.edit", { name: unit.name });
  return (
    <Table.Tr data-testid={`unit-row-${unit.shortName}`} c={unit.active ? undefined : "dimmed"}>
      <Table.Td fw={500}>{unit.name}</Table.Td>
      <Table.Td>{unit.shortName}</Table.Td>
      <Table.Td ta="right">{unit.activeUserCount}</Table.Td>
      <Table.Td>
        <Badge color={unit.active ? "teal" : "gray"} variant="light" miw="max-content">
          {t(unit.active ? "common.active" : "common.inactive")}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={6} justify="flex-end" wrap="nowrap">
          <Tooltip label={editLabel}>
            <ActionIcon
              variant="subtle"
              aria-label={editLabel}
              onClick={onEdit}
              data-testid="edit-unit-button"
            >
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
          <Button
            size="xs"
            variant="light"
            color={unit.active ? "red" : "teal"}
            leftSection={unit.active ? <IconPlayerStop size={14} /> : <IconPlayerPlay size={14} />}
            onClick={onToggle}
            data-testid={unit.active ? "deactivate-unit-button" : "reactivate-unit-button"}
          >
            {t(unit.active ? "units.deactivate" : "units.reactivate")}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
