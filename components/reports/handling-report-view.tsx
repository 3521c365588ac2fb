"use client";

import { Alert, EmptyState, Group, Loader, Stack, Table, Text } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
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
        <Text size="sm" c="dimmed">
          {t("reports.asOf", { date: formatDate(report.data.asOf) })}
        </Text>
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

function HandlingTable({ report }: { report: Report }) {
  const t = useTranslations();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table
        withTableBorder
        withColumnBorders
        striped
        verticalSpacing="xs"
        data-testid="handling-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("reports.handlingColumns.lead")}</Table.Th>
            {countColumns.map((c) => (
              <Table.Th key={c.key} w={110} ta="right">
                {t(`reports.handlingColumns.${c.key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={`${row.group}:${row.unitId ?? ""}`} data-testid="handling-row">
              <Table.Td>{groupLabel(t, row)}</Table.Td>
              {countColumns.map((c) => (
                <Table.Td
                  key={c.key}
                  ta="right"
                  c={c.key === "inProgressOverdue" && row[c.key] > 0 ? "red" : undefined}
                >
                  {row[c.key]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr
            fw={700}
            style={{ borderTop: "2px solid var(--mantine-color-default-border)" }}
            data-testid="handling-totals"
          >
            <Table.Td>{t("reports.groups.totals")}</Table.Td>
            {countColumns.map((c) => (
              <Table.Td key={c.key} ta="right">
                {report.totals[c.key]}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
