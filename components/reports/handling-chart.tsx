"use client";

import { Box, ColorSwatch, Group, Progress, Stack, Text, Tooltip } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import type { AppRouter } from "@/server/api/root";

type ReportRow = inferRouterOutputs<AppRouter>["reports"]["handling"]["rows"][number];

/** The counts after the total, in the printed order, each with the colour of its bar. */
export const countColumns = [
  { key: "total", color: null },
  { key: "notDirected", color: "gray.5" },
  { key: "inProgressOnTime", color: "blue.6" },
  { key: "inProgressOverdue", color: "red.6" },
  { key: "completedOnTime", color: "teal.6" },
  { key: "completedLate", color: "orange.5" },
] as const;

const parts = countColumns.filter(
  (c): c is Extract<(typeof countColumns)[number], { color: string }> => c.color !== null,
);

/**
 * One stacked bar per lead, as long as its total against the largest: how much each unit
 * carries and how much of it is late, readable at a glance on a phone too. Mantine's
 * Progress is enough here; a charting library would add weight for one picture.
 */
export function HandlingChart({
  rows,
  label,
}: {
  rows: ReportRow[];
  label: (row: ReportRow) => string;
}) {
  const t = useTranslations();
  const max = Math.max(1, ...rows.map((r) => r.total));
  return (
    <Stack gap="sm" data-testid="handling-chart">
      <Text fw={600}>{t("handlingPage.chart")}</Text>
      <Group gap="md">
        {parts.map((p) => (
          <Group key={p.key} gap={6} wrap="nowrap">
            <ColorSwatch color={`var(--mantine-color-${p.color.replace(".", "-")})`} size={12} />
            <Text size="xs">{t(`reports.handlingColumns.${p.key}`)}</Text>
          </Group>
        ))}
      </Group>
      {rows.map((row) => (
        <Box key={`${row.group}:${row.unitId ?? ""}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" truncate>
              {label(row)}
            </Text>
            <Text size="sm" fw={600}>
              {row.total}
            </Text>
          </Group>
          <Progress.Root size="lg" w={`${(row.total / max) * 100}%`} miw={8}>
            {parts.map((p) =>
              row[p.key] > 0 ? (
                <Tooltip
                  key={p.key}
                  label={`${t(`reports.handlingColumns.${p.key}`)}: ${row[p.key]}`}
                >
                  <Progress.Section value={(row[p.key] / row.total) * 100} color={p.color} />
                </Tooltip>
              ) : null,
            )}
          </Progress.Root>
        </Box>
      ))}
    </Stack>
  );
}
