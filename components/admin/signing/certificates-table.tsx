"use client";

import { Badge, Group, Stack, Text, Tooltip } from "@mantine/core";
import { IconBan, IconRefresh } from "@tabler/icons-react";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { StateBadge } from "@/components/signing/state-badge";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { RowAction } from "@/components/ui/row-action";
import { formatDay } from "@/components/signing/certificate-dates";
import type { AppRouter } from "@/server/api/root";

export type CertificateRow = inferRouterOutputs<AppRouter>["signing"]["list"][number];
export type CertificateAction = "renew" | "revoke";

const statusColor = { active: "teal", revoked: "red", superseded: "gray" } as const;

/** A long serial shows its ends; the whole of it is in the tooltip and for copying. */
const shortSerial = (serial: string) =>
  serial.length > 16 ? `${serial.slice(0, 8)}…${serial.slice(-6)}` : serial;

function useCertificateColumns(): DataColumn<CertificateRow>[] {
  const t = useTranslations("signingAdmin");
  return [
    {
      key: "holder",
      header: t("holder"),
      card: "title",
      minWidth: 200,
      render: (c) => (
        <Stack gap={2}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {c.holderName ?? c.subjectName}
            </Text>
            <Badge size="xs" variant="outline" miw="max-content">
              {t(c.purpose === "seal" ? "seal" : "personal")}
            </Badge>
          </Group>
          {c.title && (
            <Text size="xs" c="dimmed">
              {c.title}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "subject",
      header: t("subject"),
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm">{c.subjectName}</Text>
          <Text size="xs" c="dimmed">
            {t("issuedBy", { issuer: c.issuer })}
          </Text>
        </Stack>
      ),
    },
    {
      key: "serial",
      header: t("serial"),
      nowrap: true,
      render: (c) => (
        <Tooltip label={c.serial} events={{ hover: true, focus: true, touch: true }}>
          <Text size="sm" ff="monospace" data-testid="certificate-serial">
            {shortSerial(c.serial)}
          </Text>
        </Tooltip>
      ),
    },
    {
      key: "validity",
      header: t("validity"),
      nowrap: true,
      render: (c) => (
        <Text size="sm" c={c.expired ? "red" : undefined}>
          {formatDay(c.notBefore)} – {formatDay(c.notAfter)}
        </Text>
      ),
    },
    {
      key: "status",
      header: t("status"),
      render: (c) => (
        <Group gap={4}>
          <StateBadge color={statusColor[c.status]}>{t(`statuses.${c.status}`)}</StateBadge>
          {c.status === "active" && c.expired && (
            <StateBadge color="red">{t("expired")}</StateBadge>
          )}
          {c.status === "active" && !c.pinSet && (
            <StateBadge color="yellow">{t("pinWaiting")}</StateBadge>
          )}
          {c.status === "active" && c.locked && (
            <StateBadge color="orange">{t("locked")}</StateBadge>
          )}
          {c.imported && <StateBadge color="grape">{t("imported")}</StateBadge>}
          {c.status === "revoked" && c.revocationReason && (
            <Text size="xs" c="dimmed" w="100%">
              {t("revokedBecause", {
                date: c.revokedAt ? formatDay(c.revokedAt) : "",
                reason: c.revocationReason,
              })}
            </Text>
          )}
        </Group>
      ),
    },
  ];
}

/** An organisation's certificates: a table on a computer, a card each on a phone. */
export function CertificatesTable({
  rows,
  onAction,
}: {
  rows: CertificateRow[];
  onAction: (action: CertificateAction, row: CertificateRow) => void;
}) {
  const t = useTranslations("signingAdmin");
  const columns = useCertificateColumns();
  return (
    <DataTable
      label={t("certificates")}
      columns={columns}
      rows={rows}
      rowKey={(c) => c.id}
      rowTestId={(c) => `certificate-row-${c.serial}`}
      rowDimmed={(c) => c.status !== "active"}
      actions={(c) => (
        <>
          {c.status === "active" && !c.imported && (
            <RowAction
              label={t("renew")}
              name={t("renewOf", { name: c.holderName ?? c.subjectName })}
              icon={<IconRefresh size={18} />}
              onClick={() => onAction("renew", c)}
              testId="renew-certificate"
            />
          )}
          {c.status !== "revoked" && (
            <RowAction
              label={t("revoke")}
              name={t("revokeOf", { name: c.holderName ?? c.subjectName })}
              icon={<IconBan size={18} />}
              color="red"
              onClick={() => onAction("revoke", c)}
              testId="revoke-certificate"
            />
          )}
        </>
      )}
      testId="certificates-table"
    />
  );
}
