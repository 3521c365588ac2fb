"use client";

import { Alert, EmptyState, Group, Loader, Select, Stack, Tabs } from "@mantine/core";
import { IconBook } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { LoadMore } from "@/components/ui/load-more";
import { messageOf } from "@/components/ui/server-errors";
import { vietnamToday } from "@/lib/dates";
import { FollowUpBookTable, IncomingBookTable } from "./book-tables";
import { DateRangeField } from "./date-range-field";
import { rangeFromParams, thisMonth } from "./date-ranges";
import { DownloadButtons } from "./download-buttons";
import { OutgoingBookTable } from "./outgoing-book-table";
import classes from "./registry-books-view.module.css";

export type BookRegistryOption = {
  id: string;
  name: string;
  kind: "incoming" | "secret" | "outgoing" | "secret_outgoing";
  isDefault: boolean;
};

const books = ["incoming", "follow_up", "outgoing"] as const;
type Book = (typeof books)[number];
const PAGE_SIZE = 100;

const downloadPath: Record<Book, string> = {
  incoming: "/api/reports/registry-book",
  follow_up: "/api/reports/follow-up-book",
  outgoing: "/api/reports/outgoing-book",
};

/** The registries each book is kept in, the ordinary one first. */
const registryKinds: Record<
  Book,
  readonly [BookRegistryOption["kind"], BookRegistryOption["kind"]]
> = {
  incoming: ["incoming", "secret"],
  follow_up: ["incoming", "secret"],
  outgoing: ["outgoing", "secret_outgoing"],
};

const isSecret = (r: BookRegistryOption) => r.kind === "secret" || r.kind === "secret_outgoing";

/**
 * The incoming books and the outgoing book of one registry over a period, as on paper: the
 * book, the registry and the period live in the URL, and the print and spreadsheet links carry
 * the same ones.
 */
export function RegistryBooksView({ registries: all }: { registries: BookRegistryOption[] }) {
  const t = useTranslations();
  const params = useSearchParams();
  const book: Book = books.find((b) => b === params.get("book")) ?? "incoming";
  const registries = all.filter((r) => registryKinds[book].includes(r.kind));
  const fallbackRegistry =
    registries.find((r) => r.kind === registryKinds[book][0] && r.isDefault) ?? registries[0];
  const registryId =
    registries.find((r) => r.id === params.get("registryId"))?.id ?? fallbackRegistry?.id ?? null;
  const outgoing = book === "outgoing";
  const [from, to] = rangeFromParams(
    params.get("from"),
    params.get("to"),
    thisMonth(vietnamToday()),
  );

  const go = (change: { book?: Book; registryId?: string | null; from?: string; to?: string }) => {
    const next = { book, registryId, from, to, ...change };
    // A registry of incoming documents has no outgoing book, and the other way round.
    const kept = all.find((r) => r.id === next.registryId);
    if (kept && !registryKinds[next.book].includes(kept.kind)) next.registryId = null;
    const query = new URLSearchParams({ book: next.book, from: next.from, to: next.to });
    if (next.registryId) query.set("registryId", next.registryId);
    window.history.replaceState(null, "", `/registry-books?${query.toString()}`);
  };

  const tabs = (
    <Tabs
      value={book}
      onChange={(v) => v && go({ book: v as Book })}
      classNames={{ tab: classes.tab, tabLabel: classes.tabLabel }}
    >
      <Tabs.List>
        <Tabs.Tab value="incoming" data-testid="book-tab-incoming">
          {t("reports.incomingBook")}
        </Tabs.Tab>
        <Tabs.Tab value="follow_up" data-testid="book-tab-follow-up">
          {t("reports.followUpBook")}
        </Tabs.Tab>
        <Tabs.Tab value="outgoing" data-testid="book-tab-outgoing">
          {t("reports.outgoingBook")}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );

  if (!registryId) {
    return (
      <Stack gap="md">
        {tabs}
        <EmptyState
          icon={<IconBook size={28} />}
          withIndicatorBackground
          title={t(
            outgoing
              ? "registryBooks.noOutgoingRegistriesTitle"
              : "registryBooks.noRegistriesTitle",
          )}
          description={t("registryBooks.noRegistriesDescription")}
          data-testid="books-no-registry"
          py="xl"
        />
      </Stack>
    );
  }

  const download = (format: "pdf" | "xlsx") =>
    `${downloadPath[book]}?${new URLSearchParams({ from, to, registryId, format }).toString()}`;

  return (
    <Stack gap="md">
      {tabs}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t("reports.chooseRegistry")}
          data={registries.map((r) => ({
            value: r.id,
            label: isSecret(r) ? t("registryBooks.secretRegistry", { name: r.name }) : r.name,
          }))}
          value={registryId}
          onChange={(v) => v && go({ registryId: v })}
          allowDeselect={false}
          w={{ base: "100%", xs: 280 }}
          data-testid="book-registry"
        />
        <DateRangeField
          label={t(outgoing ? "registryBooks.outgoingRange" : "registryBooks.range")}
          value={[from, to]}
          onCommit={([f, tt]) => f && tt && go({ from: f, to: tt })}
          w={{ base: "100%", xs: 280 }}
          data-testid="book-range"
        />
        <DownloadButtons
          pdfHref={download("pdf")}
          xlsxHref={download("xlsx")}
          pdfLabel={t("reports.downloadPdf")}
        />
      </Group>
      {book === "incoming" && <IncomingBook registryId={registryId} from={from} to={to} />}
      {book === "follow_up" && <FollowUpBook registryId={registryId} from={from} to={to} />}
      {outgoing && <OutgoingBook registryId={registryId} from={from} to={to} />}
    </Stack>
  );
}

type BookProps = { registryId: string; from: string; to: string };

function IncomingBook(props: BookProps) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.reports.registryBook.infiniteQueryOptions(
      { ...props, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const rows = list.data?.pages.flatMap((page) => page.rows) ?? [];
  return (
    <BookBody list={list} count={rows.length} emptyKey="incoming">
      <IncomingBookTable rows={rows} />
    </BookBody>
  );
}

function FollowUpBook(props: BookProps) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.reports.followUpBook.infiniteQueryOptions(
      { ...props, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const rows = list.data?.pages.flatMap((page) => page.rows) ?? [];
  return (
    <BookBody list={list} count={rows.length} emptyKey="follow_up">
      <FollowUpBookTable rows={rows} />
    </BookBody>
  );
}

function OutgoingBook(props: BookProps) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.reports.outgoingBook.infiniteQueryOptions(
      { ...props, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const rows = list.data?.pages.flatMap((page) => page.rows) ?? [];
  return (
    <BookBody list={list} count={rows.length} emptyKey="outgoing">
      <OutgoingBookTable rows={rows} />
    </BookBody>
  );
}

const emptyText: Record<Book, { title: string; hint: string }> = {
  incoming: { title: "reports.empty", hint: "reports.emptyHint" },
  follow_up: { title: "registryBooks.followUpEmpty", hint: "registryBooks.followUpEmptyHint" },
  outgoing: { title: "reports.outgoingEmpty", hint: "reports.outgoingEmptyHint" },
};

function BookBody({
  list,
  count,
  emptyKey,
  children,
}: {
  list: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => Promise<unknown>;
  };
  count: number;
  emptyKey: Book;
  children: ReactNode;
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
      <Alert color="red" variant="light" data-testid="book-error">
        {messageOf(list.error, t("registryBooks.loadError"))}
      </Alert>
    );
  }
  if (count === 0) {
    return (
      <EmptyState
        icon={<IconBook size={28} />}
        withIndicatorBackground
        title={t(emptyText[emptyKey].title)}
        description={t(emptyText[emptyKey].hint)}
        data-testid="book-empty"
        py="xl"
      />
    );
  }
  return (
    <Stack gap="sm">
      {children}
      <LoadMore shown={t("registryBooks.shown", { count })} list={list} testId="book" />
    </Stack>
  );
}
