"use client";

import {
  Alert,
  Button,
  EmptyState,
  Flex,
  Group,
  Loader,
  Select,
  Stack,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconFileSearch, IconFilterOff, IconSearch } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import classes from "./search-view.module.css";
import { isDocumentOpen } from "@/components/documents/document-format";
import { DocumentList, type DocumentListRow } from "@/components/inbox/document-list";
import { useTRPC } from "@/components/providers/trpc";
import { foldedFilter } from "@/components/ui/folded-filter";
import { DateRangeField } from "@/components/reports/date-range-field";
import { LoadMore } from "@/components/ui/load-more";
import { messageOf } from "@/components/ui/server-errors";
import { documentTypeKeys, urgencies } from "@/lib/documents";
import { incomingStatuses } from "@/lib/schemas/search";
import {
  criteriaFromParams,
  emptyCriteria,
  hasCriteria,
  searchHref,
  type SearchCriteria,
} from "./search-params";

const PAGE_SIZE = 30;

/**
 * Words and filters, all kept in the URL. Typing waits a moment before searching; the
 * previous results stay on screen meanwhile. Nothing is listed before something is asked.
 */
export function SearchView() {
  const t = useTranslations();
  const trpc = useTRPC();
  const criteria = criteriaFromParams(useSearchParams());
  const [q, setQ] = useState(criteria.q ?? "");
  const [issuer, setIssuer] = useState(criteria.issuer ?? "");
  const [typedQ] = useDebouncedValue(q.trim(), 400);
  const [typedIssuer] = useDebouncedValue(issuer.trim(), 400);

  const update = (change: Partial<SearchCriteria>) =>
    window.history.replaceState(null, "", searchHref({ ...criteria, ...change }));

  useEffect(() => {
    const nextQ = typedQ || null;
    const nextIssuer = typedIssuer || null;
    if (nextQ !== criteria.q || nextIssuer !== criteria.issuer) {
      update({ q: nextQ, issuer: nextIssuer });
    }
    // Only the typed words drive this; the rest of the criteria are read fresh from the URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typedQ, typedIssuer]);

  const asked = hasCriteria(criteria);
  const list = useInfiniteQuery(
    trpc.search.documents.infiniteQueryOptions(
      { ...criteria, limit: PAGE_SIZE },
      {
        getNextPageParam: (page) => page.nextCursor,
        enabled: asked,
        placeholderData: (previous) => previous,
      },
    ),
  );
  const rows: DocumentListRow[] =
    list.data?.pages.flatMap((page) =>
      page.items.map((item) => ({ ...item, deadlineOpen: isDocumentOpen(item.status) })),
    ) ?? [];

  const clear = () => {
    setQ("");
    setIssuer("");
    window.history.replaceState(null, "", searchHref(emptyCriteria));
  };

  let body;
  if (!asked) {
    body = (
      <EmptyState
        icon={<IconFileSearch size={28} />}
        withIndicatorBackground
        title={t("searchPage.startTitle")}
        description={t("searchPage.startDescription")}
        data-testid="search-start"
        py="xl"
      />
    );
  } else if (list.isPending) {
    body = (
      <Group justify="center" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Group>
    );
  } else if (list.isError) {
    body = (
      <Alert color="red" variant="light" data-testid="search-error">
        {messageOf(list.error, t("searchPage.loadError"))}
      </Alert>
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState
        icon={<IconFilterOff size={28} />}
        withIndicatorBackground
        title={t("searchPage.noResultTitle")}
        description={t("search.empty")}
        data-testid="search-empty"
        py="xl"
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={clear}>
            {t("searchPage.clear")}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  } else {
    body = (
      <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
        <DocumentList rows={rows} testId="search-results" />
        <LoadMore
          shown={t("searchPage.shown", { count: rows.length })}
          list={list}
          testId="search"
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <TextInput
        label={t("searchPage.query")}
        description={t("search.hint")}
        placeholder={t("search.placeholder")}
        leftSection={<IconSearch size={16} />}
        rightSection={list.isFetching && asked ? <Loader size="xs" /> : null}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maxLength={200}
        type="search"
        size="md"
        data-testid="search-query"
      />
      <Flex gap="sm" wrap="wrap" className={classes.filters}>
        <DateRangeField
          label={t("searchPage.arrivalRange")}
          value={[criteria.from, criteria.to]}
          onCommit={([from, to]) => update({ from, to })}
          clearable
          data-testid="search-range"
        />
        <Select
          label={t("search.type")}
          placeholder={t("searchPage.any")}
          data={documentTypeKeys.map((key) => ({ value: key, label: t(`documentTypes.${key}`) }))}
          value={criteria.type}
          onChange={(v) => update({ type: (v as SearchCriteria["type"]) ?? null })}
          filter={foldedFilter}
          searchable
          clearable
          data-testid="search-type"
        />
        <TextInput
          label={t("search.issuer")}
          placeholder={t("searchPage.issuerPlaceholder")}
          value={issuer}
          onChange={(e) => setIssuer(e.currentTarget.value)}
          maxLength={255}
          data-testid="search-issuer"
        />
        <Select
          label={t("search.status")}
          placeholder={t("searchPage.any")}
          data={incomingStatuses.map((s) => ({ value: s, label: t(`documentStatus.${s}`) }))}
          value={criteria.status}
          onChange={(v) => update({ status: (v as SearchCriteria["status"]) ?? null })}
          clearable
          data-testid="search-status"
        />
        <Select
          label={t("search.urgency")}
          placeholder={t("searchPage.any")}
          data={urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
          value={criteria.urgency}
          onChange={(v) => update({ urgency: (v as SearchCriteria["urgency"]) ?? null })}
          clearable
          data-testid="search-urgency"
        />
      </Flex>
      {asked && (
        <Group justify="flex-end">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} />}
            onClick={clear}
            data-testid="search-clear"
          >
            {t("searchPage.clear")}
          </Button>
        </Group>
      )}
      {body}
    </Stack>
  );
}
