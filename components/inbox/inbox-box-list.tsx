"use client";

import { Alert, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { isDocumentOpen } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { LoadMore } from "@/components/ui/load-more";
import type { ClerkBox, InboxFilter } from "@/lib/schemas/inbox";
import { BatchRegisterButton } from "./batch-register";
import { DocumentList, type DocumentListDirection, type DocumentListRow } from "./document-list";
import { InboxEmpty } from "./inbox-empty";
import { isClerkTab, type InboxTab } from "./inbox-tabs";

const PAGE_SIZE = 30;
/** The most registered in one go, as the server takes them. */
const BATCH_MAX = 50;

/** The documents of one tab, a page at a time ("Xem thêm"), with its own empty state. */
export function InboxBoxList({
  tab,
  filter,
  canReceive,
  onClearFilter,
}: {
  tab: InboxTab;
  filter: InboxFilter | null;
  canReceive: boolean;
  onClearFilter: () => void;
}) {
  return isClerkTab(tab) ? (
    <ClerkBoxList box={tab} canReceive={canReceive} />
  ) : (
    <PersonalBoxList
      box={tab}
      filter={filter}
      canReceive={canReceive}
      onClearFilter={onClearFilter}
    />
  );
}

function PersonalBoxList({
  box,
  filter,
  canReceive,
  onClearFilter,
}: {
  box: Exclude<InboxTab, ClerkBox>;
  filter: InboxFilter | null;
  canReceive: boolean;
  onClearFilter: () => void;
}) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.inbox.list.infiniteQueryOptions(
      { box, filter, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, staleTime: 0 },
    ),
  );
  // Work still waiting on this person has a live deadline; what they handled or only read does not.
  const waiting = box === "to_handle" || box === "to_direct" || box === "to_review";
  const rows: DocumentListRow[] =
    list.data?.pages.flatMap((page) =>
      page.items.map((item) => ({
        ...item,
        deadline: item.deadline ?? item.documentDeadline,
        deadlineOpen: waiting && isDocumentOpen(item.status),
        unread: item.box === "info_unread",
        returned: item.returned,
        part:
          item.partStatus === "submitted" || item.partStatus === "closed" ? item.partStatus : null,
        delegated: item.kind === "delegate",
      })),
    ) ?? [];
  return (
    <ListBody
      rows={rows}
      list={list}
      empty={
        <InboxEmpty
          tab={box}
          filter={filter}
          canReceive={canReceive}
          onClearFilter={onClearFilter}
        />
      }
    />
  );
}

function ClerkBoxList({ box, canReceive }: { box: ClerkBox; canReceive: boolean }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.inbox.clerkBox.infiniteQueryOptions(
      { box, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, staleTime: 0 },
    ),
  );
  const rows: DocumentListRow[] =
    list.data?.pages.flatMap((page) =>
      page.items.map((item) => ({
        ...item,
        deadlineOpen: isDocumentOpen(item.status),
        returned: box === "returned",
      })),
    ) ?? [];
  // What arrived electronically came with its metadata: it may be registered straight from here.
  const arrived =
    box === "to_register"
      ? (list.data?.pages.flatMap((page) => page.items) ?? []).slice(0, BATCH_MAX)
      : [];
  return (
    <Stack gap="sm">
      {arrived.length > 0 && <BatchRegisterButton rows={arrived} />}
      <ListBody
        rows={rows}
        list={list}
        empty={
          <InboxEmpty tab={box} filter={null} canReceive={canReceive} onClearFilter={() => {}} />
        }
      />
    </Stack>
  );
}

export type ListState = {
  isPending: boolean;
  isError: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
};

/** A list of documents, or its loading, error and empty states, with "Xem thêm" for the next page. */
export function ListBody({
  rows,
  list,
  empty,
  direction = "incoming",
}: {
  rows: DocumentListRow[];
  list: ListState;
  empty: ReactNode;
  direction?: DocumentListDirection;
}) {
  const t = useTranslations();
  if (list.isPending) {
    return (
      <Group justify="center" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Group>
    );
  }
  if (list.isError) {
    return (
      <Alert color="red" variant="light" data-testid="inbox-error">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t("inboxPage.loadError")}</Text>
          <Button size="xs" variant="default" onClick={() => void list.refetch()}>
            {t("inboxPage.retry")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (rows.length === 0) return empty;
  return (
    <Stack gap="sm">
      <DocumentList rows={rows} testId="inbox-table" direction={direction} />
      <LoadMore shown={t("inboxPage.shown", { count: rows.length })} list={list} testId="inbox" />
    </Stack>
  );
}
