"use client";

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarDown, IconCalendarPlus, IconPencil, IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";
import {
  formatVietnamDateTime,
  formatVietnamTime,
  weekdayOfDay,
  type RecurrenceChoice,
} from "@/lib/meetings";
import { MoveOccurrenceDialog } from "./move-occurrence-dialog";
import { RespondButtons } from "./my-meetings";

const slot = (start: Date, end: Date) =>
  `${formatVietnamDateTime(start)}–${formatVietnamTime(end)}`;
const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export function useRecurrenceText() {
  const t = useTranslations("meetings");
  /** `firstDay`: a weekly rule naming no days repeats on the first meeting's weekday. */
  return (choice: RecurrenceChoice | null, firstDay: string) => {
    if (!choice) return t("recurrenceText.custom");
    if (choice.kind === "none") return t("recurrenceText.none");
    const days = choice.days?.length ? choice.days : [weekdayOfDay(firstDay)];
    const base =
      choice.kind === "weekly"
        ? t("recurrenceText.weekly", { days: days.map((d) => t(`weekdays.${d}`)).join(", ") })
        : t(`recurrenceText.${choice.kind}`);
    const end =
      "count" in choice.end
        ? t("recurrenceText.count", { count: choice.end.count })
        : t("recurrenceText.until", { date: dmy(choice.end.until) });
    return `${base}, ${end}`;
  };
}

export function MeetingDetail({ id }: { id: string }) {
  const t = useTranslations("meetings");
  const te = useTranslations("errors");
  const tSchedule = useTranslations("schedule");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const recurrenceText = useRecurrenceText();
  const query = useQuery(trpc.meetings.get.queryOptions({ id }));
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState("");
  const [moving, setMoving] = useState<{ originalStart: Date; start: Date; end: Date } | null>(
    null,
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() });
  const cancel = useMutation(
    trpc.meetings.cancel.mutationOptions({
      onSuccess: () => {
        setCancelling(false);
        notifications.show({ color: "green", message: t("detail.cancelled") });
        void refresh();
      },
      onError: (error) => showServerError(error, te("internal")),
    }),
  );
  const cancelOne = useMutation(
    trpc.meetings.cancelOccurrence.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "green", message: t("detail.occurrenceCancelled") });
        void refresh();
      },
      onError: (error) => showServerError(error, te("internal")),
    }),
  );
  if (query.isPending) return <Loader />;
  if (query.isError || !query.data) {
    return <Alert color="red">{query.error?.message ?? te("internal")}</Alert>;
  }
  const m = query.data;
  const live = m.status === "scheduled";
  const place = m.room?.name ?? m.locationText;
  /** The work schedule's page, ready to add this occurrence as an entry. */
  const scheduleHref = (originalStart: Date | string) =>
    `/schedule?meeting=${m.id}&at=${encodeURIComponent(new Date(originalStart).toISOString())}`;
  const nextOccurrence = m.occurrences.find((o) => !o.cancelled);
  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={2} td={live ? undefined : "line-through"} data-testid="meeting-heading">
            {m.title}
          </Title>
          {!live && <Badge color="gray">{t("states.meetingCancelled")}</Badge>}
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            href={`/api/meetings/${m.id}/ics`}
            variant="default"
            size="sm"
            leftSection={<IconCalendarDown size={16} />}
            data-testid="download-ics"
          >
            {t("detail.downloadIcs")}
          </Button>
          {m.canSchedule && live && nextOccurrence && (
            <Button
              component={Link}
              href={scheduleHref(nextOccurrence.originalStart)}
              variant="default"
              size="sm"
              leftSection={<IconCalendarPlus size={16} />}
              data-testid="meeting-to-schedule"
            >
              {tSchedule("addToSchedule")}
            </Button>
          )}
          {m.isOrganiser && live && (
            <>
              <Button
                component={Link}
                href={`/meetings/${m.id}/edit`}
                size="sm"
                variant="light"
                leftSection={<IconPencil size={16} />}
              >
                {t("detail.edit")}
              </Button>
              <Button
                size="sm"
                color="red"
                variant="light"
                leftSection={<IconX size={16} />}
                onClick={() => setCancelling(true)}
              >
                {t("detail.cancelMeeting")}
              </Button>
            </>
          )}
        </Group>
      </Group>

      <Card withBorder padding="md">
        <Stack gap={6}>
          <Text size="sm">
            <b>{t("time")}:</b> {slot(m.startsAt, m.endsAt)} ·{" "}
            {recurrenceText(m.form.recurrence, m.form.day)}
          </Text>
          <Text size="sm">
            <b>{t("place")}:</b> {place ?? t("noPlace")}
            {m.room && (
              <>
                {" · "}
                <Anchor
                  component={Link}
                  href={`/meetings/rooms/${m.room.id}?week=${m.form.day}`}
                  size="sm"
                >
                  {t("detail.roomWeek")}
                </Anchor>
              </>
            )}
          </Text>
          <Text size="sm">
            <b>{t("organiser")}:</b> {m.organiser.fullName}
          </Text>
          {m.agenda && (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              <b>{t("agenda")}:</b> {m.agenda}
            </Text>
          )}
        </Stack>
      </Card>

      {m.mine && live && (
        <Card withBorder padding="md" data-testid="my-response">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              <b>{t("detail.yourResponse")}:</b> {t(`responses.${m.mine.response}`)}
            </Text>
            <RespondButtons meetingId={m.id} version={m.mine.version} current={m.mine.response} />
          </Group>
        </Card>
      )}

      <Stack gap="xs">
        <Title order={4}>{t("participants")}</Title>
        {m.participants.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("noParticipants")}
          </Text>
        ) : (
          <Group gap="xs">
            {m.participants.map((p) => (
              <Badge
                key={p.id}
                size="lg"
                variant="light"
                tt="none"
                color={
                  p.response === "accepted" ? "green" : p.response === "declined" ? "red" : "gray"
                }
                data-testid="participant"
              >
                {p.fullName} · {t(`responses.${p.response}`)}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>

      {m.recurrence && (
        <Stack gap="xs">
          <Title order={4}>{t("detail.occurrences")}</Title>
          <Table.ScrollContainer minWidth={320}>
            <Table striped>
              <Table.Tbody>
                {m.occurrences.map((o) => (
                  <Table.Tr key={o.originalStart.toString()}>
                    <Table.Td>
                      <Text size="sm" td={o.cancelled ? "line-through" : undefined}>
                        {slot(o.start, o.end)}
                        {o.title ? ` · ${o.title}` : ""}
                      </Text>
                      {o.cancelled && (
                        <Badge color="gray" mt={4}>
                          {t("states.cancelled")}
                        </Badge>
                      )}
                      {o.changed && (
                        <Badge color="orange" mt={4}>
                          {t("states.changed")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {m.canSchedule && live && !o.cancelled && (
                        <Button
                          component={Link}
                          href={scheduleHref(o.originalStart)}
                          size="compact-xs"
                          variant="subtle"
                        >
                          {t("detail.toSchedule")}
                        </Button>
                      )}
                      {m.isOrganiser && live && !o.cancelled && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setMoving(o)}
                          data-testid="move-occurrence"
                        >
                          {t("detail.moveOccurrence")}
                        </Button>
                      )}
                      {m.isOrganiser && live && !o.cancelled && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          loading={
                            cancelOne.isPending &&
                            cancelOne.variables?.occurrenceStart ===
                              new Date(o.originalStart).toISOString()
                          }
                          onClick={() =>
                            cancelOne.mutate({
                              id: m.id,
                              version: m.version,
                              occurrenceStart: new Date(o.originalStart).toISOString(),
                            })
                          }
                        >
                          {t("detail.cancelOccurrence")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {m.moreOccurrences > 0 && (
            <Text size="sm" c="dimmed">
              {t("detail.moreOccurrences", { count: m.moreOccurrences })}
            </Text>
          )}
        </Stack>
      )}

      {moving && (
        <MoveOccurrenceDialog meeting={m} occurrence={moving} onClose={() => setMoving(null)} />
      )}

      <Modal
        opened={cancelling}
        onClose={() => setCancelling(false)}
        title={t("detail.cancelMeeting")}
      >
        <Stack gap="sm">
          <Text size="sm">{t("detail.cancelConfirm")}</Text>
          <Textarea
            label={t("detail.cancelReason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              {t("detail.keep")}
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate({ id: m.id, version: m.version, reason: reason || null })
              }
            >
              {t("detail.cancelMeeting")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
