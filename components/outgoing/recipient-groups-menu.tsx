"use client";

import { Button, Menu, Text } from "@mantine/core";
import { IconChevronDown, IconSettings, IconUsersGroup } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { RecipientGroupsModal } from "./recipient-groups-modal";
import type { RecipientGroupRow } from "./recipient-types";

/**
 * "Nhóm nơi nhận": the organisation's recipient groups, each applied to the addressees in one
 * click; the clerks who keep them find "Quản lý nhóm…" at the foot of the list.
 */
export function RecipientGroupsMenu({ onApply }: { onApply: (group: RecipientGroupRow) => void }) {
  const t = useTranslations("recipientGroups");
  const trpc = useTRPC();
  const groups = useQuery(trpc.recipients.groups.queryOptions());
  const [managing, setManaging] = useState(false);
  const list = groups.data?.groups ?? [];

  return (
    <>
      <Menu position="bottom-start" width={340} withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconUsersGroup size={18} />}
            rightSection={<IconChevronDown size={16} />}
            style={{ alignSelf: "flex-start" }}
            loading={groups.isPending}
            data-testid="recipient-groups-menu"
          >
            {t("menu")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {groups.isError && (
            <Text size="sm" c="red.8" p="xs">
              {t("loadError")}
            </Text>
          )}
          {groups.isSuccess && list.length === 0 && (
            <Text size="sm" c="dimmed" p="xs" data-testid="recipient-groups-menu-empty">
              {t("menuEmpty")} {t("menuEmptyHint")}
            </Text>
          )}
          {list.map((group) => (
            <Menu.Item
              key={group.id}
              onClick={() => onApply(group)}
              rightSection={
                <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {t("memberCount", { count: group.members.length })}
                </Text>
              }
              data-testid="apply-recipient-group"
            >
              {group.name}
            </Menu.Item>
          ))}
          {groups.data?.canManage && (
            <>
              <Menu.Divider />
              <Menu.Item
                leftSection={<IconSettings size={16} />}
                onClick={() => setManaging(true)}
                data-testid="manage-recipient-groups"
              >
                {t("manage")}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {managing && <RecipientGroupsModal onClose={() => setManaging(false)} />}
    </>
  );
}
