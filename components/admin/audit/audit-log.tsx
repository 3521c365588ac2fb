"use client";

import { Alert, Badge, Button, Card, EmptyState, Group, Loader, Stack, Text } from "@mantine/core";
import { IconFilterOff, IconListCheck, IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { LoadMore } from "@/components/ui/load-more";
import { fieldErrorsOf, messageOf, showServerError } from "@/components/ui/server-errors";
import type { AuditEntityType } from "@/lib/audit-actions";
import type { BrokenReason, ChainReport } from "@/server/audit/verify";
import { AuditEvents, type Drill } from "./audit-events";
import { AuditFilterFields } from "./audit-filters";
import {
  auditHref,
  fieldOfInput,
  filtersFromParams,
  hasFilters,
  listFilters,
  noFilters,
  type AuditFilters,
} from "./audit-params";

const PAGE_SIZE = 50;

const reasonKey = {
  hash: "reasonHash",
  link: "reasonLink",
  gap: "reasonGap",
  truncated: "reasonTruncated",
} as const satisfies Record<BrokenReason, string>;

function ChainResult({ report }: { report: ChainReport }) {
  const t = useTranslations("audit");
  if (report.ok) {
    return (
      <Alert color="green" icon={<IconShieldCheck />} data-testid="chain-ok">
        {t("intact", { events: report.events })}
      </Alert>
    );
  }
  const reason = t(reasonKey[report.brokenAt.reason]);
  return (
    <Alert color="red" icon={<IconShieldX />} data-testid="chain-broken">
      {t("broken", { seq: report.brokenAt.seq, reason })}
    </Alert>
  );
}

export function AuditLog({
  organisationName,
  canVerifyAll,
  linkTypes,
  initialFilters,
}: {
  organisationName: string;
  canVerifyAll: boolean;
  /** Kinds of record whose admin page the reader may open. */
  linkTypes: AuditEntityType[];
  /** The filters the page's address opened with. */
  initialFilters: AuditFilters;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const links = new Set(linkTypes);
  // The fields follow this state at once; the address mirrors it, so that the view can be
  // reloaded and shared, and Back returns from "only this record" to the wider view.
  const [filters, setFilters] = useState(initialFilters);
  useEffect(() => {
    const restore = () =>
      setFilters(filtersFromParams(new URLSearchParams(window.location.search)));
    window.addEventListener("popstate", restore);
    return () => window.removeEventListener("popstate", restore);
  }, []);
  // Every change is applied to the latest filters (a field's late change event never brings back
  // an older view), and the address follows the state once it is set.
  const history = useRef<"push" | "replace">("replace");
  useEffect(() => {
    const href = auditHref(filters);
    if (href === `${window.location.pathname}${window.location.search}`) return;
    if (history.current === "push") window.history.pushState(null, "", href);
    else window.history.replaceState(null, "", href);
    history.current = "replace";
  }, [filters]);
  const go = (next: AuditFilters | ((current: AuditFilters) => AuditFilters), remember = false) => {
    if (remember) history.current = "push";
    setFilters(next);
  };
  const update = (change: Partial<AuditFilters>) => go((current) => ({ ...current, ...change }));
  const drill: Drill = (filter) => {
    go((current) => ({ ...current, ...filter }), true);
    window.scrollTo({ top: 0, behavior: "smooth" });
  };

  const actors = useQuery(trpc.audit.actors.queryOptions({}));
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...listFilters(filters), limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor, placeholderData: (previous) => previous },
    ),
  );
  const verify = useMutation(
    trpc.audit.verify.mutationOptions({ onError: (e) => showServerError(e, t("errors.internal")) }),
  );
  const verifyAll = useMutation(
    trpc.audit.verifyAll.mutationOptions({
      onError: (e) => showServerError(e, t("errors.internal")),
    }),
  );
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = hasFilters(filters);
  const errors = Object.fromEntries(
    Object.entries(events.isError ? fieldErrorsOf(events.error) : {}).map(([field, message]) => [
      fieldOfInput[field] ?? field,
      message,
    ]),
  );

  let body;
  if (events.isError) {
    body = (
      <Alert color="red" variant="light" data-testid="audit-error">
        {messageOf(events.error, t("audit.loadError"))}
      </Alert>
    );
  } else if (events.isPending) {
    body = (
      <Group justify="center" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Group>
    );
  } else if (items.length === 0) {
    body = filtered ? (
      <EmptyState
        icon={<IconFilterOff />}
        withIndicatorBackground
        title={t("audit.noMatch")}
        description={t("audit.noMatchHint")}
        data-testid="audit-no-match"
        py="xl"
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={() => go(noFilters)}>
            {t("audit.filters.clear")}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    ) : (
      <EmptyState
        icon={<IconListCheck />}
        title={t("audit.empty")}
        description={t("audit.emptyHint")}
      />
    );
  } else {
    body = (
      <Stack gap="sm" style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }}>
        <AuditEvents items={items} links={links} onDrill={drill} />
        <LoadMore shown={t("audit.shown", { count: items.length })} list={events} testId="audit" />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Card withBorder>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{organisationName}</Text>
          <Group gap="xs">
            <Button
              leftSection={<IconShieldCheck size={16} />}
              loading={verify.isPending}
              onClick={() => verify.mutate({})}
              data-testid="verify-chain"
            >
              {t("audit.verify")}
            </Button>
            {canVerifyAll && (
              <Button
                variant="light"
                loading={verifyAll.isPending}
                onClick={() => verifyAll.mutate()}
              >
                {t("audit.verifyAll")}
              </Button>
            )}
          </Group>
        </Group>
        {verify.data && (
          <Stack mt="sm">
            <ChainResult report={verify.data} />
          </Stack>
        )}
        {verifyAll.data && (
          <Stack mt="sm" gap="xs">
            <Text fw={600} size="sm">
              {t("audit.allOrganisations")}
            </Text>
            {verifyAll.data.map((org) => (
              <Group key={org.id} gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={org.report.ok ? "green" : "red"} variant="light" miw={90}>
                  {org.code}
                </Badge>
                <Text size="sm">
                  {org.name} · {t("audit.events", { count: org.report.events })}
                  {!org.report.ok &&
                    ` · ${t("audit.broken", { seq: org.report.brokenAt.seq, reason: t(`audit.${reasonKey[org.report.brokenAt.reason as BrokenReason]}`) })}`}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      <Card withBorder component="section" aria-label={t("audit.filters.title")}>
        <AuditFilterFields
          filters={filters}
          onChange={update}
          actors={actors.data ?? []}
          errors={errors}
        />
        {filtered && (
          <Group justify="flex-end" mt="sm">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} />}
              onClick={() => go(noFilters)}
              data-testid="audit-clear-filters"
            >
              {t("audit.filters.clear")}
            </Button>
          </Group>
        )}
      </Card>

      {body}
    </Stack>
  );
}
