"use client";

import { Alert, EmptyState, Group, Loader, Stack, Text } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { ColumnsMenu, useColumnChoice } from "@/components/ui/columns-menu";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { messageOf } from "@/components/ui/server-errors";
import { vietnamToday } from "@/lib/dates";
import type { AppRouter } from "@/server/api/root";
import { DateRangeField } from "./date-range-field";
import { rangeFromParams, thisMonth } from "./date-ranges";
import { DownloadButtons } from "./download-buttons";
import { HandlingChart, countColumns } from "./handling-chart";

type Report = inferRouterOutputs<AppRouter>["reports"]["handling"];
type ReportRow = Report["rows"][number];

/** The leader's report over a period (this month unless the URL says otherwise). */
export function HandlingReportView() {
  const t = useTranslations();
  const trpc = useTRPC();
  const params = useSearchParams();
  const [from, to] = rangeFromParams(
    params.get("from"),
    params.get("to"),
    thisMonth(vietnamToday()),
  );
  const report = useQuery(trpc.reports.handling.queryOptions({ from, to }));
  const go = (f: string, tt: string) =>
    window.history.replaceState(null, "", `/reports?${new URLSearchParams({ from: f, to: tt })}`);
  const download = (format: "pdf" | "xlsx") =>
    `/api/reports/handling?${new URLSearchParams({ from, to, format }).toString()}`;

  let body;
  if (report.isPending) {
    body = (
      <Group justify="center" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Group>
    );
  } else if (report.isError) {
    body = (
      <Alert color="red" variant="light" data-testid="handling-error">
        {messageOf(report.error, t("handlingPage.loadError"))}
      </Alert>
    );
  } else if (report.data.totals.total === 0) {
    body = (
      <EmptyState
        icon={<IconChartBar size={28} />}
        withIndicatorBackground
        title={t("reports.handlingEmpty")}
        description={t("handlingPage.emptyHint")}
        data-testid="handling-empty"
        py="xl"
      />
    );
  } else {
    body = (
      <Stack gap="lg">
        <HandlingTable report={report.data} />
        <HandlingChart rows={report.data.rows} label={(row) => groupLabel(t, row)} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateRangeField
          label={t("handlingPage.range")}
          value={[from, to]}
          onCommit={([f, tt]) => f && tt && go(f, tt)}
          w={{ base: "100%", xs: 280 }}
          data-testid="handling-range"
        />
        <DownloadButtons
          pdfHref={download("pdf")}
          xlsxHref={download("xlsx")}
          pdfLabel={t("handlingPage.downloadPdf")}
        />
      </Group>
      {body}
    </Stack>
  );
}

type Translate = ReturnType<typeof useTranslations>;

const groupLabel = (t: Translate, row: ReportRow) =>
  row.group === "unit" ? (row.unitName ?? "") : t(`reports.groups.${row.group}`);

type CountKey = (typeof countColumns)[number]["key"];

// The lead, how many they have and how many are late say what the report is for; the rest may go.
const alwaysShown = new Set<CountKey>(["total", "inProgressOverdue"]);

function HandlingTable({ report }: { report: Report }) {
  const t = useTranslations();
  const count = (key: CountKey, value: number) => (
    <Text span inherit c={key === "inProgressOverdue" && value > 0 ? "red" : undefined}>
      {value}
    </Text>
  );
  const columns: DataColumn<ReportRow>[] = [
    {
      key: "lead",
      header: t("reports.handlingColumns.lead"),
      fixed: true,
      card: "title",
      minWidth: 200,
      render: (row) => groupLabel(t, row),
    },
    ...countColumns.map((c): DataColumn<ReportRow> => ({
      key: c.key,
      header: t(`reports.handlingColumns.${c.key}`),
      fixed: alwaysShown.has(c.key),
      align: "right",
      render: (row) => count(c.key, row[c.key]),
    })),
  ];
  const choice = useColumnChoice("reports.handling", columns);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed">
          {t("reports.asOf", { date: formatDate(report.asOf) })}
        </Text>
        <ColumnsMenu columns={columns} choice={choice} testId="handling-columns" />
      </Group>
      <DataTable
        label={t("reports.handling")}
        columns={columns}
        hidden={choice.hidden}
        rows={report.rows}
        rowKey={(row) => `${row.group}:${row.unitId ?? ""}`}
        rowTestId={() => "handling-row"}
        footer={{
          testId: "handling-totals",
          cells: {
            lead: t("reports.groups.totals"),
            ...Object.fromEntries(
              countColumns.map((c) => [c.key, count(c.key, report.totals[c.key])]),
            ),
          },
        }}
        bordered
        testId="handling-table"
      />
    </Stack>
  );
}
