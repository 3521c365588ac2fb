"use client";

import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";
import { addDays, vietnamToday } from "@/lib/dates";
import { formatVietnamTime, vietnamParts, weekdays } from "@/lib/meetings";

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The Monday of the week a day falls in. */
function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** A room's bookings over a week, a column per day (one under another on a phone). */
export function RoomWeek({ roomId, initialDay }: { roomId: string; initialDay?: string }) {
  const t = useTranslations("meetings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [weekStart, setWeekStart] = useState(mondayOf(initialDay ?? vietnamToday()));
  const week = useQuery(trpc.meetings.roomWeek.queryOptions({ roomId, weekStart }));
  const release = useMutation(
    trpc.meetings.cancelReservation.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "green", message: t("week.reservationCancelled") });
        void queryClient.invalidateQueries({ queryKey: trpc.meetings.roomWeek.queryKey() });
      },
      onError: (error) => showServerError(error, te("internal")),
    }),
  );
  if (week.isPending) return <Loader />;
  if (week.isError || !week.data)
    return <Alert color="red">{week.error?.message ?? te("internal")}</Alert>;
  const { room, bookings, canManage } = week.data;
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Title order={2}>{t("week.title", { room: room.name })}</Title>
          <Text size="sm" c="dimmed">
            {t("rooms.seats", { count: room.capacity })}
            {room.equipment.length > 0 ? ` · ${room.equipment.join(", ")}` : ""}
          </Text>
        </Stack>
        <Group gap={4}>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconChevronLeft size={14} />}
            onClick={() => setWeekStart(addDays(weekStart, -7))}
          >
            {t("week.previous")}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => setWeekStart(mondayOf(vietnamToday()))}
          >
            {t("week.thisWeek")}
          </Button>
          <Button
            size="xs"
            variant="default"
            rightSection={<IconChevronRight size={14} />}
            onClick={() => setWeekStart(addDays(weekStart, 7))}
          >
            {t("week.next")}
          </Button>
        </Group>
      </Group>
      <Text size="sm">{t("week.range", { from: dmy(days[0]!), to: dmy(days[6]!) })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 4, lg: 7 }} spacing="xs">
        {days.map((day, i) => {
          const mine = bookings.filter((b) => vietnamParts(b.start).day === day);
          return (
            <Card key={day} withBorder padding="xs" data-testid="room-day">
              <Text size="sm" fw={600} c={day === vietnamToday() ? "indigo.7" : undefined}>
                {t(`weekdays.${weekdays[i]!}`)} {dmy(day).slice(0, 5)}
              </Text>
              <Stack gap={4} mt={4}>
                {mine.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    {t("week.dayEmpty")}
                  </Text>
                ) : (
                  mine.map((b) => (
                    <Card
                      key={b.id}
                      padding={6}
                      radius="sm"
                      bg={b.reservation ? "orange.0" : "indigo.0"}
                      data-testid="room-booking"
                    >
                      <Text size="xs" fw={600}>
                        {formatVietnamTime(b.start)}–{formatVietnamTime(b.end)}
                      </Text>
                      {b.meetingId && b.title ? (
                        <Text
                          size="xs"
                          component={Link}
                          href={`/meetings/${b.meetingId}`}
                          c="indigo.8"
                        >
                          {b.title}
                        </Text>
                      ) : (
                        <Text size="xs">{b.title ?? t("week.private")}</Text>
                      )}
                      {b.reservation && (
                        <Group gap={4} justify="space-between">
                          <Badge size="xs" color="orange" variant="light">
                            {t("week.reservation")}
                          </Badge>
                          {canManage && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              onClick={() => release.mutate({ id: b.id, version: b.version })}
                            >
                              {t("week.cancelReservation")}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Card>
                  ))
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
