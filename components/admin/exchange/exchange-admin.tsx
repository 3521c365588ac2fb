"use client";

import {
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconCheck, IconCopy, IconPencil, IconPlugConnected, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { StateBadge } from "@/components/signing/state-badge";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { ListStates } from "@/components/ui/list-states";
import { RowAction } from "@/components/ui/row-action";
import { formatDay } from "@/components/signing/certificate-dates";
import type { PeerRow } from "./exchange-types";
import { OutboxPanel } from "./outbox-panel";
import { PeerFormModal } from "./peer-form-modal";

/** What a peer's admin types in on their side: where we take packages, and our root. */
function IdentityCard() {
  const t = useTranslations("exchangeAdmin");
  const trpc = useTRPC();
  const identity = useQuery(trpc.exchange.identity.queryOptions());
  if (!identity.data) return null;
  const copy = (value: string, label: string, testId: string) => (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          variant="light"
          size="xs"
          onClick={copy}
          leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          data-testid={testId}
        >
          {copied ? t("copied") : label}
        </Button>
      )}
    </CopyButton>
  );
  return (
    <Card withBorder padding="md" data-testid="exchange-identity">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("identityTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("identityHint")}
        </Text>
        <Group gap="xs" wrap="wrap" align="center">
          <Text size="sm" fw={600}>
            {t("baseUrl")}
          </Text>
          <Code style={{ overflowWrap: "anywhere" }}>{identity.data.baseUrl}</Code>
          {copy(identity.data.baseUrl, t("copyUrl"), "copy-url")}
        </Group>
        <Group gap="xs" wrap="wrap" align="center">
          <Text size="sm" fw={600}>
            {t("rootCertificate")}
          </Text>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {identity.data.subject}
          </Text>
          {copy(identity.data.rootPem, t("copyCertificate"), "copy-certificate")}
        </Group>
        <Code block style={{ whiteSpace: "normal", overflowWrap: "anywhere", fontSize: 11 }}>
          {identity.data.fingerprint.replaceAll(":", ":\u200b")}
        </Code>
      </Stack>
    </Card>
  );
}

function usePeerColumns(): DataColumn<PeerRow>[] {
  const t = useTranslations("exchangeAdmin");
  return [
    {
      key: "name",
      header: t("name"),
      card: "title",
      minWidth: 200,
      render: (p) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {p.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {p.url}
          </Text>
        </Stack>
      ),
    },
    {
      key: "organisations",
      header: t("organisations"),
      card: "wide",
      minWidth: 220,
      render: (p) =>
        p.organisations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("noneHosted")}
          </Text>
        ) : (
          <Stack gap={0}>
            {p.organisations.map((o) => (
              <Text key={o.id} size="sm">
                {o.name}{" "}
                <Text span size="xs" c="dimmed">
                  ({o.code})
                </Text>
              </Text>
            ))}
          </Stack>
        ),
    },
    {
      key: "certificate",
      header: t("certificate"),
      render: (p) => (
        <Stack gap={0}>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {p.subject}
          </Text>
          <Text size="xs" c="dimmed">
            {t("validTo", { date: formatDay(p.validTo) })}
          </Text>
        </Stack>
      ),
    },
    {
      key: "state",
      header: t("state"),
      render: (p) => (
        <Stack gap={4} align="flex-start">
          <StateBadge color={p.active ? "teal" : "gray"}>
            {t(p.active ? "activeState" : "inactiveState")}
          </StateBadge>
          {p.pending > 0 && <Text size="xs">{t("pendingCount", { count: p.pending })}</Text>}
          {p.failed > 0 && (
            <Text size="xs" c="red">
              {t("failedCount", { count: p.failed })}
            </Text>
          )}
        </Stack>
      ),
    },
  ];
}

type Tab = "peers" | "outbox";

/** The deployment admin's page for exchange with other deployments. */
export function ExchangeAdmin({ initialTab }: { initialTab: Tab }) {
  const t = useTranslations("exchangeAdmin");
  const trpc = useTRPC();
  const [tab, setTab] = useState<Tab>(initialTab);
  const peers = useQuery(trpc.exchange.peers.queryOptions());
  const [dialog, setDialog] = useState<{ peer: PeerRow | null } | null>(null);
  const columns = usePeerColumns();
  const addButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setDialog({ peer: null })}
      data-testid="add-peer"
    >
      {t("add")}
    </Button>
  );
  return (
    <Stack gap="md">
      <SegmentedControl
        value={tab}
        onChange={(v) => setTab(v as Tab)}
        data={[
          { value: "peers", label: t("peersTab") },
          { value: "outbox", label: t("outboxTab") },
        ]}
        style={{ alignSelf: "flex-start" }}
        data-testid="exchange-tabs"
      />
      {tab === "peers" ? (
        <>
          <IdentityCard />
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              {t("peersTitle")}
            </Title>
            {(peers.data?.length ?? 0) > 0 && addButton}
          </Group>
          <ListStates
            query={peers}
            count={peers.data?.length ?? 0}
            loadError={t("loadError")}
            empty={{
              icon: <IconPlugConnected />,
              title: t("empty"),
              description: t("emptyHint"),
              testId: "peers-empty",
              action: addButton,
            }}
          />
          {peers.data && peers.data.length > 0 && (
            <DataTable
              label={t("peersTitle")}
              columns={columns}
              rows={peers.data}
              rowKey={(p) => p.id}
              rowTestId={() => "peer-row"}
              rowDimmed={(p) => !p.active}
              actions={(p) => (
                <RowAction
                  label={t("edit")}
                  name={t("editNamed", { name: p.name })}
                  icon={<IconPencil size={16} />}
                  onClick={() => setDialog({ peer: p })}
                  testId="edit-peer"
                />
              )}
            />
          )}
        </>
      ) : (
        <OutboxPanel />
      )}
      {dialog && <PeerFormModal peer={dialog.peer} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
