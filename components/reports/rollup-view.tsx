"use client";

import { Alert, Badge, EmptyState, Group, Loader, Select, Stack, Text, Title } from "@mantine/core";
import { IconSitemap } from "@tabler/icons-react";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { messageOf } from "@/components/ui/server-errors";
import { vietnamToday } from "@/lib/dates";
import { orgLevels, type OrgLevel } from "@/lib/schemas/org-tree";
import { MAX_ROLLUP_MONTHS, monthsBetween } from "@/lib/schemas/rollup";
import type { AppRouter } from "@/server/api/root";
import { monthRuns } from "./date-ranges";
import { MonthRangeField, yearSoFar, type MonthRange } from "./month-range-field";

type Rollup = inferRouterOutputs<AppRouter>["reports"]["rollup"];
type Organisation = Rollup["organisations"][number];
type Counts = Rollup["totals"];
type Translate = ReturnType<typeof useTranslations>;

const countKeys = [
  "received",
  "issued",
  "completedOnTime",
  "completedLate",
  "overdue",
] as const satisfies readonly (keyof Counts)[];

const isMonth = (v: string | null): v is string => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** The range in the URL (?from&to as yyyy-MM) when it is one the server takes, else the fallback. */
function monthsFromParams(
  from: string | null,
  to: string | null,
  fallback: MonthRange,
): MonthRange {
  return isMonth(from) && isMonth(to) && from <= to && monthsBetween(from, to) <= MAX_ROLLUP_MONTHS
    ? [from, to]
    : fallback;
}

const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

const countCell = (key: keyof Counts, value: number) => (
  <Text span inherit c={key === "overdue" && value > 0 ? "red" : undefined}>
    {value}
  </Text>
);

const countColumns = <Row,>(t: Translate, of: (row: Row) => Counts): DataColumn<Row>[] =>
  countKeys.map((key) => ({
    key,
    header: t(`rollup.columns.${key}`),
    // "Văn bản đi đã phát hành" runs into its value on a phone card.
    cardLabel: key === "issued" ? t("rollup.columns.issuedCard") : undefined,
    align: "right",
    nowrap: true,
    render: (row) => countCell(key, of(row)[key]),
  }));

const footerOf = (first: string, label: string, totals: Counts) => ({
  cells: {
    [first]: label,
    ...Object.fromEntries(countKeys.map((k) => [k, countCell(k, totals[k])])),
  },
});

/**
 * A parent organisation's figures and those of every body below it: only counts, by level and
 * organisation, then month by month for all of them or one. The months and the level live in
 * the URL, so a leader can bookmark or send the view.
 */
export function RollupView() {
  const t = useTranslations();
  const trpc = useTRPC();
  const params = useSearchParams();
  const [from, to] = monthsFromParams(
    params.get("from"),
    params.get("to"),
    yearSoFar(vietnamToday()),
  );
  const levelParam = params.get("level");
  const level = orgLevels.find((l) => l === levelParam) ?? null;
  const report = useQuery(
    trpc.reports.rollup.queryOptions({ from, to, ...(level ? { level } : {}) }),
  );
  const go = (next: { from?: string; to?: string; level?: OrgLevel | null }) => {
    const query = new URLSearchParams({ from: next.from ?? from, to: next.to ?? to });
    const l = next.level === undefined ? level : next.level;
    if (l) query.set("level", l);
    window.history.replaceState(null, "", `/reports/rollup?${query}`);
  };

  let body;
  if (report.isPending) {
    body = (
      <Group justify="center" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Group>
    );
  } else if (report.isError) {
    body = (
      <Alert color="red" variant="light" data-testid="rollup-error">
        {messageOf(report.error, t("rollup.loadError"))}
      </Alert>
    );
  } else if (report.data.organisations.length === 0) {
    body = (
      <EmptyState
        icon={<IconSitemap size={28} />}
        withIndicatorBackground
        title={t("rollup.noOrganisations")}
        description={t("rollup.noOrganisationsHint")}
        data-testid="rollup-empty"
        py="xl"
      />
    );
  } else if (countKeys.every((k) => report.data.totals[k] === 0)) {
    body = (
      <EmptyState
        icon={<IconSitemap size={28} />}
        withIndicatorBackground
        title={t("rollup.empty")}
        description={t("rollup.emptyHint")}
        data-testid="rollup-empty"
        py="xl"
      />
    );
  } else {
    body = (
      <Stack gap="xl">
        <OrganisationTable report={report.data} />
        <MonthTable report={report.data} />
        <Text size="xs" c="dimmed">
          {t("rollup.definitions")}
        </Text>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <MonthRangeField
          label={t("rollup.range")}
          value={[from, to]}
          onCommit={([f, tt]) => go({ from: f, to: tt })}
          w={{ base: "100%", xs: 240 }}
          data-testid="rollup-range"
        />
        <Select
          label={t("rollup.level")}
          data={[
            { value: "", label: t("rollup.allLevels") },
            ...orgLevels.map((l) => ({ value: l, label: t(`levels.${l}`) })),
          ]}
          value={level ?? ""}
          onChange={(v) => go({ level: orgLevels.find((l) => l === v) ?? null })}
          allowDeselect={false}
          w={{ base: "100%", xs: 200 }}
          data-testid="rollup-level"
        />
      </Group>
      {body}
    </Stack>
  );
}

/** An organisation's row, or the subtotal of a level when several levels are shown. */
type TableRow =
  | { kind: "organisation"; organisation: Organisation }
  | { kind: "level"; level: OrgLevel; count: number; totals: Counts };

function levelRows(organisations: Organisation[]): TableRow[] {
  const levels = orgLevels.filter((l) => organisations.some((o) => o.level === l));
  const rows: TableRow[] = [];
  for (const level of levels) {
    const members = organisations.filter((o) => o.level === level);
    rows.push(...members.map((organisation) => ({ kind: "organisation" as const, organisation })));
    if (levels.length > 1 && members.length > 1) {
      const totals = Object.fromEntries(
        countKeys.map((k) => [k, members.reduce((sum, o) => sum + o.totals[k], 0)]),
      ) as Counts;
      rows.push({ kind: "level", level, count: members.length, totals });
    }
  }
  return rows;
}

function OrganisationName({ organisation }: { organisation: Organisation }) {
  const t = useTranslations();
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Text span inherit fw={organisation.own ? 600 : undefined}>
          {organisation.name}
        </Text>
        {organisation.own && (
          <Badge size="xs" variant="light">
            {t("rollup.own")}
          </Badge>
        )}
        {organisation.status !== "active" && (
          <Badge size="xs" variant="light" color="gray" data-testid="rollup-status">
            {t(`orgTree.status.${organisation.status}`)}
          </Badge>
        )}
      </Group>
      {organisation.mergedIntoName && (
        <Text size="xs" c="dimmed">
          {t("rollup.mergedInto", { name: organisation.mergedIntoName })}
        </Text>
      )}
    </Stack>
  );
}

function OrganisationTable({ report }: { report: Rollup }) {
  const t = useTranslations();
  const columns: DataColumn<TableRow>[] = [
    {
      key: "organisation",
      header: t("rollup.columns.organisation"),
      card: "title",
      minWidth: 220,
      render: (row) =>
        row.kind === "organisation" ? (
          <OrganisationName organisation={row.organisation} />
        ) : (
          <Text span inherit fw={600}>
            {t("rollup.levelTotal", { level: t(`levels.${row.level}`), count: row.count })}
          </Text>
        ),
    },
    {
      key: "level",
      header: t("rollup.columns.level"),
      nowrap: true,
      render: (row) =>
        t(`levels.${row.kind === "organisation" ? row.organisation.level : row.level}`),
    },
    ...countColumns<TableRow>(t, (row) =>
      row.kind === "organisation" ? row.organisation.totals : row.totals,
    ),
  ];
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={3} size="h4">
          {t("rollup.byOrganisation")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("reports.asOf", { date: formatDate(report.asOf) })}
        </Text>
      </Group>
      <DataTable
        label={t("rollup.byOrganisation")}
        columns={columns}
        rows={levelRows(report.organisations)}
        rowKey={(row) => (row.kind === "organisation" ? row.organisation.id : `level:${row.level}`)}
        rowTestId={(row) => (row.kind === "organisation" ? "rollup-row" : "rollup-level-row")}
        rowDimmed={(row) => row.kind === "organisation" && row.organisation.status !== "active"}
        footer={{
          ...footerOf("organisation", t("rollup.totals"), report.totals),
          testId: "rollup-totals",
        }}
        bordered
        testId="rollup-table"
      />
    </Stack>
  );
}

type MonthRow = { month: string; counts: Counts };

function MonthTable({ report }: { report: Rollup }) {
  const t = useTranslations();
  const [chosen, setChosen] = useState<string>("");
  const organisation = report.organisations.find((o) => o.id === chosen);
  const rows: MonthRow[] = report.months.map((month, i) => ({
    month,
    counts: organisation ? organisation.months[i]! : report.monthTotals[i]!,
  }));
  // On a phone each month is a card of five lines: months without a single figure are named in
  // one line instead, so a year with two busy months is not a long scroll of zeros.
  const phone = useMediaQuery("(max-width: 36em)");
  const empty = (row: MonthRow) => countKeys.every((key) => row.counts[key] === 0);
  const shown = phone ? rows.filter((row) => !empty(row)) : rows;
  const left = phone
    ? monthRuns(report.months, rows.map(empty)).map(([first, last]) =>
        first === last ? monthLabel(first) : `${monthLabel(first)} – ${monthLabel(last)}`,
      )
    : [];
  const columns: DataColumn<MonthRow>[] = [
    {
      key: "month",
      header: t("rollup.columns.month"),
      card: "title",
      nowrap: true,
      render: (row) => t("rollup.month", { month: monthLabel(row.month) }),
    },
    ...countColumns<MonthRow>(t, (row) => row.counts),
  ];
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={3} size="h4">
          {t("rollup.byMonth")}
        </Title>
        <Select
          label={t("rollup.monthsOf")}
          data={[
            { value: "", label: t("rollup.allOrganisations") },
            ...report.organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          value={organisation ? chosen : ""}
          onChange={(v) => setChosen(v ?? "")}
          allowDeselect={false}
          searchable
          w={{ base: "100%", xs: 320 }}
          data-testid="rollup-month-organisation"
        />
      </Group>
      <DataTable
        label={t("rollup.byMonth")}
        columns={columns}
        rows={shown}
        rowKey={(row) => row.month}
        rowTestId={() => "rollup-month-row"}
        footer={{
          ...footerOf("month", t("rollup.totals"), organisation?.totals ?? report.totals),
          testId: "rollup-month-totals",
        }}
        bordered
        testId="rollup-month-table"
      />
      {left.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="rollup-empty-months">
          {t("rollup.emptyMonths", {
            count: rows.length - shown.length,
            months: left.join(", "),
          })}
        </Text>
      )}
    </Stack>
  );
}
