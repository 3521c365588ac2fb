"use client";

import { Button, Group, Stack, Title } from "@mantine/core";
import { IconChartBar, IconDownload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { DateField } from "@/components/ui/date-field";
import { ListStates } from "@/components/ui/list-states";
import { PageHeader } from "@/components/ui/page-header";
import { addDays, vietnamToday } from "@/lib/dates";
import type { TaskReportRow } from "@/server/tasks/report";

const COUNTS = ["total", "doneOnTime", "doneLate", "overdue", "inProgress"] as const;

/** Tasks due in a date range, per unit and per person: done on time or late, overdue, in progress. */
export function TaskReportView() {
  const t = useTranslations("taskReport");
  const trpc = useTRPC();
  const today = vietnamToday();
  const [from, setFrom] = useState<string | null>(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState<string | null>(addDays(today, 30));
  const ok = (d: string | null) => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d);
  const ready = ok(from) && ok(to) && from! <= to!;
  const query = useQuery({
    ...trpc.tasks.report.queryOptions({ from: from!, to: to! }),
    enabled: ready,
  });
  const columns = (first: string, none: string): DataColumn<TaskReportRow>[] => [
    { key: "name", header: first, fixed: true, card: "title", render: (r) => r.name || none },
    ...COUNTS.map((k) => ({
      key: k,
      header: t(k),
      align: "right" as const,
      nowrap: true,
      render: (r: TaskReportRow) => r[k],
    })),
  ];
  const totals = query.data?.totals;
  const footer = totals
    ? { cells: { name: t("totalRow"), ...Object.fromEntries(COUNTS.map((k) => [k, totals[k]])) } }
    : undefined;
  return (
    <>
      <PageHeader
        title={t("pageTitle")}
        actions={
          <Button
            component="a"
            href={ready ? `/api/tasks/report?from=${from}&to=${to}` : undefined}
            disabled={!ready}
            leftSection={<IconDownload size={16} />}
            data-testid="task-report-xlsx"
          >
            {t("xlsx")}
          </Button>
        }
      />
      <Group mb="md" gap="xs">
        <DateField label={t("from")} value={from} onChange={setFrom} w={160} />
        <DateField
          label={t("to")}
          value={to}
          onChange={setTo}
          w={160}
          error={ok(from) && ok(to) && from! > to! ? t("toBeforeFrom") : undefined}
        />
      </Group>
      <Stack gap="lg">
        <ListStates
          query={ready ? query : { isPending: false, isError: false }}
          count={query.data?.byUnit.length ?? 0}
          loadError={t("loadError")}
          empty={{
            icon: <IconChartBar size={24} />,
            title: t("empty"),
            description: t("emptyHint"),
            testId: "task-report-empty",
            action: null,
          }}
        />
        {query.data && query.data.byUnit.length > 0 && (
          <>
            <Title order={3} size="h4">
              {t("byUnit")}
            </Title>
            <DataTable
              columns={columns(t("unit"), t("noUnit"))}
              rows={query.data.byUnit}
              rowKey={(r) => r.id ?? "none"}
              label={t("byUnit")}
              footer={footer}
              testId="report-by-unit"
            />
            <Title order={3} size="h4">
              {t("byPerson")}
            </Title>
            <DataTable
              columns={columns(t("person"), t("noPerson"))}
              rows={query.data.byPerson}
              rowKey={(r) => r.id ?? "none"}
              label={t("byPerson")}
              footer={footer}
              testId="report-by-person"
            />
          </>
        )}
      </Stack>
    </>
  );
}
