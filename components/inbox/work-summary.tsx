"use client";

import { Card, Group, Paper, SimpleGrid, Text, type MantineColor } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AnchorLink } from "@/components/ui/anchor-link";
import type { InboxFilter } from "@/lib/schemas/inbox";
import { inboxHref, type InboxCounters, type InboxTab } from "./inbox-tabs";

type Counter = {
  key: string;
  label: string;
  count: number;
  tab: InboxTab;
  filter?: InboxFilter;
  color?: MantineColor;
  /** Elsewhere than the inbox. */
  href?: string;
  /** Shown even at zero: the person's main boxes. The warnings appear only when they apply. */
  always?: boolean;
};

/**
 * "Việc của bạn" on the home page: what waits on this person, each number a link to the inbox
 * tab that lists it. Only the boxes of the person's roles appear. For the clerk who sends, the
 * documents sent that a recipient is late to register (`sentLate`, null for others).
 */
export function WorkSummary({
  counters,
  sentLate = null,
}: {
  counters: InboxCounters;
  sentLate?: number | null;
}) {
  const t = useTranslations();
  const c = (key: string) => t(`inbox.counters.${key}`);
  const items: Counter[] = [
    ...(counters.clerk
      ? [
          {
            key: "toRegister",
            label: c("toRegister"),
            count: counters.clerk.toRegister,
            tab: "to_register" as const,
            always: true,
          },
          {
            key: "toPresent",
            label: c("toPresent"),
            count: counters.clerk.toPresent,
            tab: "to_present" as const,
            always: true,
          },
          {
            key: "returnedToClerk",
            label: c("returnedToClerk"),
            count: counters.clerk.returned,
            tab: "returned" as const,
            color: "orange",
          },
          {
            key: "atLeader",
            label: c("atLeader"),
            count: counters.clerk.atLeader,
            tab: "at_leader" as const,
          },
        ]
      : []),
    ...(counters.leader
      ? [
          {
            key: "toDirect",
            label: c("toDirect"),
            count: counters.leader.toDirect,
            tab: "to_direct" as const,
            always: true,
          },
        ]
      : []),
    ...(counters.toReview !== null
      ? [
          {
            key: "toReview",
            label: c("toReview"),
            count: counters.toReview,
            tab: "to_review" as const,
            color: "violet",
          },
        ]
      : []),
    {
      key: "toHandle",
      label: c("toHandle"),
      count: counters.toHandle,
      tab: "to_handle",
      always: true,
    },
    {
      key: "overdue",
      label: c("overdue"),
      count: counters.overdue,
      tab: "to_handle",
      filter: "overdue",
      color: "red",
    },
    {
      key: "dueSoon",
      label: c("dueSoon"),
      count: counters.dueSoon,
      tab: "to_handle",
      filter: "due_soon",
      color: "orange",
    },
    {
      key: "returned",
      label: c("returned"),
      count: counters.returned,
      tab: "to_handle",
      filter: "returned",
      color: "orange",
    },
    { key: "infoUnread", label: c("infoUnread"), count: counters.infoUnread, tab: "info" },
    ...(sentLate !== null
      ? [
          {
            key: "sentLate",
            label: c("sentLate"),
            count: sentLate,
            tab: "info" as const,
            href: "/outgoing?box=sent&filter=late",
            color: "orange",
          },
        ]
      : []),
  ];
  const shown = items.filter((i) => i.always || i.count > 0);
  return (
    <Card withBorder padding="lg" data-testid="work-summary">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {t("homeWork.title")}
        </Text>
        <AnchorLink href="/incoming" size="sm">
          <Group gap={4} wrap="nowrap" component="span">
            {t("homeWork.openInbox")}
            <IconArrowRight size={14} />
          </Group>
        </AnchorLink>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
        {shown.map((item) => (
          <Paper
            key={item.key}
            withBorder
            p="sm"
            component={Link}
            href={item.href ?? inboxHref(item.tab, item.filter)}
            data-testid={`work-${item.key}`}
            style={{ textDecoration: "none", color: "inherit" }}
          >
            <Text
              fz={28}
              fw={700}
              lh={1.1}
              c={item.count === 0 ? "dimmed" : (item.color ?? "indigo.7")}
            >
              {item.count}
            </Text>
            <Text size="sm" c={item.count > 0 && item.color ? item.color : undefined}>
              {item.label}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Card>
  );
}
