"use client";

import { Alert, Button, EmptyState, Group, Paper, Skeleton, Stack, Switch } from "@mantine/core";
import { IconAlertCircle, IconPlus, IconRefresh, IconSitemap } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { messageOf } from "@/components/ui/server-errors";
import { CloseOrganisationModal } from "./close-organisation-modal";
import { MergeOrganisationModal } from "./merge-organisation-modal";
import { MoveOrganisationModal } from "./move-organisation-modal";
import { CreateOrganisationModal, EditOrganisationModal } from "./organisation-form-modal";
import { OrganisationRow, type RowAction } from "./organisation-row";
import { buildForest, flattenForest, type OrgTreeRow } from "./org-tree-helpers";

type Dialog =
  | { kind: "create"; parentId: string | null }
  | { kind: Exclude<RowAction, "addChild">; id: string };

export function OrganisationTree() {
  const t = useTranslations("orgTree");
  const trpc = useTRPC();
  const list = useQuery(trpc.orgTree.list.queryOptions());
  const [showInactive, setShowInactive] = useState(true);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const rows: OrgTreeRow[] = useMemo(() => list.data ?? [], [list.data]);
  const visible = useMemo(
    () => flattenForest(buildForest(rows, showInactive), collapsed),
    [rows, showInactive, collapsed],
  );
  // Looked up on every render, so a dialog always submits the latest version of its row.
  const current =
    dialog && dialog.kind !== "create" ? rows.find((r) => r.id === dialog.id) : undefined;
  const closeDialog = () => setDialog(null);

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const act = (row: OrgTreeRow, action: RowAction) =>
    setDialog(
      action === "addChild" ? { kind: "create", parentId: row.id } : { kind: action, id: row.id },
    );
  const createButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setDialog({ kind: "create", parentId: null })}
      data-testid="org-create-button"
    >
      {t("create")}
    </Button>
  );

  return (
    <Stack gap="md" data-testid="org-tree">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Switch
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
          label={t("showInactive")}
          data-testid="org-show-inactive"
        />
        {createButton}
      </Group>

      {list.isPending ? (
        <Stack gap="xs">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={56} />
          ))}
        </Stack>
      ) : list.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t("loadFailed")}>
          <Stack gap="xs" align="flex-start">
            {messageOf(list.error, t("loadFailed"))}
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRefresh size={14} />}
              onClick={() => void list.refetch()}
            >
              {t("retry")}
            </Button>
          </Stack>
        </Alert>
      ) : visible.length === 0 ? (
        <EmptyState
          icon={<IconSitemap />}
          title={t("emptyTitle")}
          description={rows.length === 0 ? t("empty") : t("emptyHidden")}
          data-testid="org-tree-empty"
        >
          {rows.length === 0 && createButton}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }} data-testid="org-tree-list">
          {visible.map((node) => (
            <OrganisationRow
              key={node.id}
              node={node}
              collapsed={collapsed.has(node.id)}
              onToggle={() => toggle(node.id)}
              onAction={(action) => act(node, action)}
            />
          ))}
        </Paper>
      )}

      {dialog?.kind === "create" && (
        <CreateOrganisationModal rows={rows} parentId={dialog.parentId} onClose={closeDialog} />
      )}
      {dialog?.kind === "edit" && current && (
        <EditOrganisationModal org={current} onClose={closeDialog} />
      )}
      {dialog?.kind === "move" && current && (
        <MoveOrganisationModal org={current} rows={rows} onClose={closeDialog} />
      )}
      {dialog?.kind === "close" && current && (
        <CloseOrganisationModal org={current} rows={rows} onClose={closeDialog} />
      )}
      {dialog?.kind === "merge" && current && (
        <MergeOrganisationModal org={current} rows={rows} onClose={closeDialog} />
      )}
    </Stack>
  );
}
