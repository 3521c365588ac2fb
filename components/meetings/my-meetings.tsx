"use client";

import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarOff, IconMailOpened, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";
import { formatVietnamDateTime, formatVietnamTime } from "@/lib/meetings";

const slot = (start: Date, end: Date) =>
  `${formatVietnamDateTime(start)}–${formatVietnamTime(end)}`;

/** The answer buttons of an invitation, on the list and on the meeting's page. */
export function RespondButtons({
  meetingId,
  version,
  current,
}: {
  meetingId: string;
  version: number;
  current?: string;
}) {
  const t = useTranslations("meetings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const respond = useMutation(
    trpc.meetings.respond.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "green", message: t("answered") });
        void queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() });
      },
      onError: (error) => showServerError(error, te("internal")),
    }),
  );
  return (
    <Group gap="xs">
      <Button
        size="xs"
        color="green"
        variant={current === "accepted" ? "filled" : "light"}
        loading={respond.isPending && respond.variables?.response === "accepted"}
        disabled={current === "accepted"}
        onClick={() => respond.mutate({ id: meetingId, version, response: "accepted" })}
        data-testid="accept-meeting"
      >
        {t("accept")}
      </Button>
      <Button
        size="xs"
        color="red"
        variant={current === "declined" ? "filled" : "light"}
        loading={respond.isPending && respond.variables?.response === "declined"}
        disabled={current === "declined"}
        onClick={() => respond.mutate({ id: meetingId, version, response: "declined" })}
        data-testid="decline-meeting"
      >
        {t("decline")}
      </Button>
    </Group>
  );
}

export function MyMeetings() {
  const t = useTranslations("meetings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const mine = useQuery(trpc.meetings.mine.queryOptions());
  if (mine.isPending) return <Loader />;
  if (mine.isError || !mine.data) return <Alert color="red">{te("internal")}</Alert>;
  const { invitations, upcoming, canOrganise } = mine.data;
  const newButton = canOrganise ? (
    <Button
      component={Link}
      href="/meetings/new"
      leftSection={<IconPlus size={16} />}
      data-testid="new-meeting"
    >
      {t("new")}
    </Button>
  ) : null;
  return (
    <Stack gap="lg">
      {newButton && <Group justify="flex-end">{newButton}</Group>}
      <Stack gap="sm">
        <Title order={4}>{t("invitations")}</Title>
        {invitations.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="invitations-empty">
            {t("invitationsEmpty")}
          </Text>
        ) : (
          invitations.map((i) => (
            <Card key={i.meetingId} withBorder padding="sm" data-testid="invitation">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: "1 1 240px" }}>
                  <Text component={Link} href={`/meetings/${i.meetingId}`} fw={600} c="indigo.8">
                    {i.title}
                  </Text>
                  <Text size="sm">
                    {slot(i.startsAt, i.endsAt)}{" "}
                    {i.recurring && (
                      <Badge size="xs" variant="light">
                        {t("recurring")}
                      </Badge>
                    )}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t("organiser")}: {i.organiser}
                    {i.place ? ` · ${i.place}` : ""}
                  </Text>
                </Stack>
                <RespondButtons meetingId={i.meetingId} version={i.version} />
              </Group>
            </Card>
          ))
        )}
      </Stack>
      <Stack gap="sm">
        <Title order={4}>{t("upcoming")}</Title>
        {upcoming.length === 0 ? (
          <EmptyState
            icon={<IconCalendarOff />}
            withIndicatorBackground
            title={t("upcoming")}
            description={t("upcomingEmpty")}
            data-testid="upcoming-empty"
            py="lg"
          >
            {newButton && <EmptyState.Actions>{newButton}</EmptyState.Actions>}
          </EmptyState>
        ) : (
          upcoming.map((o) => (
            <Card
              key={`${o.meetingId}-${o.originalStart.toString()}`}
              withBorder
              padding="sm"
              data-testid="upcoming-meeting"
              style={{ opacity: o.cancelled || o.response === "declined" ? 0.6 : 1 }}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: "1 1 240px" }}>
                  <Text
                    component={Link}
                    href={`/meetings/${o.meetingId}`}
                    fw={600}
                    c="indigo.8"
                    td={o.cancelled ? "line-through" : undefined}
                  >
                    {o.title}
                  </Text>
                  <Text size="sm">
                    {slot(o.start, o.end)}
                    {o.place ? ` · ${o.place}` : ""}
                  </Text>
                </Stack>
                <Group gap={6}>
                  {o.cancelled && <Badge color="gray">{t("states.cancelled")}</Badge>}
                  {o.changed && <Badge color="orange">{t("states.changed")}</Badge>}
                  {o.organiser ? (
                    <Badge variant="light">{t("organiserBadge")}</Badge>
                  ) : (
                    <Badge
                      variant="light"
                      color={
                        o.response === "accepted"
                          ? "green"
                          : o.response === "declined"
                            ? "red"
                            : "yellow"
                      }
                    >
                      {t(`responses.${o.response ?? "pending"}`)}
                    </Badge>
                  )}
                </Group>
              </Group>
            </Card>
          ))
        )}
      </Stack>
      <Group gap="xs">
        <IconMailOpened size={14} />
        <Text size="xs" c="dimmed">
          {t("intro")}
        </Text>
      </Group>
    </Stack>
  );
}
