"use client";

import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  EmptyState,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { IconListCheck, IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";
import type { BrokenReason, ChainReport } from "@/server/audit/verify";

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
}: {
  organisationName: string;
  canVerifyAll: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { limit: 50 },
      { getNextPageParam: (last) => last.nextCursor },
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

      {events.isSuccess && items.length === 0 ? (
        <EmptyState
          icon={<IconListCheck />}
          title={t("audit.empty")}
          description={t("audit.emptyHint")}
        />
      ) : (
        <ScrollArea type="auto">
          <Table striped highlightOnHover miw={720} data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("audit.seq")}</Table.Th>
                <Table.Th>{t("audit.time")}</Table.Th>
                <Table.Th>{t("audit.actor")}</Table.Th>
                <Table.Th>{t("audit.action")}</Table.Th>
                <Table.Th>{t("audit.entity")}</Table.Th>
                <Table.Th>{t("audit.details")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {format.dateTime(e.createdAt, {
                      day: "2-digit",
                      month: "2-digit",
                      year: "numeric",
                      hour: "2-digit",
                      minute: "2-digit",
                      second: "2-digit",
                    })}
                  </Table.Td>
                  <Table.Td>{e.actorName ?? t("audit.system")}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {t.has(`audit.actions.${e.action}`) && (
                        <Text size="sm">{t(`audit.actions.${e.action}`)}</Text>
                      )}
                      <Code style={{ alignSelf: "flex-start" }}>{e.action}</Code>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {t.has(`audit.entities.${e.entityType}`)
                      ? t(`audit.entities.${e.entityType}`)
                      : e.entityType}
                  </Table.Td>
                  <Table.Td>
                    {e.redacted ? (
                      <Text size="xs" c="dimmed" fs="italic" maw={360} data-testid="audit-redacted">
                        {t("audit.redacted")}
                      </Text>
                    ) : (
                      <Text
                        size="xs"
                        c="dimmed"
                        lineClamp={2}
                        maw={360}
                        style={{ wordBreak: "break-all" }}
                      >
                        {JSON.stringify(e.data)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {events.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void events.fetchNextPage()}
          loading={events.isFetchingNextPage}
        >
          {t("common.loadMore")}
        </Button>
      )}
    </Stack>
  );
}
