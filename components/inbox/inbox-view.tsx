"use client";

import { Badge, Button, Chip, Group, Stack, Tabs } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/ui/page-header";
import { TabScroller } from "@/components/ui/tab-scroller";
import { inboxFilters, type InboxFilter } from "@/lib/schemas/inbox";
import { InboxBoxList } from "./inbox-box-list";
import {
  inboxHref,
  inboxTabs,
  parseFilter,
  parseTab,
  tabCount,
  type InboxCounters,
  type InboxTab,
} from "./inbox-tabs";

const filterColor: Record<InboxFilter, string> = {
  due_soon: "orange",
  overdue: "red",
  returned: "orange",
};

/**
 * The inbox: one tab per box the person has, with its count, and the list of the open tab.
 * The tab and filter live in the URL (?box=…&filter=…) so the home page can link straight to
 * "1 quá hạn"; switching only rewrites the URL, without a round trip to the server.
 */
export function InboxView({
  initialCounters,
  fallbackTab,
  canReceive,
}: {
  initialCounters: InboxCounters;
  fallbackTab: InboxTab;
  canReceive: boolean;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const params = useSearchParams();
  // Always fresh on arrival: coming back from a document one just handled must not show it here.
  const counters =
    useQuery(
      trpc.inbox.counters.queryOptions(undefined, {
        initialData: initialCounters,
        staleTime: 0,
      }),
    ).data ?? initialCounters;
  const tab = parseTab(params.get("box"), counters) ?? fallbackTab;
  const filter = parseFilter(params.get("filter"), tab);
  const go = (next: InboxTab, nextFilter: InboxFilter | null) =>
    window.history.pushState(null, "", inboxHref(next, nextFilter));

  const filterCount: Record<InboxFilter, number> = {
    due_soon: counters.dueSoon,
    overdue: counters.overdue,
    returned: counters.returned,
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t("inboxPage.title")}
        description={t("inboxPage.description")}
        actions={
          canReceive && (
            <Button
              component={Link}
              href="/incoming/new"
              leftSection={<IconFileImport size={16} />}
              data-testid="receive-button"
            >
              {t("inboxPage.receive")}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={(v) => v && go(v as InboxTab, null)}>
        <TabScroller active={tab}>
          <Tabs.List aria-label={t("inboxPage.tabsLabel")} style={{ flexWrap: "nowrap" }}>
            {inboxTabs(counters).map((box) => (
              <Tabs.Tab
                key={box}
                value={box}
                rightSection={<TabCount tab={box} counters={counters} />}
                data-testid={`inbox-tab-${box}`}
                style={{ whiteSpace: "nowrap" }}
              >
                {t(`inbox.boxes.${box}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </TabScroller>
      </Tabs>
      {tab === "to_handle" && (
        <Group gap="xs" role="group" aria-label={t("inboxPage.filtersLabel")}>
          {inboxFilters.map((f) => (
            <Chip
              key={f}
              size="sm"
              color={filterColor[f]}
              checked={filter === f}
              onChange={() => go("to_handle", filter === f ? null : f)}
              wrapperProps={{ "data-testid": `inbox-filter-${f}` }}
            >
              {t("inboxPage.filterWithCount", {
                label: t(`inbox.filters.${f}`),
                count: filterCount[f],
              })}
            </Chip>
          ))}
        </Group>
      )}
      <InboxBoxList
        key={`${tab}:${filter ?? ""}`}
        tab={tab}
        filter={filter}
        canReceive={canReceive}
        onClearFilter={() => go(tab, null)}
      />
    </Stack>
  );
}

function TabCount({ tab, counters }: { tab: InboxTab; counters: InboxCounters }) {
  const count = tabCount(tab, counters);
  if (count === null) return null;
  const alarming = tab === "to_handle" && counters.overdue > 0;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      variant={count > 0 ? "filled" : "light"}
      color={count === 0 ? "gray" : alarming ? "red" : undefined}
      data-testid={`inbox-count-${tab}`}
    >
      {count}
    </Badge>
  );
}
