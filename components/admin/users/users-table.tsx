"use client";

import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconKey, IconPencil, IconPlayerPlay, IconPlayerStop } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { UserRow } from "./user-types";

export type UserAction = "edit" | "reset" | "status";

/** Wide on purpose: on a phone it scrolls sideways rather than squeezing names into slivers. */
export function UsersTable({
  users,
  currentUserId,
  onAction,
}: {
  users: UserRow[];
  currentUserId: string;
  onAction: (action: UserAction, user: UserRow) => void;
}) {
  const t = useTranslations();
  // Fixed when the list mounts: a lock that expires meanwhile shows until the next refresh.
  const [now] = useState(() => Date.now());
  return (
    <Table.ScrollContainer minWidth={920}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("users.fullName")}</Table.Th>
            <Table.Th>{t("users.username")}</Table.Th>
            <Table.Th miw={170}>{t("users.unit")}</Table.Th>
            <Table.Th miw={150}>{t("users.jobTitle")}</Table.Th>
            <Table.Th>{t("users.roles")}</Table.Th>
            <Table.Th>{t("users.status")}</Table.Th>
            <Table.Th ta="right">{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <UserTableRow
              key={user.id}
              user={user}
              isSelf={user.id === currentUserId}
              locked={user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now}
              onAction={(action) => onAction(action, user)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UserTableRow({
  user,
  isSelf,
  locked,
  onAction,
}: {
  user: UserRow;
  isSelf: boolean;
  locked: boolean;
  onAction: (action: UserAction) => void;
}) {
  const t = useTranslations();
  const toggleLabel = t(user.active ? "users.deactivate" : "users.reactivate");
  return (
    <Table.Tr data-testid={`user-row-${user.username}`} c={user.active ? undefined : "dimmed"}>
      <Table.Td>
        <Stack gap={0}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600}>
              {user.fullName}
            </Text>
            {isSelf && (
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
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {user.username}
        </Text>
      </Table.Td>
      <Table.Td>
        {user.unitName ?? (
          <Text c="dimmed" size="sm">
            {t("users.noUnit")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{user.jobTitle || t("common.none")}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {user.roles.map((role) => (
            <Badge key={role} variant="light" size="sm" miw="max-content">
              {t(`roles.${role}`)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge color={user.active ? "teal" : "gray"} variant="light" size="sm" miw="max-content">
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
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <RowAction
            label={t("users.edit")}
            testId="edit-user-button"
            onClick={() => onAction("edit")}
          >
            <IconPencil size={18} />
          </RowAction>
          {!isSelf && (
            <RowAction
              label={t("users.resetPassword")}
              testId="reset-password-button"
              onClick={() => onAction("reset")}
            >
              <IconKey size={18} />
            </RowAction>
          )}
          {!isSelf && (
            <RowAction
              label={toggleLabel}
              color={user.active ? "red" : "teal"}
              testId={user.active ? "deactivate-user-button" : "reactivate-user-button"}
              onClick={() => onAction("status")}
            >
              {user.active ? <IconPlayerStop size={18} /> : <IconPlayerPlay size={18} />}
            </RowAction>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function RowAction({
  label,
  testId,
  color,
  onClick,
  children,
}: {
  label: string;
  testId: string;
  color?: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color={color}
        size="lg"
        aria-label={label}
        onClick={onClick}
        data-testid={testId}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
