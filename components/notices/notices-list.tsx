"use client";

import { Button, Group, Paper, Stack, Tabs, Text, UnstyledButton } from "@mantine/core";
import { IconBell, IconPlus, IconSpeakerphone } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { ListStates } from "@/components/ui/list-states";
import { PageHeader } from "@/components/ui/page-header";
import { NoticeStatusBadge, ReaderBadge } from "./notice-badges";

/** A notice as a card: a whole row to tap on a phone, the title first. */
function NoticeCard({
  href,
  title,
  lines,
  badges,
  unread,
  testId,
}: {
  href: string;
  title: string;
  lines: string[];
  badges: React.ReactNode;
  unread?: boolean;
  testId: string;
}) {
  return (
    <UnstyledButton component={Link} href={href} data-testid={testId}>
      <Paper withBorder p="sm" radius="md" bg={unread ? "blue.0" : undefined}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text fw={unread ? 700 : 500}>{title}</Text>
            {lines.filter(Boolean).map((line, i) => (
              <Text key={i} size="sm" c="dimmed" lineClamp={2}>
                {line}
              </Text>
            ))}
          </Stack>
          <Group gap={4} style={{ flexShrink: 0 }}>
            {badges}
          </Group>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

function MyNotices() {
  const t = useTranslations("notices");
  const trpc = useTRPC();
  const query = useQuery(trpc.notices.mine.queryOptions({}));
  const rows = query.data ?? [];
  return (
    <Stack gap="xs" data-testid="my-notices">
      <ListStates
        query={query}
        count={rows.length}
        loadError={t("loadError")}
        empty={{
          icon: <IconBell size={24} />,
          title: t("empty"),
          description: t("emptyHint"),
          testId: "my-notices-empty",
          action: null,
        }}
      />
      {rows.map((n) => (
        <NoticeCard
          key={n.id}
          href={`/notices/${n.id}`}
          title={n.title}
          unread={!n.readAt}
          lines={[
            `${t("from", { name: n.publisherName })} · ${n.publishedAt ? formatDateTime(n.publishedAt) : ""}`,
            n.excerpt,
          ]}
          badges={
            <ReaderBadge
              readAt={n.readAt}
              confirmedAt={n.confirmedAt}
              requiresConfirmation={n.requiresConfirmation}
            />
          }
          testId="my-notice"
        />
      ))}
    </Stack>
  );
}

function OfficeNotices() {
  const t = useTranslations("notices");
  const trpc = useTRPC();
  const query = useQuery(trpc.notices.office.queryOptions({}));
  const rows = query.data ?? [];
  return (
    <Stack gap="xs" data-testid="office-notices">
      <ListStates
        query={query}
        count={rows.length}
        loadError={t("loadError")}
        empty={{
          icon: <IconSpeakerphone size={24} />,
          title: t("officeEmpty"),
          description: t("officeEmptyHint"),
          testId: "office-notices-empty",
          action: (
            <Button component={Link} href="/notices/new" leftSection={<IconPlus size={16} />}>
              {t("new")}
            </Button>
          ),
        }}
      />
      {rows.map((n) => (
        <NoticeCard
          key={n.id}
          href={`/notices/${n.id}`}
          title={n.title}
          lines={[
            `${n.publisherName} · ${formatDateTime(n.publishedAt ?? n.createdAt)}`,
            n.status === "draft"
              ? ""
              : n.requiresConfirmation
                ? `${t("figures", { read: n.read, total: n.recipients })} · ${t("figuresConfirmed", { confirmed: n.confirmed, total: n.recipients })}`
                : t("figures", { read: n.read, total: n.recipients }),
          ]}
          badges={<NoticeStatusBadge status={n.status} />}
          testId="office-notice"
        />
      ))}
    </Stack>
  );
}

/** "Thông báo": what was sent to me, and for the office, every notice of the organisation. */
export function NoticesList({ office }: { office: boolean }) {
  const t = useTranslations("notices");
  const [tab, setTab] = useState<"mine" | "office">("mine");
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          office ? (
            <Button
              component={Link}
              href="/notices/new"
              leftSection={<IconPlus size={16} />}
              data-testid="new-notice"
            >
              {t("new")}
            </Button>
          ) : undefined
        }
      />
      {office && (
        <Tabs value={tab} onChange={(v) => setTab(v === "office" ? "office" : "mine")} mb="md">
          <Tabs.List data-testid="notices-tabs">
            <Tabs.Tab value="mine">{t("mineTab")}</Tabs.Tab>
            <Tabs.Tab value="office">{t("officeTab")}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      {tab === "mine" ? <MyNotices /> : <OfficeNotices />}
    </>
  );
}
