"use client";

import { Badge, Group, Stack, Text } from "@mantine/core";
import { IconKey, IconPencil, IconPlayerPlay, IconPlayerStop } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ColumnChoiceState } from "@/components/ui/columns-menu";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { RowAction } from "@/components/ui/row-action";
import type { UserRow } from "./user-types";

export type UserAction = "edit" | "reset" | "status";

/** The organisation's users: a table on a computer, a card each on a phone. */
export function UsersTable({
  users,
  columns,
  choice,
  currentUserId,
  onAction,
}: {
  users: UserRow[];
  columns: DataColumn<UserRow>[];
  choice: ColumnChoiceState;
  currentUserId: string;
  onAction: (action: UserAction, user: UserRow) => void;
}) {
  const t = useTranslations();
  return (
    <DataTable
      label={t("users.title")}
      columns={columns}
      hidden={choice.hidden}
      rows={users}
      rowKey={(user) => user.id}
      rowTestId={(user) => `user-row-${user.username}`}
      rowDimmed={(user) => !user.active}
      actions={(user) => (
        <UserActions
          user={user}
          isSelf={user.id === currentUserId}
          onAction={(action) => onAction(action, user)}
        />
      )}
      testId="users-table"
    />
  );
}

/** The columns of the users table; the name and the state always show. */
export function useUserColumns(currentUserId: string): DataColumn<UserRow>[] {
  const t = useTranslations();
  // Fixed when the list mounts: a lock that expires meanwhile shows until the next refresh.
  const [now] = useState(() => Date.now());
  return [
    {
      key: "fullName",
      header: t("users.fullName"),
      fixed: true,
      card: "title",
      minWidth: 180,
      render: (user) => (
        <Stack gap={0}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {user.fullName}
            </Text>
            {user.id === currentUserId && (
              <Badge size="xs" variant="outline" miw="max-content">
                {t("users.you")}
              </Badge>
            )}
          </Group>
          {user.email && (
            <Text size="xs" c="dimmed">
              {user.email}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "username",
      header: t("users.username"),
      render: (user) => (
        <Text size="sm" ff="monospace">
          {user.username}
        </Text>
      ),
    },
    {
      key: "unit",
      header: t("users.unit"),
      render: (user) =>
        user.unitName ?? (
          <Text c="dimmed" size="sm">
            {t("users.noUnit")}
          </Text>
        ),
    },
    {
      key: "jobTitle",
      header: t("users.jobTitle"),
      render: (user) => user.jobTitle || t("common.none"),
    },
    {
      key: "roles",
      header: t("users.roles"),
      render: (user) => (
        <Group gap={4}>
          {user.roles.map((role) => (
            <Badge key={role} variant="light" size="sm" miw="max-content">
              {t(`roles.${role}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: "status",
      header: t("users.status"),
      fixed: true,
      render: (user) => {
        const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
        return (
          <Group gap={4}>
            <Badge
              color={user.active ? "teal" : "gray"}
              variant="light"
              size="sm"
              miw="max-content"
            >
              {t(user.active ? "common.active" : "common.inactive")}
            </Badge>
            {locked && (
              <Badge color="orange" variant="light" size="sm" miw="max-content">
                {t("users.locked")}
              </Badge>
            )}
            {user.active && user.mustChangePassword && (
              <Badge color="yellow" variant="light" size="sm" miw="max-content">
                {t("users.mustChangePassword")}
              </Badge>
            )}
          </Group>
        );
      },
    },
  ];
}

function UserActions({
  user,
  isSelf,
  onAction,
}: {
  user: UserRow;
  isSelf: boolean;
  onAction: (action: UserAction) => void;
}) {
  const t = useTranslations();
  return (
    <>
      <RowAction
        label={t("users.edit")}
        icon={<IconPencil size={18} />}
        onClick={() => onAction("edit")}
        testId="edit-user-button"
      />
      {!isSelf && (
        <RowAction
          label={t("users.resetPassword")}
          icon={<IconKey size={18} />}
          onClick={() => onAction("reset")}
          testId="reset-password-button"
        />
      )}
      {!isSelf && (
        <RowAction
          label={t(user.active ? "users.deactivate" : "users.reactivate")}
          icon={user.active ? <IconPlayerStop size={18} /> : <IconPlayerPlay size={18} />}
          color={user.active ? "red" : "teal"}
          onClick={() => onAction("status")}
          testId={user.active ? "deactivate-user-button" : "reactivate-user-button"}
        />
      )}
    </>
  );
}
