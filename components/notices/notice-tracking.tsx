"use client";

import { Alert, Button, Chip, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBellRinging } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { showServerError } from "@/components/ui/server-errors";
import type { NoticeTrackingFilter } from "@/lib/notices";

type Row = {
  userId: string;
  fullName: string;
  jobTitle: string;
  unitName: string | null;
  readAt: Date | null;
  confirmedAt: Date | null;
  remindedAt: Date | null;
};

/**
 * The publisher's view of a published notice: how many read and confirmed it, each recipient
 * with their times, the ones still owing filtered out, and a reminder for them.
 */
export function NoticeTracking({ noticeId }: { noticeId: string }) {
  const t = useTranslations("notices");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<NoticeTrackingFilter>("all");
  const query = useQuery(trpc.notices.tracking.queryOptions({ id: noticeId, filter }));
  const remind = useMutation(
    trpc.notices.remind.mutationOptions({
      onSuccess: ({ reminded }) => {
        notifications.show({ color: "green", message: t("remindedToast", { count: reminded }) });
        void queryClient.invalidateQueries({ queryKey: trpc.notices.tracking.pathKey() });
      },
      onError: (e) => showServerError(e, tAll("errors.internal")),
    }),
  );
  const data = query.data;
  const time = (at: Date | null) => (at ? formatDateTime(at) : t("notYet"));
  const columns: DataColumn<Row>[] = [
    {
      key: "person",
      header: t("columns.person"),
      card: "title",
      minWidth: 180,
      render: (r) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {r.fullName}
          </Text>
          {r.jobTitle && (
            <Text size="xs" c="dimmed">
              {r.jobTitle}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: "unit", header: t("columns.unit"), render: (r) => r.unitName ?? "—" },
    { key: "readAt", header: t("columns.readAt"), nowrap: true, render: (r) => time(r.readAt) },
    ...(data?.requiresConfirmation
      ? [
          {
            key: "confirmedAt",
            header: t("columns.confirmedAt"),
            nowrap: true,
            render: (r: Row) => time(r.confirmedAt),
          },
        ]
      : []),
    {
      key: "remindedAt",
      header: t("columns.remindedAt"),
      nowrap: true,
      render: (r) => (r.remindedAt ? formatDateTime(r.remindedAt) : "—"),
    },
  ];
  return (
    <Paper withBorder p="md" radius="md" data-testid="notice-tracking">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4">
            {t("tracking")}
          </Title>
          {data && (
            <Group gap="md" data-testid="notice-figures">
              <Text size="sm" fw={500}>
                {t("figures", { read: data.totals.read, total: data.totals.recipients })}
              </Text>
              {data.requiresConfirmation && (
                <Text size="sm" fw={500}>
                  {t("figuresConfirmed", {
                    confirmed: data.totals.confirmed,
                    total: data.totals.recipients,
                  })}
                </Text>
              )}
            </Group>
          )}
        </Group>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Chip.Group value={filter} onChange={(v) => setFilter(v as NoticeTrackingFilter)}>
            <Group gap="xs" data-testid="notice-tracking-filter">
              {(
                [
                  "all",
                  "unread",
                  ...(data?.requiresConfirmation ? ["unconfirmed"] : []),
                ] as NoticeTrackingFilter[]
              ).map((f) => (
                <Chip key={f} value={f}>
                  {t(`filter.${f}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {data?.status === "published" && data.totals.remindable > 0 && (
            <Button
              variant="light"
              leftSection={<IconBellRinging size={16} />}
              loading={remind.isPending}
              onClick={() => remind.mutate({ id: noticeId })}
              data-testid="notice-remind"
            >
              {data.requiresConfirmation ? t("remindConfirm") : t("remind")}
            </Button>
          )}
        </Group>
        {query.isError && (
          <Alert color="red" variant="light">
            {t("loadError")}
          </Alert>
        )}
        {data && data.rows.length === 0 ? (
          <Alert
            variant="light"
            color="gray"
            title={t("trackingEmpty")}
            data-testid="tracking-empty"
          >
            {t("trackingEmptyHint")}
          </Alert>
        ) : (
          <DataTable
            columns={columns}
            rows={data?.rows ?? []}
            rowKey={(r) => r.userId}
            label={t("tracking")}
            testId="notice-recipients"
            rowTestId={() => "notice-recipient"}
          />
        )}
      </Stack>
    </Paper>
  );
}
