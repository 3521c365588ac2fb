"use client";

import { Badge, Button, EmptyState, Stack, Tabs } from "@mantine/core";
import {
  IconArrowBackUp,
  IconChecklist,
  IconFilePencil,
  IconRubberStamp,
  IconSignature,
} from "@tabler/icons-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ComponentType } from "react";
import { ListBody } from "@/components/inbox/inbox-box-list";
import type { DocumentListRow } from "@/components/inbox/document-list";
import type { InboxCounters } from "@/components/inbox/inbox-tabs";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/ui/page-header";
import { TabScroller } from "@/components/ui/tab-scroller";
import { subjectLine } from "@/lib/outgoing";
import type { OutgoingBox } from "@/lib/schemas/inbox";
import type { SentFilter } from "@/lib/schemas/delivery";
import { BatchSignButton } from "./batch-sign";
import {
  defaultOutgoingTab,
  outgoingHref,
  outgoingTabs,
  parseOutgoingTab,
  parseSentFilter,
  type OutgoingCounts,
  type OutgoingTab,
} from "./outgoing-tabs";
import { SentList } from "./sent-list";

const PAGE_SIZE = 30;

const icons: Record<OutgoingBox, ComponentType<{ size?: number }>> = {
  to_sign: IconSignature,
  draft_review: IconChecklist,
  to_issue: IconRubberStamp,
  draft_returned: IconArrowBackUp,
  drafting: IconFilePencil,
};

/** Why a box is empty, and for those who draft, the way to write one. */
function OutgoingEmpty({ box, canDraft }: { box: OutgoingBox; canDraft: boolean }) {
  const t = useTranslations("outgoingPage");
  const Icon = icons[box];
  return (
    <EmptyState
      icon={<Icon size={28} />}
      withIndicatorBackground
      title={t(`empty.${box}.title`)}
      description={t(`empty.${box}.description`)}
      data-testid="inbox-empty"
      py="xl"
    >
      {canDraft && (box === "drafting" || box === "draft_returned") && (
        <EmptyState.Actions>
          <Button component={Link} href="/outgoing/new" leftSection={<IconFilePencil size={16} />}>
            {t("newDraft")}
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}

/** The documents of one box, a page at a time. */
function OutgoingBoxList({ box, canDraft }: { box: OutgoingBox; canDraft: boolean }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.inbox.list.infiniteQueryOptions(
      { box, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, staleTime: 0 },
    ),
  );
  const rows: DocumentListRow[] =
    list.data?.pages.flatMap((page) =>
      page.items.map((item) => ({
        ...item,
        subject: subjectLine(item.documentType, item.subject),
        deadlineOpen: false,
        returned: item.box === "draft_returned",
      })),
    ) ?? [];
  // Two or more waiting for the leader's signature may be signed in one go.
  const batch =
    box === "to_sign" && rows.length > 1
      ? (list.data?.pages.flatMap((page) =>
          page.items.map((i) => ({
            id: i.id,
            version: i.version,
            subject: subjectLine(i.documentType, i.subject),
          })),
        ) ?? [])
      : [];
  return (
    <Stack gap="sm">
      {batch.length > 1 && <BatchSignButton rows={batch} />}
      <ListBody
        rows={rows}
        list={list}
        direction="outgoing"
        empty={<OutgoingEmpty box={box} canDraft={canDraft} />}
      />
    </Stack>
  );
}

/** A tab's count: for the sent documents, only those late at a recipient, and only if any. */
function TabCount({ tab, count }: { tab: OutgoingTab; count: number }) {
  const t = useTranslations("outgoingPage");
  if (tab === "sent") {
    if (count === 0) return null;
    return (
      <Badge
        size="sm"
        circle={count < 10}
        color="orange"
        title={t("sent.lateDocuments", { count })}
        data-testid="outgoing-count-sent"
      >
        {count}
      </Badge>
    );
  }
  return (
    <Badge
      size="sm"
      circle={count < 10}
      variant={count > 0 ? "filled" : "light"}
      color={count === 0 ? "gray" : tab === "draft_returned" ? "orange" : undefined}
      data-testid={`outgoing-count-${tab}`}
    >
      {count}
    </Badge>
  );
}

/**
 * "Văn bản đi": one tab per box of outgoing documents the person has, with its count, the
 * documents sent to other organisations, and the list of the open tab. The tab lives in the URL
 * (?box=…&filter=…); switching only rewrites it.
 */
export function OutgoingInbox({
  initialCounters,
  available,
  canDraft,
}: {
  initialCounters: InboxCounters;
  /** The tabs the person's roles give them. */
  available: OutgoingTab[];
  canDraft: boolean;
}) {
  const t = useTranslations("outgoingPage");
  const trpc = useTRPC();
  const params = useSearchParams();
  // Always fresh on arrival: coming back from a document one just signed must not show it here.
  const counters =
    useQuery(
      trpc.inbox.counters.queryOptions(undefined, { initialData: initialCounters, staleTime: 0 }),
    ).data ?? initialCounters;
  const followsSent = available.includes("sent");
  const late = useQuery(
    trpc.delivery.lateCount.queryOptions(undefined, { enabled: followsSent, staleTime: 0 }),
  );
  const counts: OutgoingCounts = { ...counters.outgoing, sent: late.data ?? 0 };
  const tab =
    parseOutgoingTab(params.get("box"), available, counts) ?? defaultOutgoingTab(available, counts);
  const filter = parseSentFilter(params.get("filter"));
  const go = (next: OutgoingTab, nextFilter: SentFilter = "all") =>
    window.history.pushState(null, "", outgoingHref(next, nextFilter));

  return (
    <Stack gap="md">
      <PageHeader
        title={t("inboxTitle")}
        description={t("inboxDescription")}
        actions={
          canDraft && (
            <Button
              component={Link}
              href="/outgoing/new"
              leftSection={<IconFilePencil size={16} />}
              data-testid="new-draft-button"
            >
              {t("newDraft")}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={(v) => v && go(v as OutgoingTab)}>
        <TabScroller active={tab}>
          <Tabs.List aria-label={t("tabsLabel")} style={{ flexWrap: "nowrap" }}>
            {outgoingTabs(available, counts).map((box) => (
              <Tabs.Tab
                key={box}
                value={box}
                rightSection={<TabCount tab={box} count={counts[box]} />}
                data-testid={`outgoing-tab-${box}`}
                style={{ whiteSpace: "nowrap" }}
              >
                {t(`boxes.${box}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </TabScroller>
      </Tabs>
      {tab === "sent" ? (
        <SentList key={filter} filter={filter} onFilter={(next) => go("sent", next)} />
      ) : (
        <OutgoingBoxList key={tab} box={tab} canDraft={canDraft} />
      )}
    </Stack>
  );
}
