"use client";

import {
  ActionIcon,
  Box,
  Button,
  Divider,
  EmptyState,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconAlertTriangle, IconBell, IconBellOff, IconChecks } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";
import type { AppRouter } from "@/server/api/root";

type Item = inferRouterOutputs<AppRouter>["notifications"]["list"]["items"][number];

const URGENT_KEYS = new Set(["presentedUrgent", "overdue"]);
const isUrgent = (n: Item) =>
  URGENT_KEYS.has(n.messageKey) || (n.urgency != null && n.urgency !== "normal");
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOUR = 3_600_000;

/** Dates in a notification's parameters are written dd/MM/yyyy like everywhere else. */
function displayParams(params: Record<string, string | number>) {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === "string" && ISO_DATE.test(v) ? v.split("-").reverse().join("/") : v,
    ]),
  );
}

function NotificationRow({ n, onOpen }: { n: Item; onOpen: (n: Item) => void }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const key = t.has(n.messageKey) ? n.messageKey : "generic";
  const text = t(key, {
    ...displayParams(n.params),
    ...(n.restricted ? { subject: t("restrictedSubject") } : {}),
  });
  const at = new Date(n.createdAt);
  const when =
    now.getTime() - at.getTime() < 24 * HOUR
      ? format.relativeTime(at, now)
      : format.dateTime(at, {
          day: "2-digit",
          month: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
        });
  const urgent = isUrgent(n);
  const unread = !n.readAt;
  return (
    <UnstyledButton
      onClick={() => onOpen(n)}
      px="sm"
      py={8}
      w="100%"
      bg={unread ? (urgent ? "red.0" : "indigo.0") : undefined}
      style={{
        borderLeft: `3px solid ${urgent ? "var(--mantine-color-red-6)" : "transparent"}`,
        borderRadius: 4,
      }}
      data-testid="notification-item"
      data-unread={unread || undefined}
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        {urgent ? (
          <IconAlertTriangle
            size={16}
            color="var(--mantine-color-red-6)"
            style={{ flexShrink: 0, marginTop: 2 }}
          />
        ) : (
          <Box
            w={8}
            h={8}
            mt={6}
            style={{ flexShrink: 0, borderRadius: 8 }}
            bg={unread ? "indigo.6" : "transparent"}
          />
        )}
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text
            size="sm"
            fw={unread ? 700 : 400}
            lineClamp={3}
            c={urgent && unread ? "red.8" : undefined}
          >
            {text}
          </Text>
          <Text size="xs" c="dimmed">
            {when}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/**
 * The bell: how many notifications are unread (checked every 30 seconds and when the window
 * regains focus), the latest ones, and a way to the document each is about.
 */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const phone = useMediaQuery("(max-width: 36em)");
  const [opened, setOpened] = useState(false);

  const unread = useQuery({
    ...trpc.notifications.unreadCount.queryOptions(),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  const list = useInfiniteQuery({
    ...trpc.notifications.list.infiniteQueryOptions(
      { limit: 15 },
      { getNextPageParam: (p) => p.nextCursor },
    ),
    enabled: opened,
    staleTime: 0,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => void refresh(),
      onError: (e) => showServerError(e, t("markReadError")),
    }),
  );

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const count = unread.data ?? 0;
  const open = (n: Item) => {
    if (!n.readAt) markRead.mutate({ id: n.id });
    setOpened(false);
    const meetingId = typeof n.params.meetingId === "string" ? n.params.meetingId : null;
    const href =
      typeof n.params.href === "string"
        ? n.params.href
        : meetingId && /^[0-9a-f-]{36}$/.test(meetingId)
          ? `/meetings/${meetingId}`
          : null;
    if (href?.startsWith("/") && !href.startsWith("//")) {
      router.push(href);
    } else if (n.documentId) {
      // The notification says the document changed: do not show a cached older state.
      void queryClient.invalidateQueries({
        queryKey: trpc.incoming.get.queryKey({ id: n.documentId }),
      });
      router.push(`/documents/${n.documentId}`);
    }
  };

  let body;
  if (list.isPending) {
    body = (
      <Group justify="center" py="lg">
        <Loader size="sm" />
      </Group>
    );
  } else if (list.isError) {
    body = (
      <Text size="sm" c="red" p="sm">
        {t("loadError")}
      </Text>
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState
        size="sm"
        icon={<IconBellOff />}
        withIndicatorBackground
        title={t("empty")}
        description={t("emptyHint")}
        py="lg"
        data-testid="notifications-empty"
      />
    );
  } else {
    body = (
      <ScrollArea.Autosize mah={phone ? "65vh" : 440} type="auto">
        <Stack gap={2} p={4}>
          {items.map((n) => (
            <NotificationRow key={n.id} n={n} onOpen={open} />
          ))}
          {list.hasNextPage && (
            <Button
              variant="subtle"
              size="xs"
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t("loadMore")}
            </Button>
          )}
        </Stack>
      </ScrollArea.Autosize>
    );
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={phone ? "calc(100vw - 16px)" : 380}
      shadow="md"
      withinPortal
      trapFocus={false}
      // The button, not the badge around it, says that it opens the list.
      withRoles={false}
    >
      <Popover.Target>
        <Indicator
          label={count > 99 ? "99+" : count}
          size={18}
          color="red"
          offset={4}
          disabled={count === 0}
          data-testid="notification-count"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t("bell", { count })}
            aria-haspopup="dialog"
            aria-expanded={opened}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <IconBell size={22} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-list">
        <Group justify="space-between" px="sm" py={8} wrap="nowrap">
          <Text fw={700} size="sm">
            {t("title")}
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconChecks size={14} />}
            disabled={count === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate({})}
            data-testid="notifications-mark-all"
          >
            {t("markAllRead")}
          </Button>
        </Group>
        <Divider />
        {body}
      </Popover.Dropdown>
    </Popover>
  );
}
