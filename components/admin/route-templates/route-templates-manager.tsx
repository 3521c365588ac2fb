"use client";

import { ListStates } from "@/components/ui/list-states";
import { Button, Group, Text } from "@mantine/core";
import { IconPencil, IconPlus, IconRoute, IconArchive } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { RowAction } from "@/components/ui/row-action";
import { vietnamToday } from "@/lib/dates";
import { RouteTemplateDeactivateModal } from "./route-template-deactivate-modal";
import { RouteTemplateFormModal } from "./route-template-form-modal";
import { summariseSteps } from "./route-template-summary";
import type { RouteTemplateRow } from "./route-template-types";

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; template: RouteTemplateRow }
  | { kind: "deactivate"; template: RouteTemplateRow }
  | null;

/** The organisation's route templates in use, each with its road in one line. */
export function RouteTemplatesManager() {
  const t = useTranslations();
  const trpc = useTRPC();
  const templates = useQuery(trpc.routeTemplates.list.queryOptions());
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const columns = useTemplateColumns();

  const createButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setDialog({ kind: "create" })}
      data-testid="create-route-template"
    >
      {t("routeTemplates.create")}
    </Button>
  );

  const states = (
    <ListStates
      query={templates}
      count={templates.data?.length ?? 0}
      loadError={t("routeTemplates.loadError")}
      empty={{
        icon: <IconRoute />,
        title: t("routeTemplates.empty"),
        description: t("routeTemplates.emptyHint"),
        testId: "route-templates-empty",
        action: createButton,
      }}
    />
  );
  let body = states;
  if (templates.data && templates.data.length > 0) {
    body = (
      <DataTable
        label={t("routeTemplates.title")}
        columns={columns}
        rows={templates.data}
        rowKey={(template) => template.id}
        rowTestId={() => "route-template-row"}
        actions={(template) => (
          <>
            <RowAction
              label={t("common.edit")}
              name={t("routeTemplates.edit", { name: template.name })}
              icon={<IconPencil size={18} />}
              onClick={() => setDialog({ kind: "edit", template })}
              testId="edit-route-template"
            />
            <RowAction
              label={t("routeTemplates.deactivate")}
              name={t("routeTemplates.deactivateName", { name: template.name })}
              icon={<IconArchive size={18} />}
              color="red"
              onClick={() => setDialog({ kind: "deactivate", template })}
              testId="deactivate-route-template"
            />
          </>
        )}
        testId="route-templates-table"
      />
    );
  }

  return (
    <>
      {templates.isSuccess && templates.data.length > 0 && (
        <Group justify="flex-end" mb="sm">
          {createButton}
        </Group>
      )}
      {body}
      {dialog?.kind === "create" && <RouteTemplateFormModal template={null} onClose={close} />}
      {dialog?.kind === "edit" && (
        <RouteTemplateFormModal template={dialog.template} onClose={close} />
      )}
      {dialog?.kind === "deactivate" && (
        <RouteTemplateDeactivateModal template={dialog.template} onClose={close} />
      )}
    </>
  );
}

function useTemplateColumns(): DataColumn<RouteTemplateRow>[] {
  const t = useTranslations();
  return [
    {
      key: "name",
      header: t("routeTemplates.name"),
      fixed: true,
      card: "title",
      minWidth: 180,
      render: (template) => (
        <Text fw={600} size="sm">
          {template.name}
        </Text>
      ),
    },
    {
      key: "steps",
      header: t("routeTemplates.steps"),
      fixed: true,
      card: "wide",
      testId: "route-template-steps",
      render: (template) => (
        <Text size="sm">{summariseSteps(template.steps, template.people, t)}</Text>
      ),
    },
    {
      key: "updatedAt",
      header: t("routeTemplates.updatedAt"),
      nowrap: true,
      render: (template) => formatDate(vietnamToday(template.updatedAt)),
    },
  ];
}
