"use client";

import {
  Alert,
  Badge,
  Button,
  Chip,
  EmptyState,
  Group,
  Loader,
  Progress,
  Stack,
  Text,
} from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { AnchorLink } from "@/components/ui/anchor-link";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { LoadMore } from "@/components/ui/load-more";
import { subjectLine } from "@/lib/outgoing";
import type { SentFilter } from "@/lib/schemas/delivery";
import type { AppRouter } from "@/server/api/root";

type SentRow = inferRouterOutputs<AppRouter>["delivery"]["sent"]["items"][number];

const PAGE_SIZE = 30;

/** The narrowing chips, each the recipients' filter of the document's own table. */
export const sentChips = ["waiting", "late", "refused"] as const satisfies SentFilter[];
const chipColor = { waiting: "blue", late: "orange", refused: "red" } as const;

/** What the badges under a document count, in the order the clerk reads them. */
const notes = ["late", "refused", "completed", "replied", "recallOpen", "recalled"] as const;
const noteColor = {
  late: "orange",
  refused: "red",
  completed: "teal",
  replied: "teal",
  recallOpen: "grape",
  recalled: "gray",
} as const satisfies Record<(typeof notes)[number], string>;

/** How far the recipients have got: registered of all, and what needs the clerk. */
function Progressed({ row }: { row: SentRow }) {
  const t = useTranslations("outgoingPage.sent");
  const active = row.recipients - row.recalled;
  const share = active > 0 ? (row.registered / active) * 100 : 0;
  return (
    <Stack gap={4} miw={170}>
      <Text size="sm" data-testid="sent-registered">
        {t("registered", { registered: row.registered, total: active })}
      </Text>
      <Progress
        value={share}
        size="sm"
        color={row.registered === active ? "teal" : "blue"}
        aria-label={t("registered", { registered: row.registered, total: active })}
      />
      <Group gap={4}>
        {notes
          .filter((n) => row[n] > 0)
          .map((n) => (
            <Badge key={n} size="sm" color={noteColor[n]} variant="light" data-testid={`sent-${n}`}>
              {t(n, { count: row[n] })}
            </Badge>
          ))}
      </Group>
    </Stack>
  );
}

function useColumns(): DataColumn<SentRow>[] {
  const t = useTranslations("outgoingPage.sent");
  const tTypes = useTranslations("documentTypes");
  return [
    {
      key: "number",
      header: t("number"),
      nowrap: true,
      render: (row) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {row.numberNotation}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDate(row.documentDate)}
          </Text>
        </Stack>
      ),
    },
    {
      key: "subject",
      header: t("subject"),
      card: "title",
      minWidth: 240,
      render: (row) => (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {tTypes(row.documentType)}
          </Text>
          <AnchorLink
            href={`/documents/${row.id}`}
            size="sm"
            fw={500}
            c="var(--mantine-color-text)"
            data-testid="document-link"
          >
            {subjectLine(row.documentType, row.subject)}
          </AnchorLink>
        </Stack>
      ),
    },
    {
      key: "recipients",
      header: t("recipients"),
      card: "wide",
      render: (row) => <Progressed row={row} />,
    },
  ];
}

/**
 * "Đã gửi": the organisation's documents sent to other organisations, newest first, each with
 * how many recipients have registered it and what needs the clerk (late, refused, recall
 * requests unanswered). The chips narrow it; the document's page has the table per recipient.
 */
export function SentList({
  filter,
  onFilter,
}: {
  filter: SentFilter;
  onFilter: (next: SentFilter) => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.delivery.sent.infiniteQueryOptions(
      { filter, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, staleTime: 0 },
    ),
  );
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const columns = useColumns();
  // Nothing sent yet: nothing to narrow.
  const nothingSent = filter === "all" && list.isSuccess && rows.length === 0;
  return (
    <Stack gap="sm">
      <Group
        gap="xs"
        role="group"
        aria-label={t("outgoingPage.sent.filtersLabel")}
        display={nothingSent ? "none" : undefined}
      >
        {sentChips.map((f) => (
          <Chip
            key={f}
            size="sm"
            color={chipColor[f]}
            checked={filter === f}
            onChange={() => onFilter(filter === f ? "all" : f)}
            wrapperProps={{ "data-testid": `sent-filter-${f}` }}
          >
            {t(`deliveries.filter.${f}`)}
          </Chip>
        ))}
      </Group>
      {list.isPending ? (
        <Group justify="center" py="xl">
          <Loader aria-label={t("common.loading")} />
        </Group>
      ) : list.isError ? (
        <Alert color="red" variant="light" data-testid="sent-error">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t("outgoingPage.sent.loadError")}</Text>
            <Button size="xs" variant="default" onClick={() => void list.refetch()}>
              {t("inboxPage.retry")}
            </Button>
          </Stack>
        </Alert>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<IconSend size={28} />}
          withIndicatorBackground
          title={t(`outgoingPage.sent.empty.${filter}`)}
          description={t("outgoingPage.sent.emptyDescription")}
          data-testid="sent-empty"
          py="xl"
        />
      ) : (
        <>
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(row) => row.id}
            label={t("outgoingPage.boxes.sent")}
            testId="sent-table"
            rowTestId={() => "sent-row"}
          />
          <LoadMore
            shown={t("inboxPage.shown", { count: rows.length })}
            list={list}
            testId="sent"
          />
        </>
      )}
    </Stack>
  );
}
