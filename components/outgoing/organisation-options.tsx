"use client";

import { Badge, Combobox, Group, Stack, Text, Tooltip } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSitemap } from "@tabler/icons-react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import type { RecipientChoice } from "./recipient-types";

export const ORG = "org:";
export const BRANCH = "branch:";

/** The tree's organisations for what the user typed, searched by name or code, diacritics ignored. */
export function useRecipientSearch(text: string, enabled = true) {
  const trpc = useTRPC();
  const [query] = useDebouncedValue(text.trim(), 250);
  return useQuery({
    ...trpc.recipients.search.queryOptions({ query }, { placeholderData: keepPreviousData }),
    enabled,
  });
}

/** The open organisations directly under one, fetched when the user picks its branch. */
export function useBranchLoader() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (organisationId: string) =>
    queryClient.fetchQuery(trpc.recipients.branch.queryOptions({ organisationId }));
}

/** "Liên thông": an organisation hosted by a peer deployment, reached through the exchange. */
export function PeerBadge() {
  const t = useTranslations("recipientGroups");
  return (
    <Tooltip
      label={t("peerHint")}
      multiline
      w={260}
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge size="sm" variant="light" color="teal" tt="none" data-testid="peer-badge">
        {t("peer")}
      </Badge>
    </Tooltip>
  );
}

/**
 * The organisations offered in a combobox: each with its code and the one above it, and, for
 * one with open organisations under it, a second option adding that whole branch.
 */
export function OrganisationOptions({
  organisations,
  exclude,
  label,
}: {
  organisations: RecipientChoice[];
  /** Already chosen: only their branch is offered. */
  exclude: ReadonlySet<string>;
  label: string;
}) {
  const t = useTranslations("recipientGroups");
  if (organisations.length === 0) return null;
  return (
    <Combobox.Group label={label}>
      {organisations.flatMap((o) => [
        ...(exclude.has(o.id)
          ? []
          : [
              <Combobox.Option value={ORG + o.id} key={o.id} data-testid="organisation-option">
                <Group gap={8} wrap="nowrap" justify="space-between" align="flex-start">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm">{o.name}</Text>
                    {o.parentName && (
                      <Text size="xs" c="dimmed">
                        {t("under", { name: o.parentName })}
                      </Text>
                    )}
                  </Stack>
                  <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {o.code}
                    </Text>
                    {o.peer && <PeerBadge />}
                  </Stack>
                </Group>
              </Combobox.Option>,
            ]),
        ...(o.children > 0
          ? [
              <Combobox.Option
                value={BRANCH + o.id}
                key={`branch:${o.id}`}
                data-testid="branch-option"
              >
                <Group gap={6} wrap="nowrap" pl="md">
                  <IconSitemap size={16} aria-hidden style={{ flexShrink: 0 }} />
                  <Text size="sm" c="indigo.8">
                    {t("branchOption", { count: o.children, name: o.name })}
                  </Text>
                </Group>
              </Combobox.Option>,
            ]
          : []),
      ])}
    </Combobox.Group>
  );
}
