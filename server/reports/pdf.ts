// Printed registry books and the handling report: A4 landscape, Liberation Serif (metric-
// compatible with Times New Roman, full Vietnamese glyphs), headers repeated on every page and
// page numbers, ready to be signed and bound.
import "server-only";
import pdfmake from "pdfmake";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { vietnamToday } from "@/lib/dates";
import type { Locale } from "../i18n/locale";
import { FONT, preparePdfmakeFonts } from "../pdf/fonts";
import {
  followUpBookColumns,
  formatDay,
  handlingColumns,
  handlingTableRows,
  incomingBookColumns,
  outgoingBookColumns,
  reportTranslator,
  type Cell,
  type Column,
  type Translate,
} from "./book-columns";
import { deliverySheetColumns, deliverySheetLines, type DeliverySheet } from "./delivery-sheet";
import type { HandlingReport } from "./handling-report";
import type { OutgoingBookRow } from "./outgoing-book";
import type { BookPage, FollowUpBookRow, IncomingBookRow } from "./registry-book";

export type PdfContext = { locale: Locale; organisationName: string };

const cellText = (cell: Cell): string =>
  cell === null ? "" : typeof cell === "object" ? formatDay(cell.date) : String(cell);

type Sheet<Row> = {
  heading: string;
  columns: Column<Row>[];
  rows: Row[];
  /** Lines under the heading: registry, period, range. */
  lines: string[];
  /** Printed under the table when there is nothing to list. */
  empty: string | null;
  /** Rows printed in bold (the totals). */
  bold?: (row: Row) => boolean;
};

function table<Row>(sheet: Sheet<Row>): Content {
  const header: TableCell[] = sheet.columns.map((c) => ({
    text: c.header,
    style: "th",
  }));
  // Decree 30 forms number their columns under the headers: (1), (2)...
  const numbers: TableCell[] = sheet.columns.map((_, i) => ({ text: `(${i + 1})`, style: "thn" }));
  const body: TableCell[][] = sheet.rows.map((row) =>
    sheet.columns.map((c) => ({
      text: cellText(c.value(row)),
      alignment: c.align ?? "left",
      bold: sheet.bold?.(row) ?? false,
    })),
  );
  return {
    table: {
      headerRows: 2,
      dontBreakRows: true,
      widths: sheet.columns.map((c) => c.pdfWidth),
      body: [header, numbers, ...body],
    },
    layout: {
      fillColor: (rowIndex: number) => (rowIndex < 2 ? "#eeeeee" : null),
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  };
}

async function renderSheet<Row>(sheet: Sheet<Row>, ctx: PdfContext, t: Translate): Promise<Buffer> {
  preparePdfmakeFonts();
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "landscape",
    // Decree 30 page margins, the wide left one for binding: left 30 mm, right 15 mm, 20 mm.
    pageMargins: [85, 50, 42, 45],
    info: { title: sheet.heading, author: ctx.organisationName, creator: "Liên Thông" },
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.1 },
    styles: {
      org: { fontSize: 11, bold: true },
      heading: { fontSize: 15, bold: true, alignment: "center", margin: [0, 10, 0, 4] },
      line: { fontSize: 11, alignment: "center" },
      th: { bold: true, alignment: "center", fontSize: 9 },
      thn: { italics: true, alignment: "center", fontSize: 8 },
    },
    content: [
      { text: ctx.organisationName.toUpperCase(), style: "org" },
      { text: sheet.heading, style: "heading" },
      ...sheet.lines.map((line): Content => ({ text: line, style: "line" })),
      { text: " ", margin: [0, 4, 0, 0] },
      table(sheet),
      ...(sheet.empty
        ? [{ text: sheet.empty, italics: true, margin: [0, 8, 0, 0] } as Content]
        : []),
    ],
    footer: (page, pages) => ({
      columns: [
        { text: t("reports.printedOn", { date: formatDay(vietnamToday()) }), fontSize: 8 },
        { text: t("reports.page", { page, pages }), alignment: "right", fontSize: 9 },
      ],
      margin: [85, 15, 42, 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/** The periods (years, or a Party term) a book covers, as printed under its title. */
function periodsOf(book: BookPage<{ registryPeriod: string }>): string {
  const periods = [...new Set(book.rows.map((r) => r.registryPeriod))];
  if (periods.length > 0) return periods.join(", ");
  return [...new Set([book.from.slice(0, 4), book.to.slice(0, 4)])].join(", ");
}

function bookLines(t: Translate, book: BookPage<{ registryPeriod: string }>): string[] {
  return [
    t("reports.registry", { name: book.registry.name }),
    t("reports.period", { period: periodsOf(book) }),
    t("reports.range", { from: formatDay(book.from), to: formatDay(book.to) }),
  ];
}

export function renderIncomingBookPdf(
  book: BookPage<IncomingBookRow>,
  ctx: PdfContext,
): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  return renderSheet(
    {
      heading: t("reports.incomingBookHeading"),
      columns: incomingBookColumns(t),
      rows: book.rows,
      lines: bookLines(t, book),
      empty: book.rows.length === 0 ? t("reports.empty") : null,
    },
    ctx,
    t,
  );
}

export function renderFollowUpBookPdf(
  book: BookPage<FollowUpBookRow>,
  ctx: PdfContext,
): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  return renderSheet(
    {
      heading: t("reports.followUpBookHeading"),
      columns: followUpBookColumns(t),
      rows: book.rows,
      lines: bookLines(t, book),
      empty: book.rows.length === 0 ? t("reports.empty") : null,
    },
    ctx,
    t,
  );
}

export function renderOutgoingBookPdf(
  book: BookPage<OutgoingBookRow>,
  ctx: PdfContext,
): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  return renderSheet(
    {
      heading: t("reports.outgoingBookHeading"),
      columns: outgoingBookColumns(t),
      rows: book.rows,
      lines: bookLines(t, book),
      empty: book.rows.length === 0 ? t("reports.outgoingEmpty") : null,
    },
    ctx,
    t,
  );
}

export function renderHandlingReportPdf(report: HandlingReport, ctx: PdfContext): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  return renderSheet(
    {
      heading: t("reports.handlingHeading"),
      columns: handlingColumns(t),
      rows: handlingTableRows(t, report),
      lines: [
        t("reports.range", { from: formatDay(report.from), to: formatDay(report.to) }),
        t("reports.asOf", { date: formatDay(report.asOf) }),
      ],
      empty: report.rows.length === 0 ? t("reports.handlingEmpty") : null,
      bold: (row) => row.isTotal,
    },
    ctx,
    t,
  );
}

export function renderDeliverySheetPdf(sheet: DeliverySheet, ctx: PdfContext): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  return renderSheet(
    {
      heading: t("reports.deliveryHeading"),
      columns: deliverySheetColumns(t),
      rows: sheet.rows,
      lines: deliverySheetLines(t, sheet),
      empty: sheet.rows.length === 0 ? t("deliveries.none") : null,
    },
    ctx,
    t,
  );
}
