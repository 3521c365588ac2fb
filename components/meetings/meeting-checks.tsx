"use client";

// What the meeting form checks while the organiser picks a time: whether the room is free (and
// the next free slot when not), and whether any invitee is already busy then.
import { Alert, Button, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import {
  formatVietnamDateTime,
  formatVietnamTime,
  TIME_OF_DAY,
  type RecurrenceChoice,
} from "@/lib/meetings";
import type { MeetingFormValues } from "./meeting-form";

/** The room's availability and the invitees' other commitments for the time being picked. */
export function useMeetingChecks(
  v: MeetingFormValues,
  recurrence: RecurrenceChoice,
  meetingId: string | null,
) {
  const trpc = useTRPC();
  const timesReady =
    TIME_OF_DAY.test(v.startTime) &&
    TIME_OF_DAY.test(v.endTime) &&
    v.endTime > v.startTime &&
    /^\d{4}-\d{2}-\d{2}$/.test(v.day) &&
    (v.kind === "none" || v.endKind === "count" || /^\d{4}-\d{2}-\d{2}$/.test(v.until));
  const [check] = useDebouncedValue(
    {
      day: v.day,
      startTime: v.startTime,
      endTime: v.endTime,
      recurrence,
      roomId: v.roomId,
      participantIds: v.participantIds,
    },
    400,
  );
  const availabilityInput = check.roomId
    ? {
        roomId: check.roomId,
        day: check.day,
        startTime: check.startTime,
        endTime: check.endTime,
        recurrence: check.recurrence,
        meetingId: meetingId,
      }
    : null;
  const availability = useQuery({
    ...trpc.meetings.roomAvailability.queryOptions(availabilityInput!),
    enabled: timesReady && availabilityInput !== null,
    retry: false,
  });
  const busy = useQuery({
    ...trpc.meetings.participantsBusy.queryOptions({
      day: check.day,
      startTime: check.startTime,
      endTime: check.endTime,
      recurrence: check.recurrence,
      participantIds: check.participantIds,
      meetingId: meetingId,
    }),
    enabled: timesReady && check.participantIds.length > 0,
    retry: false,
  });

  return { timesReady, availability, busy };
}

type Busy = { userId: string; fullName: string; start: Date; end: Date }[];

/** The invitees already taken at that time. */
export function BusyWarning({ busy }: { busy: Busy | undefined }) {
  const t = useTranslations("meetings");
  if (!busy || busy.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t("warnings.busyTitle")}
      icon={<IconAlertTriangle size={16} />}
      data-testid="busy-warning"
    >
      <Stack gap={2}>
        {busy.map((b) => (
          <Text key={b.userId} size="sm">
            {t("warnings.busyItem", {
              name: b.fullName,
              time: `${formatVietnamDateTime(b.start)}–${formatVietnamTime(b.end)}`,
            })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

type Slot = { day: string; startTime: string; endTime: string; start: Date; end: Date };

export function RoomAvailability({
  query,
  onUse,
}: {
  query: {
    isFetching: boolean;
    isError: boolean;
    data?: {
      conflicts: { start: Date; end: Date; title: string | null }[];
      suggestion: Slot | null;
    };
  };
  onUse: (slot: Slot) => void;
}) {
  const t = useTranslations("meetings");
  if (!query.data) {
    return query.isFetching ? (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">{t("availability.checking")}</Text>
      </Group>
    ) : null;
  }
  const { conflicts, suggestion } = query.data;
  if (conflicts.length === 0) {
    return (
      <Alert color="green" variant="light" icon={<IconCheck size={16} />} data-testid="room-free">
        {t("availability.free")}
      </Alert>
    );
  }
  const slot = (s: { start: Date; end: Date }) =>
    `${formatVietnamDateTime(s.start)}–${formatVietnamTime(s.end)}`;
  return (
    <Paper withBorder p="sm" radius="md" bg="red.0" data-testid="room-taken">
      <Stack gap={6}>
        <Text size="sm" fw={600} c="red.8">
          {t("availability.taken")}
        </Text>
        {conflicts.map((c) => (
          <Text key={`${c.start.toString()}-${c.title}`} size="sm">
            {c.title
              ? t("availability.takenItem", { time: slot(c), title: c.title })
              : t("availability.takenPrivate", { time: slot(c) })}
          </Text>
        ))}
        {suggestion ? (
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm" data-testid="room-suggestion">
              {t("availability.suggestion", { slot: slot(suggestion) })}
            </Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => onUse(suggestion)}
              data-testid="use-slot"
            >
              {t("availability.useSlot")}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t("availability.noSlot")}</Text>
        )}
      </Stack>
    </Paper>
  );
}
