"use client";

import {
  ActionIcon,
  Badge,
  Box,
  Code,
  Group,
  Menu,
  Stack,
  Text,
  type MantineColor,
} from "@mantine/core";
import {
  IconArrowMerge,
  IconArrowsMove,
  IconBuildingCommunity,
  IconChevronDown,
  IconChevronRight,
  IconDots,
  IconPencil,
  IconPlus,
  IconUsers,
  IconX,
} from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { OrgLevel, OrgStatus } from "@/lib/schemas/org-tree";
import { displayDate, type OrgNode } from "./org-tree-helpers";

export type RowAction = "edit" | "addChild" | "move" | "merge" | "close";

const levelColor: Record<OrgLevel, MantineColor> = {
  central: "red",
  province: "indigo",
  district: "teal",
  commune: "grape",
};
const statusColor: Record<OrgStatus, MantineColor> = {
  active: "green",
  closed: "gray",
  merged: "orange",
};

// Room for a 28 px control, so names line up whether or not a row has one.
const CONTROL_WIDTH = 28;

export function OrganisationRow({
  node,
  collapsed,
  onToggle,
  onAction,
}: {
  node: OrgNode;
  collapsed: boolean;
  onToggle: () => void;
  onAction: (action: RowAction) => void;
}) {
  const t = useTranslations("orgTree");
  const tl = useTranslations("levels");
  const inactive = node.status !== "active";

  return (
    <Group
      data-testid={`org-row-${node.code}`}
      data-status={node.status}
      wrap="nowrap"
      align="flex-start"
      gap="xs"
      py="xs"
      pr="xs"
      style={{
        paddingInlineStart: `calc(var(--mantine-spacing-xs) + ${node.depth} * 1.1rem)`,
        borderBottom: "1px solid var(--mantine-color-default-border)",
        opacity: inactive ? 0.6 : 1,
      }}
    >
      {node.children.length > 0 ? (
        <ActionIcon
          variant="subtle"
          color="gray"
          size={CONTROL_WIDTH}
          onClick={onToggle}
          aria-expanded={!collapsed}
          aria-label={collapsed ? t("expand") : t("collapse")}
          data-testid={`org-toggle-${node.code}`}
        >
          {collapsed ? <IconChevronRight size={16} /> : <IconChevronDown size={16} />}
        </ActionIcon>
      ) : (
        <Box w={CONTROL_WIDTH} style={{ flexShrink: 0 }} />
      )}
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Text fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
          {node.name}
        </Text>
        <Group gap={6} wrap="wrap">
          <Code>{node.code}</Code>
          <Badge size="sm" variant="light" color={levelColor[node.level]}>
            {tl(node.level)}
          </Badge>
          <Badge
            size="sm"
            variant={inactive ? "outline" : "light"}
            color={statusColor[node.status]}
            data-testid="org-status"
          >
            {t(`status.${node.status}`)}
          </Badge>
          <Group gap={4} wrap="nowrap" title={t("usersTitle")}>
            <IconUsers size={14} aria-hidden />
            <Text size="xs" c="dimmed" data-testid="org-user-count">
              {t("userCount", { count: node.activeUsers })}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap" title={t("unitsTitle")}>
            <IconBuildingCommunity size={14} aria-hidden />
            <Text size="xs" c="dimmed">
              {t("unitCount", { count: node.activeUnits })}
            </Text>
          </Group>
        </Group>
        {node.status === "merged" && (
          <Text size="xs" c="dimmed" data-testid="org-history">
            {t("mergedInto", { name: node.mergedIntoName ?? "", date: displayDate(node.validTo) })}
          </Text>
        )}
        {node.status === "closed" && (
          <Text size="xs" c="dimmed" data-testid="org-history">
            {t("closedOn", { date: displayDate(node.validTo) })}
          </Text>
        )}
      </Stack>
      {inactive ? (
        <Box w={CONTROL_WIDTH} style={{ flexShrink: 0 }} />
      ) : (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size={CONTROL_WIDTH}
              aria-label={t("actionsFor", { name: node.name })}
              data-testid={`org-actions-${node.code}`}
            >
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconPencil size={16} />}
              onClick={() => onAction("edit")}
              data-testid="org-action-edit"
            >
              {t("edit")}
            </Menu.Item>
            {node.level !== "commune" && (
              <Menu.Item
                leftSection={<IconPlus size={16} />}
                onClick={() => onAction("addChild")}
                data-testid="org-action-add-child"
              >
                {t("addChild")}
              </Menu.Item>
            )}
            <Menu.Item
              leftSection={<IconArrowsMove size={16} />}
              onClick={() => onAction("move")}
              data-testid="org-action-move"
            >
              {t("move")}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconArrowMerge size={16} />}
              onClick={() => onAction("merge")}
              data-testid="org-action-merge"
            >
              {t("merge")}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item
              component={Link}
              href={`/admin/users?organisationId=${node.id}`}
              leftSection={<IconUsers size={16} />}
              data-testid="org-action-users"
            >
              {t("manageUsers")}
            </Menu.Item>
            <Menu.Item
              component={Link}
              href={`/admin/units?organisationId=${node.id}`}
              leftSection={<IconBuildingCommunity size={16} />}
              data-testid="org-action-units"
            >
              {t("manageUnits")}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item
              color="red"
              leftSection={<IconX size={16} />}
              onClick={() => onAction("close")}
              data-testid="org-action-close"
            >
              {t("close")}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
