"use client";

import {
  Alert,
  Badge,
  Button,
  Card,
  ColorSwatch,
  Group,
  List,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconArrowBackUp,
  IconBellRinging,
  IconFileCode,
  IconMessageReply,
  IconSearch,
  IconSend,
} from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { DownloadButtons } from "@/components/reports/download-buttons";
import { AnchorLink } from "@/components/ui/anchor-link";
import { messageOf } from "@/components/ui/server-errors";
import { foldVietnamese } from "@/lib/collate";
import { heldStatuses, type DeliveryStatus } from "@/lib/delivery";
import type { AppRouter } from "@/server/api/root";
import { RecallDialog } from "./recall-dialog";

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
  recalled: "dark",
};

const matches: Record<Filter, (d: DeliveryRow) => boolean> = {
  all: () => true,
  waiting: (d) => d.status === "arrived",
  late: (d) => d.late,
  refused: (d) => d.status === "refused",
  completed: (d) => d.status === "completed",
};

/** From this many recipients on, the panel offers a search by name. */
const SEARCH_FROM = 6;

const named = (d: DeliveryRow, folded: string) =>
  foldVietnamese(`${d.recipientName} ${d.addressedName ?? ""}`).includes(folded);

/** A recipient that holds the document and has no recall waiting. */
const recallable = (d: DeliveryRow) =>
  !d.outside &&
  (heldStatuses as readonly DeliveryStatus[]).includes(d.status) &&
  d.recall?.state !== "requested";

/** One recipient: its name, where it stands and since when, and each status it reported. */
function DeliveryItem({ d, actions }: { d: DeliveryRow; actions: ReactNode }) {
  const t = useTranslations("deliveries");
  return (
    <Paper withBorder p="sm" radius="md" data-testid="delivery-row">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
              {d.recipientName}
            </Text>
            {d.addressedName && (
              <Text size="xs" c="gray.7">
                {t("addressedMerged", { name: d.addressedName })}
              </Text>
            )}
            {d.outside && (
              <Text size="xs" c="gray.7">
                {t("outside")}
              </Text>
            )}
          </Stack>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <ColorSwatch color={`var(--mantine-color-${statusColor[d.status]}-6)`} size={10} />
            <Text size="sm" fw={700} style={{ whiteSpace: "nowrap" }} data-testid="delivery-status">
              {t(`statusName.${d.status}`)}
            </Text>
          </Group>
        </Group>
        <Group gap="xs" wrap="wrap">
          {d.statusAt && (
            <Text size="xs" c="gray.7">
              {t("since", { at: formatDateTime(d.statusAt) })}
            </Text>
          )}
          {d.late && (
            <Badge color="orange" variant="filled" tt="none" data-testid="delivery-late">
              {t("late")}
            </Badge>
          )}
        </Group>
        {d.recall && (
          <Text size="sm" fw={600} c="red.9" data-testid="delivery-recall">
            {t(`recallState.${d.recall.state}`)}
          </Text>
        )}
        {d.reply && (
          <Group gap={4} data-testid="delivery-reply">
            <IconMessageReply size={14} color="var(--mantine-color-teal-8)" aria-hidden />
            <Text size="sm">{t("replied")}</Text>
            <AnchorLink href={`/documents/${d.reply.id}`} size="sm" fw={600}>
              {d.reply.numberNotation || t("replyUnnumbered")}
            </AnchorLink>
          </Group>
        )}
        {d.reason && (
          <Text size="sm" c="red.9" style={{ overflowWrap: "anywhere" }}>
            {t("reason", { reason: d.reason })}
          </Text>
        )}
        {d.events.length > 0 && (
          <List size="xs" spacing={2} c="gray.8" data-testid="delivery-history">
            {d.events.map((e) => (
              <List.Item key={`${e.round}-${e.code}`}>
                {t(`statusName.${e.status}`)} · {formatDateTime(e.at)}
                {e.staffName ? ` · ${e.staffName}` : ""}
                {d.round > 1 ? ` · ${t("round", { round: e.round })}` : ""}
              </List.Item>
            ))}
          </List>
        )}
        {actions}
      </Stack>
    </Paper>
  );
}

/**
 * Where an issued document stands at each recipient: the status each reported back (edXML
 * codes), when, and by whom; those that have waited more than a working day unregistered are
 * marked late. The sender's clerks can remind a recipient, or send it again after a refusal.
 */
export function DeliveriesPanel({
  documentId,
  version,
  canDispatch,
}: {
  documentId: string;
  /** The issued document's version, for the recall request. */
  version: number;
  canDispatch: boolean;
}) {
  const t = useTranslations("deliveries");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const list = useQuery(trpc.delivery.list.queryOptions({ documentId }));
  const [filter, setFilter] = useState<Filter>("all");
  const [query, setQuery] = useState("");
  const [recalling, setRecalling] = useState(false);
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

  const remindAll = useMutation({
    mutationFn: () => client.delivery.remindLate.mutate({ documentId }),
    onSuccess: ({ reminded, skipped }) => {
      notifications.show({
        color: reminded > 0 ? "green" : "orange",
        message: t("remindedLate", { reminded, skipped }),
      });
      void list.refetch();
    },
    onError: (error) => {
      notifications.show({ color: "red", message: messageOf(error, t("actionFailed")) });
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
  const folded = foldVietnamese(query);
  const shown = rows.filter((d) => matches[filter](d) && (!folded || named(d, folded)));
  return (
    <Card withBorder padding="md" data-testid="deliveries-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={4}>{t("title")}</Title>
          <Text size="sm" c="gray.7">
            {t("summary", { done: count("completed"), total: rows.length })}
          </Text>
        </Group>
        <Group gap="xs">
          <DownloadButtons
            size="xs"
            pdfHref={`/api/reports/deliveries?documentId=${documentId}&format=pdf`}
            xlsxHref={`/api/reports/deliveries?documentId=${documentId}&format=xlsx`}
            pdfLabel={t("downloadPdf")}
          />
          {canDispatch && (
            <>
              <Button
                size="xs"
                variant="light"
                component="a"
                href={`/api/documents/${documentId}/edxml`}
                leftSection={<IconFileCode size={14} />}
                data-testid="delivery-export-edxml"
              >
                {t("exportEdxml")}
              </Button>
              {count("late") > 0 && (
                <Button
                  size="xs"
                  variant="light"
                  color="orange"
                  // Orange's own shade on its light fill is under 4.5:1; the ninth reads.
                  c="orange.9"
                  leftSection={<IconBellRinging size={14} />}
                  loading={remindAll.isPending}
                  onClick={() => remindAll.mutate()}
                  data-testid="delivery-remind-late"
                >
                  {t("remindLate", { count: count("late") })}
                </Button>
              )}
              {rows.some(recallable) && (
                <Button
                  size="xs"
                  variant="outline"
                  color="red"
                  leftSection={<IconArrowBackUp size={14} />}
                  onClick={() => setRecalling(true)}
                  data-testid="delivery-recall-open"
                >
                  {t("recall")}
                </Button>
              )}
            </>
          )}
        </Group>
        {recalling && (
          <RecallDialog
            documentId={documentId}
            version={version}
            onClose={() => {
              setRecalling(false);
              void list.refetch();
            }}
          />
        )}
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
        {rows.length >= SEARCH_FROM && (
          <TextInput
            size="xs"
            type="search"
            label={t("search")}
            placeholder={t("searchHint")}
            leftSection={<IconSearch size={14} />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            description={
              folded ? t("shown", { shown: shown.length, total: rows.length }) : undefined
            }
            inputWrapperOrder={["label", "input", "description"]}
            maw={360}
            data-testid="delivery-search"
          />
        )}
        {shown.length === 0 ? (
          <Text size="sm" c="gray.7" data-testid="deliveries-none">
            {folded && !rows.some((d) => named(d, folded))
              ? t("noMatch", { query: query.trim() })
              : t("none")}
          </Text>
        ) : (
          <Stack gap="xs" data-testid="deliveries-list">
            {shown.map((d) => (
              <DeliveryItem
                key={d.id}
                d={d}
                actions={
                  canDispatch &&
                  !d.outside &&
                  (d.status === "arrived" || d.status === "refused") ? (
                    <Group gap="xs">
                      {d.status === "arrived" ? (
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconBellRinging size={14} />}
                          aria-label={t("remindOf", { name: d.recipientName })}
                          loading={act.isPending && act.variables?.row.id === d.id}
                          onClick={() => act.mutate({ kind: "remind", row: d })}
                          data-testid="delivery-remind"
                        >
                          {t("remind")}
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconSend size={14} />}
                          aria-label={t("resendOf", { name: d.recipientName })}
                          loading={act.isPending && act.variables?.row.id === d.id}
                          onClick={() => act.mutate({ kind: "resend", row: d })}
                          data-testid="delivery-resend"
                        >
                          {t("resend")}
                        </Button>
                      )}
                    </Group>
                  ) : null
                }
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
