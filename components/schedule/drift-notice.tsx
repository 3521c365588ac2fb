"use client";

import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { AnchorLink } from "@/components/ui/anchor-link";
import { addDays } from "@/lib/dates";
import { isoWeekOf, scheduleHref, sessionOfTime } from "@/lib/schedule";
import { dayMonthYear } from "@/lib/schedule-layout";
import type { Entry, Sheet } from "./types";

/**
 * Tells the drafter that the meeting an entry was made from has since moved or been called off,
 * with the one step that brings the sheet in line: edit the entry to the new time, cancel it, or
 * (moved to another week) add it to that week.
 */
export function DriftNotice({
  sheet,
  entry,
  onEdit,
  onRemove,
}: {
  sheet: Sheet;
  entry: Entry;
  onEdit?: (e: Entry) => void;
  onRemove?: (e: Entry) => void;
}) {
  const t = useTranslations("schedule");
  const drift = entry.drift;
  if (!drift || !onEdit || !onRemove || entry.cancelled) return null;
  if (drift.cancelled) {
    return (
      <Alert color="orange" variant="light" p="xs" data-testid="schedule-entry-drift">
        <Group gap="xs" justify="space-between">
          <Text size="sm">{t("drift.cancelled")}</Text>
          <Button
            size="compact-xs"
            color="red"
            variant="light"
            h="auto"
            styles={{ label: { whiteSpace: "normal" } }}
            onClick={() => onRemove(entry)}
          >
            {t("drift.cancelEntry")}
          </Button>
        </Group>
      </Alert>
    );
  }
  const when = `${dayMonthYear(drift.day)} ${drift.startTime}${drift.endTime ? `–${drift.endTime}` : ""}`;
  const inWeek = drift.day >= sheet.weekStart && drift.day <= addDays(sheet.weekStart, 6);
  const source = entry.source;
  return (
    <Alert
      color="orange"
      variant="light"
      p="xs"
      icon={<IconAlertTriangle size={16} />}
      data-testid="schedule-entry-drift"
    >
      <Text size="sm">{t("drift.moved", { when })}</Text>
      <Group gap="xs" mt={4}>
        {inWeek ? (
          <Button
            size="compact-xs"
            variant="light"
            h="auto"
            styles={{ label: { whiteSpace: "normal" } }}
            data-testid="schedule-entry-follow"
            onClick={() =>
              onEdit({
                ...entry,
                day: drift.day,
                session: sessionOfTime(drift.startTime),
                startTime: drift.startTime,
                endTime: drift.endTime,
                location: drift.location ?? entry.location,
              })
            }
          >
            {t("drift.follow")}
          </Button>
        ) : (
          source?.occurrenceStart && (
            <AnchorLink
              size="sm"
              href={`${scheduleHref(isoWeekOf(drift.day), sheet.unitId)}&meeting=${source.href.slice("/meetings/".length)}&at=${encodeURIComponent(source.occurrenceStart)}`}
            >
              {t("drift.otherWeek")}
            </AnchorLink>
          )
        )}
      </Group>
    </Alert>
  );
}
