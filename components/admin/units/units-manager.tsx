"use client";

import { ListStates } from "@/components/ui/list-states";
import { Badge, Button, Group, Text } from "@mantine/core";
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
import { ColumnsMenu, useColumnChoice } from "@/components/ui/columns-menu";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { RowAction } from "@/components/ui/row-action";
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
  const columns = useUnitColumns();
  const choice = useColumnChoice("admin.units", columns);

  const createButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setDialog({ kind: "create" })}
      data-testid="create-unit-button"
    >
      {t("units.create")}
    </Button>
  );

  const states = (
    <ListStates
      query={units}
      count={units.data?.length ?? 0}
      loadError={t("units.loadError")}
      empty={{
        icon: <IconBuildingCommunity />,
        title: t("units.emptyTitle"),
        description: t("units.emptyDescription"),
        testId: "units-empty",
        action: createButton,
      }}
    />
  );
  let body = states;
  if (units.data && units.data.length > 0) {
    body = (
      <DataTable
        label={t("units.title")}
        columns={columns}
        hidden={choice.hidden}
        rows={units.data}
        rowKey={(unit) => unit.id}
        rowTestId={(unit) => `unit-row-${unit.shortName}`}
        rowDimmed={(unit) => !unit.active}
        actions={(unit) => (
          <UnitActions
            unit={unit}
            onEdit={() => setDialog({ kind: "edit", unit })}
            onToggle={() => setDialog({ kind: "status", unit })}
          />
        )}
        testId="units-table"
      />
    );
  }

  return (
    <>
      {units.isSuccess && units.data.length > 0 && (
        <Group justify="flex-end" mb="sm" gap="xs">
          <ColumnsMenu columns={columns} choice={choice} />
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

function useUnitColumns(): DataColumn<UnitRow>[] {
  const t = useTranslations();
  return [
    {
      key: "name",
      header: t("units.name"),
      fixed: true,
      card: "title",
      minWidth: 200,
      render: (unit) => (
        <Text size="sm" fw={600}>
          {unit.name}
        </Text>
      ),
    },
    { key: "shortName", header: t("units.shortName"), render: (unit) => unit.shortName },
    {
      key: "userCount",
      header: t("units.userCount"),
      align: "right",
      render: (unit) => unit.activeUserCount,
    },
    {
      key: "status",
      header: t("units.status"),
      fixed: true,
      render: (unit) => (
        <Badge color={unit.active ? "teal" : "gray"} variant="light" miw="max-content">
          {t(unit.active ? "common.active" : "common.inactive")}
        </Badge>
      ),
    },
  ];
}

function UnitActions({
  unit,
  onEdit,
  onToggle,
}: {
  unit: UnitRow;
  onEdit: () => void;
  onToggle: () => void;
}) {
  const t = useTranslations();
  return (
    <>
      <RowAction
        label={t("common.edit")}
        name={t("units.edit", { name: unit.name })}
        icon={<IconPencil size={18} />}
        onClick={onEdit}
        testId="edit-unit-button"
      />
      <RowAction
        label={t(unit.active ? "units.deactivate" : "units.reactivate")}
        icon={unit.active ? <IconPlayerStop size={16} /> : <IconPlayerPlay size={16} />}
        color={unit.active ? "red" : "teal"}
        onClick={onToggle}
        testId={unit.active ? "deactivate-unit-button" : "reactivate-unit-button"}
        showLabel
      />
    </>
  );
}
