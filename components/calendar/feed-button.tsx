"use client";

import {
  Alert,
  Button,
  CopyButton,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { IconCalendarShare } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";

type FeedRef = { scope: "mine" | "schedule"; unitId?: string | null };

/**
 * The person's secret subscription address for a calendar (their own, or a weekly schedule):
 * created or renewed here and shown once, since only its hash is kept; turned off here too.
 */
export function FeedButton({ feed, label }: { feed: FeedRef; label?: string }) {
  const t = useTranslations("calendar.feed");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  // While the dialog is open the person is setting up their phone: show its first read soon.
  const described = useQuery({
    ...trpc.calendar.feed.queryOptions(feed),
    enabled: opened,
    refetchInterval: opened ? 5_000 : false,
  });
  const refresh = () => queryClient.invalidateQueries(trpc.calendar.feed.queryFilter(feed));
  const renew = useMutation(
    trpc.calendar.renewFeed.mutationOptions({
      onSuccess: (result) => {
        setUrl(result.url);
        void refresh();
      },
      onError: (error) => showServerError(error, t("failed")),
    }),
  );
  const revoke = useMutation(
    trpc.calendar.revokeFeed.mutationOptions({
      onSuccess: () => {
        setUrl(null);
        void refresh();
      },
      onError: (error) => showServerError(error, t("failed")),
    }),
  );
  const current = described.data;
  const close = () => {
    setOpened(false);
    setUrl(null);
  };

  return (
    <>
      <Button
        variant="light"
        leftSection={<IconCalendarShare size={18} />}
        onClick={() => setOpened(true)}
        data-testid="feed-button"
      >
        {label ?? t("button")}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t("title")}
        closeButtonProps={{ "aria-label": common("close") }}
      >
        <Stack gap="sm" data-testid="feed-dialog">
          <Text size="sm">{t("explain")}</Text>
          {described.isPending && <Loader size="sm" aria-label={common("loading")} />}
          {url && (
            <Alert color="blue" variant="light">
              <Stack gap="xs">
                <Text size="sm">{t("shownOnce")}</Text>
                <Group gap="xs" wrap="nowrap" align="flex-end">
                  <TextInput
                    readOnly
                    value={url}
                    aria-label={t("title")}
                    style={{ flex: 1 }}
                    data-testid="feed-url"
                    onFocus={(e) => e.currentTarget.select()}
                  />
                  <CopyButton value={url}>
                    {({ copied, copy }) => (
                      <Button color={copied ? "teal" : "blue"} onClick={copy}>
                        {copied ? t("copied") : t("copy")}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
            </Alert>
          )}
          {described.isSuccess && !current && !url && (
            <Text size="sm" c="dimmed">
              {t("none")}
            </Text>
          )}
          {current && (
            <Stack gap={2}>
              <Text size="sm">{t("renewedAt", { at: formatDateTime(current.renewedAt) })}</Text>
              <Text size="sm" c="dimmed">
                {current.lastFetchedAt
                  ? t("lastFetched", { at: formatDateTime(current.lastFetchedAt) })
                  : t("neverFetched")}
              </Text>
            </Stack>
          )}
          {described.isSuccess && (
            <Group justify="flex-end" gap="xs">
              {current && (
                <Button
                  variant="subtle"
                  color="red"
                  loading={revoke.isPending}
                  onClick={() => revoke.mutate({ ...feed, version: current.version })}
                  data-testid="feed-revoke"
                >
                  {t("revoke")}
                </Button>
              )}
              <Button
                loading={renew.isPending}
                onClick={() => renew.mutate({ ...feed, version: current?.version ?? null })}
                data-testid="feed-renew"
              >
                {current ? t("renew") : t("create")}
              </Button>
            </Group>
          )}
          {current && !url && (
            <Text size="xs" c="dimmed">
              {t("renewHint")}
            </Text>
          )}
        </Stack>
      </Modal>
    </>
  );
}
