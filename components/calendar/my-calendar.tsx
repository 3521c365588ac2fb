"use client";

import "dayjs/locale/vi";
import { Alert, Badge, Group, Loader, Stack, Text } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { useElementSize } from "@mantine/hooks";
import { Schedule, type ScheduleEventData, type ScheduleViewLevel } from "@mantine/schedule";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { vietnamToday } from "@/lib/dates";
import type { AppRouter } from "@/server/api/root";
import { FeedButton } from "./feed-button";
import { visibleDays, vietnamWallClock, type CalendarView } from "./calendar-range";

type Item = inferRouterOutputs<AppRouter>["calendar"]["items"][number];

const views = ["day", "week", "month"] as const satisfies readonly CalendarView[];

const colours: Record<Item["kind"], string> = {
  schedule: "blue",
  meeting: "grape",
  task: "orange",
  document: "teal",
};

function eventOf(item: Item): ScheduleEventData {
  const faded = item.response === "declined" || item.state === "cancelled";
  return {
    id: item.id,
    title: item.title,
    start: vietnamWallClock(item.start),
    end: vietnamWallClock(item.end),
    color: item.state === "overdue" ? "red" : faded ? "gray" : colours[item.kind],
    variant: item.response === "pending" || faded ? "light" : "filled",
    payload: { href: item.href },
  };
}

/**
 * The person's calendar by day, week or month (a month of days on a phone), in Vietnam's time
 * whatever the device's zone; an item opens the page it comes from.
 */
export function MyCalendar() {
  const t = useTranslations("calendar");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [view, setView] = useState<CalendarView>("week");
  const [day, setDay] = useState(() => vietnamToday());
  // The schedule shows a month of days when its own width is 600 px or less (a phone).
  const { ref, width } = useElementSize();
  const compact = width > 0 && width <= 600;
  const range = visibleDays(compact ? "month" : view, day);
  const items = useQuery({
    ...trpc.calendar.items.queryOptions(range),
    placeholderData: (previous) => previous,
  });

  const labels = {
    day: t("labels.day"),
    week: t("labels.week"),
    month: t("labels.month"),
    year: t("labels.year"),
    allDay: t("labels.allDay"),
    today: t("labels.today"),
    next: t("labels.next"),
    previous: t("labels.previous"),
    more: t("labels.more"),
    noEvents: t("labels.noEvents"),
    agenda: t("labels.agenda"),
    weekday: t("labels.weekday"),
    timeSlot: t("labels.timeSlot"),
    selectMonth: t("labels.selectMonth"),
    selectYear: t("labels.selectYear"),
    switchToDayView: t("labels.switchToDayView"),
    switchToWeekView: t("labels.switchToWeekView"),
    switchToMonthView: t("labels.switchToMonthView"),
    switchToYearView: t("labels.switchToYearView"),
    viewSelectLabel: t("labels.viewSelectLabel"),
    moreLabel: (count: number) => t("labels.moreLabel", { count }),
  };
  const viewSelectProps = { views };

  return (
    <Stack gap="sm" ref={ref}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="wrap" data-testid="calendar-legend">
          {(Object.keys(colours) as Item["kind"][]).map((kind) => (
            <Badge key={kind} color={colours[kind]} variant="dot">
              {t(`kinds.${kind}`)}
            </Badge>
          ))}
          <Badge color="red" variant="light">
            {t("states.overdue")}
          </Badge>
          {items.isFetching && <Loader size="xs" aria-label={t("title")} />}
        </Group>
        <FeedButton feed={{ scope: "mine" }} />
      </Group>
      {items.isError && (
        <Alert color="red" variant="light">
          {t("loadFailed")}
        </Alert>
      )}
      {items.data?.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="calendar-empty">
          {t("empty")}
        </Text>
      )}
      <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
        <Schedule
          data-testid="my-calendar"
          layout="responsive"
          locale={locale}
          date={day}
          onDateChange={(d) => setDay(d.slice(0, 10))}
          view={view}
          onViewChange={(v: ScheduleViewLevel) => {
            if (v !== "year") setView(v);
          }}
          events={(items.data ?? []).map(eventOf)}
          labels={labels}
          mode="static"
          onEventClick={(event) => {
            const href = (event.payload as { href?: string } | undefined)?.href;
            if (href) router.push(href);
          }}
          dayViewProps={{ viewSelectProps, startTime: "06:00:00", endTime: "20:00:00" }}
          weekViewProps={{
            viewSelectProps,
            startTime: "06:00:00",
            endTime: "20:00:00",
            firstDayOfWeek: 1,
            weekLabelFormat: "DD/MM",
            // Ward offices receive citizens on Saturday mornings: no day is greyed or red.
            weekendDays: [],
          }}
          monthViewProps={{ viewSelectProps, firstDayOfWeek: 1, weekendDays: [] }}
          mobileMonthViewProps={{
            firstDayOfWeek: 1,
            weekendDays: [],
            // The day chosen is Vietnam's, not the device's: their "today" differ at night.
            selectedDate: day,
            onSelectedDateChange: (d) => {
              if (d) setDay(d.slice(0, 10));
            },
            eventsHeaderFormat: "dddd, DD/MM/YYYY",
          }}
        />
      </DatesProvider>
    </Stack>
  );
}
