"use client";

import { SegmentedControl, Stack, Text } from "@mantine/core";
import { IconInbox, IconRefresh } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifications } from "@mantine/notifications";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { StateBadge } from "@/components/signing/state-badge";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { ListStates } from "@/components/ui/list-states";
import { RowAction } from "@/components/ui/row-action";
import { showServerError } from "@/components/ui/server-errors";
import { formatNumberNotation } from "@/lib/documents";
import type { outboxStates } from "@/lib/schemas/exchange";
import type { OutboxRow } from "./exchange-types";

type Filter = "all" | (typeof outboxStates)[number];
const stateColor = { pending: "yellow", failed: "red", sent: "teal" } as const;

function useOutboxColumns(): DataColumn<OutboxRow>[] {
  const t = useTranslations("exchangeAdmin.outbox");
  return [
    {
      key: "message",
      header: t("message"),
      card: "title",
      minWidth: 240,
      render: (m) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {m.kind === "document"
              ? t("document", { number: formatNumberNotation(m.codeNumber, m.codeNotation) || "—" })
              : t("status", { code: m.statusCode ?? "" })}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {m.subject ?? t("secret")}
          </Text>
        </Stack>
      ),
    },
    { key: "peer", header: t("peer"), render: (m) => m.peer },
    {
      key: "state",
      header: t("state"),
      render: (m) => (
        <Stack gap={2} align="flex-start">
          <StateBadge color={stateColor[m.state]}>{t(`states.${m.state}`)}</StateBadge>
          <Text size="xs" c="dimmed">
            {t("attempts", { count: m.attempts })}
          </Text>
        </Stack>
      ),
    },
    {
      key: "when",
      header: t("when"),
      render: (m) => (
        <Stack gap={0}>
          <Text size="xs">{t("created", { at: formatDateTime(m.createdAt) })}</Text>
          {m.sentAt && <Text size="xs">{t("sentAt", { at: formatDateTime(m.sentAt) })}</Text>}
          {m.state === "pending" && m.attempts > 0 && (
            <Text size="xs">{t("nextAt", { at: formatDateTime(m.nextAttemptAt) })}</Text>
          )}
          {m.retriedBy && m.retriedAt && (
            <Text size="xs" c="dimmed">
              {t("retriedBy", { name: m.retriedBy, at: formatDateTime(m.retriedAt) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "error",
      header: t("error"),
      card: "wide",
      minWidth: 200,
      render: (m) =>
        m.lastError ? (
          <Text
            size="xs"
            c={m.state === "failed" ? "red" : undefined}
            style={{ overflowWrap: "anywhere" }}
          >
            {m.lastError}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        ),
    },
  ];
}

/** What waits to go to peers, what failed and why (sent again on demand), what went. */
export function OutboxPanel() {
  const t = useTranslations("exchangeAdmin.outbox");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>("all");
  const outbox = useQuery({
    ...trpc.exchange.outbox.queryOptions({ state: filter === "all" ? null : filter }),
    refetchInterval: 10_000,
  });
  const retry = useMutation(
    trpc.exchange.retry.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "green", message: t("retried") });
        await queryClient.invalidateQueries({ queryKey: trpc.exchange.pathKey() });
      },
      onError: (error) => showServerError(error, t("retryError")),
    }),
  );
  const columns = useOutboxColumns();
  const counts = outbox.data?.counts;
  const label = (state: Filter) =>
    counts && state !== "all"
      ? `${t(`filters.${state}`)} (${counts[state]})`
      : t(`filters.${state}`);
  return (
    <Stack gap="sm">
      <SegmentedControl
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={(["all", "pending", "failed", "sent"] as const).map((s) => ({
          value: s,
          label: label(s),
        }))}
        style={{ alignSelf: "flex-start", maxWidth: "100%" }}
        data-testid="outbox-filter"
      />
      <ListStates
        query={outbox}
        count={outbox.data?.rows.length ?? 0}
        loadError={t("loadError")}
        empty={{
          icon: <IconInbox />,
          title: t("empty"),
          description: t("emptyHint"),
          testId: "outbox-empty",
          action: null,
        }}
      />
      {outbox.data && outbox.data.rows.length > 0 && (
        <DataTable
          label={t("title")}
          columns={columns}
          rows={outbox.data.rows}
          rowKey={(m) => m.id}
          rowTestId={(m) => `outbox-${m.state}`}
          actions={(m) =>
            m.state === "sent" ? null : (
              <RowAction
                label={t(m.state === "failed" ? "retry" : "sendNow")}
                icon={<IconRefresh size={16} />}
                onClick={() => retry.mutate({ id: m.id })}
                testId="retry-message"
                showLabel
              />
            )
          }
        />
      )}
    </Stack>
  );
}
