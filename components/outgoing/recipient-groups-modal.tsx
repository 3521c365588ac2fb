"use client";

import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconTrash, IconUsersGroup } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { ListStates } from "@/components/ui/list-states";
import { RowAction } from "@/components/ui/row-action";
import { showServerError } from "@/components/ui/server-errors";
import { vietnamToday } from "@/lib/dates";
import { GroupForm } from "./recipient-group-form";
import type { RecipientGroupRow } from "./recipient-types";

type View = { kind: "list" } | { kind: "form"; group: RecipientGroupRow | null };

/**
 * The organisation's recipient groups, kept by its clerks: a list with edit and delete, and the
 * form for a new or changed group in the same window.
 */
export function RecipientGroupsModal({ onClose }: { onClose: () => void }) {
  const t = useTranslations("recipientGroups");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const phone = useMediaQuery("(max-width: 36em)");
  const me = useQuery(trpc.account.me.queryOptions());
  const groups = useQuery(trpc.recipients.groups.queryOptions());
  const [view, setView] = useState<View>({ kind: "list" });
  const [deleting, setDeleting] = useState<RecipientGroupRow | null>(null);
  const list = groups.data?.groups ?? [];
  const columns = useGroupColumns();

  const createButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setView({ kind: "form", group: null })}
      data-testid="create-recipient-group"
    >
      {t("create")}
    </Button>
  );

  return (
    <>
      <Modal
        opened={!deleting}
        onClose={onClose}
        title={view.kind === "list" ? t("title") : t(view.group ? "editTitle" : "createTitle")}
        closeButtonProps={{ "aria-label": tc("close") }}
        size="xl"
        fullScreen={phone}
        centered
      >
        {view.kind === "form" ? (
          <GroupForm group={view.group} onDone={() => setView({ kind: "list" })} />
        ) : (
          <Stack gap="sm" data-testid="recipient-groups-manager">
            <Text size="sm" c="dimmed">
              {t("description", { organisation: me.data?.organisationName ?? "" })}
            </Text>
            <ListStates
              query={groups}
              count={list.length}
              loadError={t("loadError")}
              empty={{
                icon: <IconUsersGroup />,
                title: t("empty"),
                description: t("emptyHint"),
                testId: "recipient-groups-empty",
                action: createButton,
              }}
            />
            {list.length > 0 && (
              <>
                <Group justify="flex-end">{createButton}</Group>
                <DataTable
                  label={t("title")}
                  columns={columns}
                  rows={list}
                  rowKey={(group) => group.id}
                  rowTestId={() => "recipient-group-row"}
                  actions={(group) => (
                    <>
                      <RowAction
                        label={tc("edit")}
                        name={t("edit", { name: group.name })}
                        icon={<IconPencil size={18} />}
                        onClick={() => setView({ kind: "form", group })}
                        testId="edit-recipient-group"
                      />
                      <RowAction
                        label={t("delete")}
                        name={t("deleteName", { name: group.name })}
                        icon={<IconTrash size={18} />}
                        color="red"
                        onClick={() => setDeleting(group)}
                        testId="delete-recipient-group"
                      />
                    </>
                  )}
                  testId="recipient-groups-table"
                />
              </>
            )}
          </Stack>
        )}
      </Modal>
      {deleting && <DeleteGroup group={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

function useGroupColumns(): DataColumn<RecipientGroupRow>[] {
  const t = useTranslations("recipientGroups");
  return [
    {
      key: "name",
      header: t("name"),
      fixed: true,
      card: "title",
      minWidth: 180,
      render: (group) => (
        <Text fw={600} size="sm">
          {group.name}
        </Text>
      ),
    },
    {
      key: "members",
      header: t("members"),
      fixed: true,
      card: "wide",
      render: (group) => (
        <Text size="sm">
          {group.members
            .map((m) =>
              m.status === "active"
                ? m.name
                : `${m.name} (${t(m.status === "merged" ? "mergedBadge" : "closedBadge")})`,
            )
            .join("; ")}{" "}
          <Text span size="sm" c="dimmed">
            ({t("memberCount", { count: group.members.length })})
          </Text>
        </Text>
      ),
    },
    {
      key: "updatedAt",
      header: t("updatedAt"),
      nowrap: true,
      render: (group) => formatDate(vietnamToday(group.updatedAt)),
    },
  ];
}

/** Confirms deleting a group; drafts that took their addressees from it keep them. */
function DeleteGroup({ group, onClose }: { group: RecipientGroupRow; onClose: () => void }) {
  const t = useTranslations("recipientGroups");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.recipients.deleteGroup.mutationOptions({
      onSuccess: (done) => {
        notifications.show({ color: "green", message: t("deleted", { name: done.name }) });
        onClose();
      },
      onError: (error) => {
        showServerError(error, t("saveError"));
        onClose();
      },
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.recipients.groups.pathKey() }),
    }),
  );
  return (
    <ConfirmDialog
      title={t("deleteTitle")}
      message={t("deleteConfirm", { name: group.name })}
      confirmLabel={t("delete")}
      color="red"
      pending={remove.isPending}
      testId="confirm-recipient-group-delete"
      onConfirm={() => remove.mutate({ id: group.id, version: group.version })}
      onClose={onClose}
    />
  );
}
