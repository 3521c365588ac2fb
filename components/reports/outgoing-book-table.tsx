"use client";

import { Stack, Text } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";
import type { DataColumn } from "@/components/ui/data-table";
import type { AppRouter } from "@/server/api/root";
import { BookTable, TypeAndSubject } from "./book-tables";

export type OutgoingBookRow =
  inferRouterOutputs<AppRouter>["reports"]["outgoingBook"]["rows"][number];

/**
 * Sổ đăng ký văn bản đi with every column of Decree 30, Appendix IV, in the printed order. As
 * in the incoming book, the "Ký nhận" column, signed by hand in print, waits in the Columns menu.
 */
export function OutgoingBookTable({ rows }: { rows: OutgoingBookRow[] }) {
  const t = useTranslations("reports");
  const h = (key: string) => t(`outgoingColumns.${key}`);
  const columns: DataColumn<OutgoingBookRow>[] = [
    {
      key: "numberNotation",
      header: h("numberNotation"),
      cardLabel: t("cardLabels.numberNotation"),
      fixed: true,
      nowrap: true,
      card: "title",
      titleLabel: true,
      render: (row) => (
        <Text span fw={700} inherit>
          {row.numberNotation}
        </Text>
      ),
    },
    {
      key: "documentDate",
      header: h("documentDate"),
      cardLabel: t("cardLabels.documentDate"),
      fixed: true,
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
      key: "signer",
      header: h("signer"),
      cardLabel: t("cardLabels.signer"),
      minWidth: 110,
      render: (row) => row.signerName,
    },
    {
      key: "recipients",
      header: h("recipients"),
      cardLabel: t("cardLabels.recipients"),
      minWidth: 160,
      card: "wide",
      render: (row) => <Recipients row={row} />,
    },
    {
      key: "fileCopy",
      header: h("fileCopy"),
      cardLabel: t("cardLabels.fileCopy"),
      minWidth: 110,
      render: (row) => row.fileCopy,
    },
    {
      key: "copies",
      header: h("copies"),
      cardLabel: t("cardLabels.copies"),
      align: "center",
      render: (row) => row.copies,
    },
    {
      key: "sentOn",
      header: h("sentOn"),
      cardLabel: t("cardLabels.sentOn"),
      nowrap: true,
      align: "center",
      render: (row) => formatDate(row.sentOn),
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
      label={t("outgoingBook")}
      storageKey="books.outgoing"
      columns={columns}
      rows={rows}
      testId="outgoing-book-table"
    />
  );
}

/** The organisations sent a copy, then (smaller) those inside and the other "Nơi nhận" lines. */
function Recipients({ row }: { row: OutgoingBookRow }) {
  const t = useTranslations("reports");
  return (
    <Stack gap={2}>
      {row.outsideRecipients.map((name, i) => (
        <Text key={`o${i}`} size="sm">
          {name}
        </Text>
      ))}
      {row.internalRecipients.length > 0 && (
        <Text size="xs" c="dimmed">
          {t("internalRecipients", { names: row.internalRecipients.join(", ") })}
        </Text>
      )}
      {row.otherCopiesTo.map((line, i) => (
        <Text key={`c${i}`} size="xs" c="dimmed">
          {line}
        </Text>
      ))}
    </Stack>
  );
}
