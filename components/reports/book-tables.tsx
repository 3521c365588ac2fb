"use client";

import { Badge, Group, Stack, Text, type MantineColor } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";
import { DeadlineText } from "@/components/inbox/document-badges";
import { AnchorLink } from "@/components/ui/anchor-link";
import { ColumnsMenu, useColumnChoice } from "@/components/ui/columns-menu";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { padNumber } from "@/lib/documents";
import type { AppRouter } from "@/server/api/root";
import classes from "./book-tables.module.css";

type Outputs = inferRouterOutputs<AppRouter>["reports"];
export type IncomingBookRow = Outputs["registryBook"]["rows"][number];
export type FollowUpBookRow = Outputs["followUpBook"]["rows"][number];
type Progress = FollowUpBookRow["progress"];

const progressColor: Record<Progress, MantineColor> = {
  not_directed: "gray",
  in_progress: "blue",
  overdue: "red",
  completed_on_time: "green",
  completed_late: "orange",
  returned_to_sender: "dark",
  received: "gray",
};

/**
 * A registry book on screen: its columns (the lesser ones and the hand-signed "Ký nhận" left out
 * through the Columns menu, remembered per book), a row per document, cards on a phone.
 */
export function BookTable<Row extends { id: string }>({
  label,
  storageKey,
  columns,
  rows,
  testId,
}: {
  label: string;
  storageKey: string;
  columns: DataColumn<Row>[];
  rows: Row[];
  testId: string;
}) {
  const choice = useColumnChoice(storageKey, columns);
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <ColumnsMenu columns={columns} choice={choice} testId="book-columns" />
      </Group>
      <DataTable
        label={label}
        columns={columns}
        hidden={choice.hidden}
        rows={rows}
        rowKey={(row) => row.id}
        rowTestId={() => "book-row"}
        bordered
        fz="sm"
        testId={testId}
      />
    </Stack>
  );
}

const stillOpen = new Set<Progress>(["not_directed", "in_progress", "overdue"]);

/**
 * Sổ đăng ký văn bản đến with every column of Decree 30, Appendix IV, in the printed order. The
 * "Ký nhận" column, signed by hand in print, is left out on screen until asked for; the lesser
 * columns can be left out too, so that the book fits a computer's screen without scrolling.
 */
export function IncomingBookTable({ rows }: { rows: IncomingBookRow[] }) {
  const t = useTranslations("reports");
  const h = (key: string) => t(`incomingColumns.${key}`);
  const columns: DataColumn<IncomingBookRow>[] = [
    {
      key: "arrivalDate",
      header: h("arrivalDate"),
      fixed: true,
      nowrap: true,
      align: "center",
      render: (row) => formatDate(row.arrivalDate),
    },
    {
      key: "arrivalNumber",
      header: h("arrivalNumber"),
      fixed: true,
      align: "center",
      card: "title",
      titleLabel: true,
      render: (row) => (
        <Text span fw={700} inherit>
          {padNumber(row.registryNumber)}
        </Text>
      ),
    },
    {
      key: "issuer",
      header: h("issuer"),
      cardLabel: t("cardLabels.issuer"),
      fixed: true,
      minWidth: 130,
      render: (row) => row.issuerName,
    },
    { key: "numberNotation", header: h("numberNotation"), render: (row) => row.numberNotation },
    {
      key: "documentDate",
      header: h("documentDate"),
      cardLabel: t("cardLabels.documentDate"),
      nowrap: true,
      align: "center",
      render: (row) => formatDate(row.documentDate),
    },
    {
      key: "typeAndSubject",
      header: h("typeAndSubject"),
      cardLabel: t("cardLabels.subject"),
      fixed: true,
      minWidth: 220,
      card: "wide",
      render: (row) => <TypeAndSubject row={row} />,
    },
    {
      key: "recipient",
      header: h("recipient"),
      cardLabel: t("cardLabels.recipient"),
      minWidth: 130,
      render: (row) => <Recipient row={row} />,
    },
    {
      key: "transferredOn",
      header: h("transferredOn"),
      nowrap: true,
      align: "center",
      render: (row) => formatDate(row.transferredOn),
    },
    {
      key: "signature",
      header: h("signature"),
      defaultHidden: true,
      card: "hidden",
      render: () => null,
    },
    { key: "notes", header: h("notes"), render: (row) => row.notes },
  ];
  return (
    <BookTable
      label={t("incomingBook")}
      storageKey="books.incoming"
      columns={columns}
      rows={rows}
      testId="incoming-book-table"
    />
  );
}

/** Sổ theo dõi giải quyết văn bản đến, with where each document stands today. */
export function FollowUpBookTable({ rows }: { rows: FollowUpBookRow[] }) {
  const t = useTranslations("reports");
  const h = (key: string) => t(`followUpColumns.${key}`);
  const columns: DataColumn<FollowUpBookRow>[] = [
    {
      key: "arrivalNumber",
      header: h("arrivalNumber"),
      fixed: true,
      align: "center",
      card: "title",
      titleLabel: true,
      render: (row) => (
        <Text span fw={700} inherit>
          {padNumber(row.registryNumber)}
        </Text>
      ),
    },
    {
      key: "document",
      header: h("document"),
      cardLabel: t("cardLabels.document"),
      fixed: true,
      minWidth: 240,
      card: "wide",
      render: (row) => (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {[row.numberNotation, formatDate(row.documentDate)].filter(Boolean).join(", ")}
          </Text>
          <Text size="xs" c="dimmed">
            {row.issuerName}
          </Text>
          <TypeAndSubject row={row} />
        </Stack>
      ),
    },
    {
      key: "recipient",
      header: h("recipient"),
      cardLabel: t("cardLabels.recipient"),
      minWidth: 130,
      render: (row) => <Recipient row={row} />,
    },
    {
      key: "deadline",
      header: h("deadline"),
      cardLabel: t("cardLabels.deadline"),
      fixed: true,
      render: (row) => <DeadlineText deadline={row.deadline} open={stillOpen.has(row.progress)} />,
    },
    {
      key: "issuerDeadline",
      header: h("issuerDeadline"),
      cardLabel: t("cardLabels.issuerDeadline"),
      render: (row) =>
        row.issuerDeadline && (
          <DeadlineText deadline={row.issuerDeadline} open={stillOpen.has(row.progress)} />
        ),
    },
    {
      key: "progress",
      header: h("progress"),
      cardLabel: t("cardLabels.progress"),
      fixed: true,
      render: (row) => (
        <Stack gap={2} align="flex-start">
          <Badge
            color={progressColor[row.progress]}
            variant="light"
            size="sm"
            tt="none"
            miw="max-content"
          >
            {t(`progress.${row.progress}`)}
          </Badge>
          {row.completedOn && (
            <Text size="xs" c="dimmed">
              {t("completedOn", { date: formatDate(row.completedOn) })}
            </Text>
          )}
          {row.lateForIssuer && (
            <Text size="xs" c="red.8" fw={500} data-testid="late-for-issuer">
              {t(row.completedOn ? "completedAfterIssuerDeadline" : "lateForIssuer")}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "reply",
      header: h("reply"),
      cardLabel: t("cardLabels.reply"),
      render: (row) => row.replyNumberNotation,
    },
    { key: "notes", header: h("notes"), render: (row) => row.notes },
  ];
  return (
    <BookTable
      label={t("followUpBook")}
      storageKey="books.followUp"
      columns={columns}
      rows={rows}
      testId="follow-up-book-table"
    />
  );
}

export function TypeAndSubject({
  row,
}: {
  row: { id: string; documentType: string; subject: string };
}) {
  const t = useTranslations("documentTypes");
  return (
    <Text size="sm" className={classes.subject}>
      {t(row.documentType)}:{" "}
      <AnchorLink href={`/documents/${row.id}`} size="sm" title={row.subject}>
        {row.subject}
      </AnchorLink>
    </Text>
  );
}

function Recipient({
  row,
}: {
  row: { lead: string | null; coHandlers: string[]; closedCoHandlers?: string[] };
}) {
  const t = useTranslations("reports");
  if (!row.lead && row.coHandlers.length === 0) return null;
  const closed = new Set(row.closedCoHandlers ?? []);
  const names = row.coHandlers
    .map((name) => (closed.has(name) ? t("closedUnfinished", { name }) : name))
    .join(", ");
  return (
    <Stack gap={2}>
      {row.lead && <Text size="sm">{t("lead", { name: row.lead })}</Text>}
      {row.coHandlers.length > 0 && (
        <Text size="xs" c="dimmed">
          {t("coHandlers", { names })}
        </Text>
      )}
    </Stack>
  );
}
