"use client";

import { Modal, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DateField } from "@/components/ui/date-field";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { showServerError } from "@/components/ui/server-errors";
import { TimeField } from "@/components/ui/time-field";
import { formatVietnamDateTime, TIME_OF_DAY, vietnamParts } from "@/lib/meetings";

type Values = {
  day: string;
  startTime: string;
  endTime: string;
  roomId: string | null;
  locationText: string;
};

/**
 * Moves one occurrence of a series to another day, time or room (the Monday briefing held on
 * Tuesday this week); the series and its other occurrences stay. The room's clash is refused
 * with the booking in the way, on the form.
 */
export function MoveOccurrenceDialog({
  meeting,
  occurrence,
  onClose,
}: {
  meeting: {
    id: string;
    version: number;
    room: { id: string } | null;
    locationText: string | null;
  };
  occurrence: { originalStart: Date; start: Date; end: Date };
  onClose: () => void;
}) {
  const t = useTranslations("meetings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const phone = useMediaQuery("(max-width: 36em)");
  const rooms = useQuery(trpc.meetings.rooms.queryOptions());
  const start = vietnamParts(occurrence.start);
  const form = useForm<Values>({
    initialValues: {
      day: start.day,
      startTime: start.time,
      endTime: vietnamParts(occurrence.end).time,
      roomId: meeting.room?.id ?? null,
      locationText: meeting.locationText ?? "",
    },
    validate: {
      startTime: (v) => (TIME_OF_DAY.test(v) ? null : t("errors.timeFormat")),
      endTime: (v, all) =>
        !TIME_OF_DAY.test(v)
          ? t("errors.timeFormat")
          : v <= all.startTime
            ? t("errors.endBeforeStart")
            : null,
    },
  });
  const move = useMutation(
    trpc.meetings.moveOccurrence.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "green", message: t("detail.occurrenceMoved") });
        void queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() });
        onClose();
      },
      onError: (error) => showServerError(error, te("internal"), form),
    }),
  );
  const roomOptions = (rooms.data?.rooms ?? [])
    .filter((r) => r.active || r.id === form.values.roomId)
    .map((r) => ({ value: r.id, label: r.name }));

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("detail.moveOccurrence")}
      fullScreen={phone}
      closeButtonProps={{ "aria-label": t("form.back") }}
    >
      <form
        noValidate
        data-testid="move-occurrence-form"
        onSubmit={form.onSubmit((v) =>
          move.mutate({
            id: meeting.id,
            version: meeting.version,
            occurrenceStart: new Date(occurrence.originalStart).toISOString(),
            day: v.day,
            startTime: v.startTime,
            endTime: v.endTime,
            roomId: v.roomId,
            locationText: v.roomId ? null : v.locationText || null,
            title: null,
          }),
        )}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("detail.moveFrom", { when: formatVietnamDateTime(occurrence.start) })}
          </Text>
          <DateField label={t("form.day")} required {...form.getInputProps("day")} />
          <SimpleGrid cols={2} spacing="sm">
            <TimeField
              label={t("form.startTime")}
              required
              data-testid="move-start"
              {...form.getInputProps("startTime")}
            />
            <TimeField
              label={t("form.endTime")}
              required
              data-testid="move-end"
              {...form.getInputProps("endTime")}
            />
          </SimpleGrid>
          <Select
            label={t("form.room")}
            data={roomOptions}
            clearable
            {...form.getInputProps("roomId")}
          />
          {!form.values.roomId && (
            <TextInput label={t("form.locationText")} {...form.getInputProps("locationText")} />
          )}
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("detail.moveSubmit")}
            pending={move.isPending}
            testId="move-occurrence-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
