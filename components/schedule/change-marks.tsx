"use client";

import { Badge, Text, Tooltip } from "@mantine/core";
import { useTranslations } from "next-intl";
import { formatDateTime } from "@/components/documents/document-format";
import type { Entry } from "./types";

const colours = { edited: "orange", added: "blue", cancelled: "red" } as const;

/** "Thay đổi", "Bổ sung" or "Hủy" beside an entry changed after publication; who and when on hover or tap. */
export function ChangeBadge({ entry }: { entry: Entry }) {
  const t = useTranslations("schedule");
  if (!entry.change) return null;
  const kind = t(`marks.${entry.change.kind}`);
  return (
    <Tooltip
      label={t("changedAt", { kind, at: formatDateTime(entry.change.at), by: entry.change.by })}
      events={{ hover: true, focus: true, touch: true }}
      multiline
      maw={280}
    >
      <Badge
        color={colours[entry.change.kind]}
        variant="light"
        size="sm"
        tabIndex={0}
        data-testid="schedule-change-mark"
      >
        {kind}
      </Badge>
    </Tooltip>
  );
}

/**
 * A field's value; when it changed after publication, the new value with the old one struck
 * through beneath it.
 */
export function FieldValue({
  entry,
  field,
  value,
}: {
  entry: Entry;
  field: string;
  value: string;
}) {
  const t = useTranslations("schedule");
  const changed = entry.change?.kind === "edited" ? entry.change.fields[field] : undefined;
  return (
    <>
      <Text
        size="sm"
        td={entry.cancelled ? "line-through" : undefined}
        c={entry.cancelled ? "dimmed" : undefined}
        fw={changed ? 600 : undefined}
        style={{ whiteSpace: "pre-line" }}
      >
        {value}
      </Text>
      {changed && (
        <Text
          size="xs"
          c="dimmed"
          td="line-through"
          aria-label={t("was", { value: changed.from ?? t("wasEmpty") })}
        >
          {changed.from ?? t("wasEmpty")}
        </Text>
      )}
    </>
  );
}

/** The time of an entry: "07:30" or "07:30 - 09:00". */
export const timeOf = (e: Entry) =>
  e.shown.endTime ? `${e.shown.startTime} - ${e.shown.endTime}` : e.shown.startTime;

/** The time field changed if either end did. */
export function timeChange(e: Entry) {
  const f = e.change?.kind === "edited" ? e.change.fields : {};
  return f.startTime || f.endTime || f.day;
}
