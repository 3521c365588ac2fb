"use client";

import { Alert, Badge, Button, Card, EmptyState, Group, Stack, Text } from "@mantine/core";
import { IconListCheck, IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";
import type { BrokenReason, ChainReport } from "@/server/audit/verify";
import { AuditEvents } from "./audit-events";

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
        <AuditEvents items={items} />
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
