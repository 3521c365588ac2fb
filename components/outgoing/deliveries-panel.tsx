"use client";

import {
  Alert,
  Badge,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBellRinging, IconSend } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { RowAction } from "@/components/ui/row-action";
import { messageOf } from "@/components/ui/server-errors";
import type { DeliveryStatus } from "@/lib/delivery";
import type { AppRouter } from "@/server/api/root";

type DeliveryRow = inferRouterOutputs<AppRouter>["delivery"]["list"][number];
type Filter = "all" | "waiting" | "late" | "refused" | "completed";

const statusColor: Record<DeliveryStatus, string> = {
  pending: "gray",
  arrived: "blue",
  refused: "red",
  registered: "cyan",
  assigned: "indigo",
  in_progress: "violet",
  completed: "green",
};

const matches: Record<Filter, (d: DeliveryRow) => boolean> = {
  all: () => true,
  waiting: (d) => d.status === "arrived",
  late: (d) => d.late,
  refused: (d) => d.status === "refused",
  completed: (d) => d.status === "completed",
};

function useColumns(): DataColumn<DeliveryRow>[] {
  const t = useTranslations("deliveries");
  return [
    {
      key: "recipient",
      header: t("recipient"),
      card: "title",
      minWidth: 200,
      render: (d) => (
        <Stack gap={2}>
          <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
            {d.recipientName}
          </Text>
          {d.addressedName && (
            <Text size="xs" c="dimmed">
              {t("addressedMerged", { name: d.addressedName })}
            </Text>
          )}
          {d.outside && (
            <Text size="xs" c="dimmed">
              {t("outside")}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "status",
      header: t("status"),
      render: (d) => (
        <Group gap={6}>
          <Badge color={statusColor[d.status]} variant="light" data-testid="delivery-status">
            {t(`statusName.${d.status}`)}
          </Badge>
          {d.late && (
            <Badge color="orange" variant="filled" data-testid="delivery-late">
              {t("late")}
            </Badge>
          )}
          {d.reason && (
            <Text size="xs" c="red.8" style={{ overflowWrap: "anywhere" }}>
              {t("reason", { reason: d.reason })}
            </Text>
          )}
        </Group>
      ),
    },
    {
      key: "at",
      header: t("at"),
      nowrap: true,
      render: (d) => (d.statusAt ? formatDateTime(d.statusAt) : "—"),
    },
    {
      key: "history",
      header: t("history"),
      card: "wide",
      render: (d) =>
        d.events.length === 0 ? (
          "—"
        ) : (
          <Stack gap={2} data-testid="delivery-history">
            {d.events.map((e) => (
              <Text key={`${e.round}-${e.code}`} size="xs">
                {t(`statusName.${e.status}`)} · {formatDateTime(e.at)}
                {e.staffName ? ` · ${e.staffName}` : ""}
                {d.round > 1 ? ` · ${t("round", { round: e.round })}` : ""}
              </Text>
            ))}
          </Stack>
        ),
    },
  ];
}

/**
 * Where an issued document stands at each recipient: the status each reported back (edXML
 * codes), when, and by whom; those that have waited more than a working day unregistered are
 * marked late. The sender's clerks can remind a recipient, or send it again after a refusal.
 */
export function DeliveriesPanel({
  documentId,
  canDispatch,
}: {
  documentId: string;
  canDispatch: boolean;
}) {
  const t = useTranslations("deliveries");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const list = useQuery(trpc.delivery.list.queryOptions({ documentId }));
  const [filter, setFilter] = useState<Filter>("all");
  const columns = useColumns();
  const act = useMutation({
    mutationFn: ({ kind, row }: { kind: "remind" | "resend"; row: DeliveryRow }) =>
      client.delivery[kind].mutate({ deliveryId: row.id, version: row.version }),
    onSuccess: (_, { kind }) => {
      notifications.show({ color: "green", message: t(kind === "remind" ? "reminded" : "resent") });
      void list.refetch();
    },
    onError: (error) => {
      notifications.show({ color: "red", message: messageOf(error, t("actionFailed")) });
      void list.refetch();
    },
  });

  const rows = list.data ?? [];
  if (list.isPending) return <Loader size="sm" aria-label={t("loading")} />;
  if (list.isError) {
    return (
      <Alert color="red" variant="light">
        {messageOf(list.error, t("loadError"))}
      </Alert>
    );
  }
  if (rows.length === 0) return null;
  const count = (f: Filter) => rows.filter(matches[f]).length;
  const shown = rows.filter(matches[filter]);
  return (
    <Card withBorder padding="md" data-testid="deliveries-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={4}>{t("title")}</Title>
          <Text size="sm" c="dimmed">
            {t("summary", { done: count("completed"), total: rows.length })}
          </Text>
        </Group>
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={(["all", "waiting", "late", "refused", "completed"] as const).map((f) => ({
            value: f,
            label: `${t(`filter.${f}`)} (${count(f)})`,
          }))}
          styles={{ root: { flexWrap: "wrap" } }}
          data-testid="delivery-filter"
        />
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="deliveries-none">
            {t("none")}
          </Text>
        ) : (
          <DataTable
            label={t("title")}
            columns={columns}
            rows={shown}
            rowKey={(d) => d.id}
            rowTestId={() => "delivery-row"}
            actions={
              canDispatch
                ? (d) => (
                    <>
                      {d.status === "arrived" && !d.outside && (
                        <RowAction
                          label={t("remind")}
                          name={t("remindOf", { name: d.recipientName })}
                          icon={<IconBellRinging size={18} />}
                          onClick={() => act.mutate({ kind: "remind", row: d })}
                          testId="delivery-remind"
                        />
                      )}
                      {d.status === "refused" && !d.outside && (
                        <RowAction
                          label={t("resend")}
                          name={t("resendOf", { name: d.recipientName })}
                          icon={<IconSend size={18} />}
                          onClick={() => act.mutate({ kind: "resend", row: d })}
                          testId="delivery-resend"
                        />
                      )}
                    </>
                  )
                : undefined
            }
            testId="deliveries-table"
          />
        )}
      </Stack>
    </Card>
  );
}
