"use client";

import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconCalendarPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { messageOf } from "@/components/ui/server-errors";
import type { ScheduleEntrySource } from "@/lib/schemas/schedule";
import type { EntryPrefill, Sheet } from "./types";

const hrefOf = (source: ScheduleEntrySource) =>
  source.kind === "document" ? `/documents/${source.id}` : `/meetings/${source.id}`;

/**
 * The invitation or meeting occurrence the office came to add (`?doc=` or `?meeting=&at=`):
 * what it suggests, fetched once, and the week it falls in, shown as soon as it is known.
 */
export function useEntrySource(
  asked: ScheduleEntrySource | null,
  showWeek: (week: { year: number; week: number }) => void,
) {
  const trpc = useTRPC();
  const [source, setSource] = useState(asked);
  const query = useQuery({
    ...trpc.schedule.prefill.queryOptions({ source: source! }),
    enabled: source !== null,
    staleTime: Infinity,
  });
  const shown = useRef(false);
  const week = query.data?.week;
  useEffect(() => {
    if (week && !shown.current) {
      shown.current = true;
      showWeek(week);
    }
  }, [week, showWeek]);
  const prefill: EntryPrefill | null =
    source && query.data ? { source, values: query.data.values } : null;
  return { source, prefill, error: query.error, dismiss: () => setSource(null) };
}

export type EntrySource = ReturnType<typeof useEntrySource>;

/** Says where the suggested entry stands on the sheet shown, with the button to add it. */
export function SourceBanner({
  from,
  sheet,
  editable,
  onAdd,
}: {
  from: EntrySource;
  sheet: Sheet | null;
  editable: boolean;
  onAdd: () => void;
}) {
  const t = useTranslations("schedule");
  if (!from.source) return null;
  if (from.error) {
    return (
      <Alert color="red" variant="light" withCloseButton onClose={from.dismiss}>
        {messageOf(from.error, t("failed"))}
      </Alert>
    );
  }
  if (!from.prefill) return null;
  const href = hrefOf(from.source);
  const placed = sheet?.entries.some(
    (e) =>
      !e.cancelled &&
      e.source?.href === href &&
      (from.source!.kind === "document" || e.day === from.prefill!.values.day),
  );
  const state = placed
    ? t("fromSource.added")
    : !sheet
      ? t("fromSource.noSheet")
      : editable
        ? t("fromSource.pickSheet")
        : t("fromSource.notEditable");
  return (
    <Alert
      color={placed ? "teal" : "blue"}
      variant="light"
      icon={<IconCalendarPlus />}
      title={t("addToSchedule")}
      data-testid="schedule-source-banner"
    >
      <Stack gap="xs">
        <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
          {from.prefill.values.content}
        </Text>
        <Text size="sm">{state}</Text>
        <Group gap="xs">
          {!placed && sheet && editable && (
            <Button size="xs" onClick={onAdd} data-testid="schedule-source-add">
              {t("fromSource.open")}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={from.dismiss}>
            {t(placed ? "fromSource.close" : "fromSource.dismiss")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
