"use client";

import { Alert, Code, EmptyState, Group, Loader, Stack, Text } from "@mantine/core";
import { IconCheck, IconShieldCheck, IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { StateBadge } from "@/components/signing/state-badge";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { RowAction } from "@/components/ui/row-action";
import { showServerError } from "@/components/ui/server-errors";
import { formatDay } from "@/components/signing/certificate-dates";
import type { AppRouter } from "@/server/api/root";

type Anchor = inferRouterOutputs<AppRouter>["signing"]["trustAnchors"][number];
type Decision = { anchor: Anchor; decision: "approve" | "refuse" };

const statusColor = { pending: "yellow", approved: "teal", refused: "red" } as const;

function useAnchorColumns(): DataColumn<Anchor>[] {
  const t = useTranslations("signingAdmin.anchors");
  return [
    {
      key: "subject",
      header: t("subject"),
      card: "title",
      minWidth: 220,
      render: (a) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {a.commonName ?? a.subjectName}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {a.subjectName}
          </Text>
        </Stack>
      ),
    },
    {
      key: "fingerprint",
      header: t("fingerprint"),
      card: "wide",
      minWidth: 210,
      render: (a) => (
        // Lines break between byte pairs, never inside one.
        <Code style={{ whiteSpace: "normal", lineHeight: 1.6 }}>
          {a.fingerprint.replaceAll(":", ":\u200b")}
        </Code>
      ),
    },
    {
      key: "validity",
      header: t("validity"),
      nowrap: true,
      render: (a) => `${formatDay(a.notBefore)} – ${formatDay(a.notAfter)}`,
    },
    {
      key: "addedBy",
      header: t("addedBy"),
      render: (a) => (
        <Stack gap={0}>
          <Text size="sm">{a.addedBy}</Text>
          <Text size="xs" c="dimmed">
            {formatDay(a.createdAt)}
          </Text>
        </Stack>
      ),
    },
    {
      key: "status",
      header: t("status"),
      render: (a) => (
        <Stack gap={2}>
          <StateBadge color={statusColor[a.status]}>{t(`statuses.${a.status}`)}</StateBadge>
          {a.decidedBy && a.decidedAt && (
            <Text size="xs" c="dimmed">
              {t("decidedBy", { name: a.decidedBy, date: formatDay(a.decidedAt) })}
            </Text>
          )}
        </Stack>
      ),
    },
  ];
}

/**
 * The roots of outside CAs that imported certificates lead to. Signatures under one count as
 * trusted only once it is approved here; the SHA-256 fingerprint is what to compare with the
 * CA's published one before approving.
 */
export function TrustAnchorsPanel() {
  const t = useTranslations("signingAdmin.anchors");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Leaders put roots forward from their own pages: the tab always asks afresh.
  const anchors = useQuery({
    ...trpc.signing.trustAnchors.queryOptions(),
    refetchOnMount: "always",
  });
  const columns = useAnchorColumns();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const decide = useMutation(
    trpc.signing.decideTrustAnchor.mutationOptions({
      onSuccess: async () => {
        setDeciding(null);
        await queryClient.invalidateQueries({ queryKey: trpc.signing.trustAnchors.queryKey() });
      },
      onError: (error) => showServerError(error, t("failed")),
    }),
  );

  if (anchors.isPending) return <Loader aria-label={t("loading")} />;
  if (anchors.isError) return <Alert color="red">{t("loadError")}</Alert>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("hint")}
      </Text>
      {anchors.data.length === 0 ? (
        <EmptyState
          icon={<IconShieldCheck />}
          withIndicatorBackground
          title={t("emptyTitle")}
          description={t("emptyDescription")}
          py="xl"
          data-testid="anchors-empty"
        />
      ) : (
        <DataTable
          label={t("title")}
          columns={columns}
          rows={anchors.data}
          rowKey={(a) => a.id}
          rowTestId={(a) => `anchor-row-${a.id}`}
          actions={(a) => (
            <Group gap={4} wrap="nowrap">
              {a.status !== "approved" && (
                <RowAction
                  label={t("approve")}
                  name={t("approveOf", { name: a.commonName ?? a.subjectName })}
                  icon={<IconCheck size={18} />}
                  onClick={() => setDeciding({ anchor: a, decision: "approve" })}
                  testId="approve-anchor"
                />
              )}
              {a.status !== "refused" && (
                <RowAction
                  label={t("refuse")}
                  name={t("refuseOf", { name: a.commonName ?? a.subjectName })}
                  icon={<IconX size={18} />}
                  color="red"
                  onClick={() => setDeciding({ anchor: a, decision: "refuse" })}
                  testId="refuse-anchor"
                />
              )}
            </Group>
          )}
          testId="anchors-table"
        />
      )}
      {deciding && (
        <ConfirmDialog
          title={t(deciding.decision === "approve" ? "approveTitle" : "refuseTitle")}
          message={t(deciding.decision === "approve" ? "approveConfirm" : "refuseConfirm", {
            name: deciding.anchor.commonName ?? deciding.anchor.subjectName,
            fingerprint: deciding.anchor.fingerprint,
          })}
          confirmLabel={t(deciding.decision)}
          color={deciding.decision === "approve" ? "teal" : "red"}
          pending={decide.isPending}
          testId="confirm-anchor-decision"
          onConfirm={() => decide.mutate({ id: deciding.anchor.id, decision: deciding.decision })}
          onClose={() => setDeciding(null)}
        />
      )}
    </Stack>
  );
}
