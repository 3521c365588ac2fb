"use client";

import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconCircleCheck, IconFile } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime, formatFileSize } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RichTextEditor, type RichText } from "@/components/ui/rich-text-editor";
import { showServerError } from "@/components/ui/server-errors";
import { NoticeStatusBadge } from "./notice-badges";
import { NoticeForm } from "./notice-form";
import { NoticeTracking } from "./notice-tracking";

/**
 * One notice: its text, files and the reader's "Tôi đã đọc"; for the office, the draft's form,
 * publishing, withdrawal and who has read it.
 */
export function NoticePage({ id }: { id: string }) {
  const t = useTranslations("notices");
  const tAll = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<"publish" | "withdraw" | null>(null);
  const query = useQuery(trpc.notices.get.queryOptions({ id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notices.pathKey() });
  const confirm = useMutation(
    trpc.notices.confirm.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "green", message: t("confirmDone") });
        void refresh();
      },
      onError: (e) => showServerError(e, tAll("errors.internal")),
    }),
  );
  const act = useMutation(
    trpc.notices.act.mutationOptions({
      onSuccess: (r) => {
        setAsking(null);
        notifications.show({
          color: "green",
          message: r.status === "withdrawn" ? t("withdrawnToast") : t("publishedToast"),
        });
        void refresh();
      },
      onError: (e) => {
        setAsking(null);
        showServerError(e, tAll("errors.internal"));
        void refresh();
      },
    }),
  );

  if (query.isPending) return null;
  if (query.isError) {
    return (
      <Alert color="red" variant="light" data-testid="notice-error">
        {query.error.message}
      </Alert>
    );
  }
  const n = query.data;
  const back = (
    <Anchor component={Link} href="/notices" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t("back")}
      </Group>
    </Anchor>
  );

  if (n.status === "draft" && n.canManage) {
    return (
      <Stack gap="md">
        {back}
        <Group justify="space-between" wrap="wrap">
          <Title order={2}>{t("editTitle")}</Title>
          <NoticeStatusBadge status={n.status} />
        </Group>
        <Alert variant="light" color="gray">
          {t("draftBanner")}
        </Alert>
        <NoticeForm
          initial={{
            id: n.id,
            version: n.version,
            title: n.title,
            body: n.body as RichText,
            audience: n.audience,
            requiresConfirmation: n.requiresConfirmation,
            attachments: n.attachments.map(({ sha256, fileName }) => ({ sha256, fileName })),
          }}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md" data-testid="notice-page">
      {back}
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} data-testid="notice-title-text">
            {n.title}
          </Title>
          {n.canManage && <NoticeStatusBadge status={n.status} />}
        </Group>
        <Text size="sm" c="dimmed">
          {n.publisher ? t("from", { name: n.publisher.fullName }) : null}
          {n.publishedAt ? ` · ${t("sentOn", { date: formatDateTime(n.publishedAt) })}` : null}
        </Text>
      </Stack>
      {n.status === "withdrawn" && (
        <Alert color="red" variant="light" data-testid="notice-withdrawn">
          {t("withdrawnBanner")}
        </Alert>
      )}
      <Paper withBorder radius="md" px="md" py="xs">
        <RichTextEditor value={n.body as RichText} editable={false} label={n.title} />
      </Paper>
      {n.attachments.length > 0 && (
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t("attachments")}
          </Text>
          {n.attachments.map((f) => (
            <Anchor
              key={f.sha256}
              href={`/api/notices/${n.id}/files/${f.sha256}`}
              data-testid="notice-attachment"
            >
              <Group gap={6} wrap="nowrap">
                <IconFile size={18} style={{ flexShrink: 0 }} />
                <Text size="sm" truncate>
                  {f.fileName}
                </Text>
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {formatFileSize(f.size, locale)}
                </Text>
              </Group>
            </Anchor>
          ))}
        </Stack>
      )}
      {n.canConfirm && (
        <Paper withBorder radius="md" p="md" bg="orange.0">
          <Stack gap="sm">
            <Text size="sm">{t("confirmHint")}</Text>
            <Button
              size="md"
              leftSection={<IconCircleCheck size={20} />}
              loading={confirm.isPending}
              onClick={() => confirm.mutate({ id: n.id })}
              data-testid="notice-confirm"
              fullWidth
              maw={360}
            >
              {t("confirmButton")}
            </Button>
          </Stack>
        </Paper>
      )}
      {n.mine?.confirmedAt && (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck />}
          data-testid="notice-confirmed"
        >
          {t("confirmedAt", { time: formatDateTime(n.mine.confirmedAt) })}
        </Alert>
      )}
      {n.canManage && n.status === "published" && (
        <Group>
          <Button
            variant="light"
            color="red"
            onClick={() => setAsking("withdraw")}
            data-testid="notice-withdraw"
          >
            {t("withdraw")}
          </Button>
        </Group>
      )}
      {n.canManage && n.status !== "draft" && <NoticeTracking noticeId={n.id} />}
      {asking && (
        <ConfirmDialog
          title={asking === "withdraw" ? t("withdraw") : t("publish")}
          message={asking === "withdraw" ? t("withdrawQuestion") : t("publishQuestion")}
          confirmLabel={asking === "withdraw" ? t("withdraw") : t("publish")}
          color={asking === "withdraw" ? "red" : "blue"}
          pending={act.isPending}
          testId="notice-act-confirm"
          onConfirm={() => act.mutate({ id: n.id, version: n.version, input: { action: asking } })}
          onClose={() => setAsking(null)}
        />
      )}
    </Stack>
  );
}
