// Spreadsheet copies of the books and the handling report: one sheet, the column headers in the
// first row (bold, frozen, filterable), calendar days stored as dates.
import "server-only";
import ExcelJS from "exceljs";
import type { Locale } from "../i18n/locale";
import {
  followUpBookColumns,
  handlingColumns,
  handlingTableRows,
  incomingBookColumns,
  outgoingBookColumns,
  reportTranslator,
  type Cell,
  type Column,
} from "./book-columns";
import { deliverySheetColumns, type DeliverySheet } from "./delivery-sheet";
import type { HandlingReport } from "./handling-report";
import type { OutgoingBookRow } from "./outgoing-book";
import type { BookPage, FollowUpBookRow, IncomingBookRow } from "./registry-book";

export type XlsxContext = { locale: Locale; organisationName: string };

/** A calendar day as midnight UTC: Excel stores days without a time zone. */
const dayValue = (day: string) =>
  new Date(
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))),
  );

const cellValue = (cell: Cell) =>
  cell === null ? null : typeof cell === "object" ? dayValue(cell.date) : cell;

async function workbookOf<Row>(
  ctx: XlsxContext,
  sheetName: string,
  title: string,
  columns: Column<Row>[],
  rows: Row[],
  bold?: (row: Row) => boolean,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Liên Thông";
  workbook.company = ctx.organisationName;
  workbook.title = title;
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    headerFooter: { oddHeader: `&L${ctx.organisationName}&C&B${title}`, oddFooter: "&C&P/&N" },
  });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.xlsxWidth,
    style: {
      alignment: { vertical: "top", wrapText: true, horizontal: c.align ?? "left" },
      ...(c.date ? { numFmt: "dd/mm/yyyy" } : {}),
    },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => cellValue(c.value(row))));
    if (bold?.(row)) added.font = { bold: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.pageSetup.printTitlesRow = "1:1";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function renderIncomingBookXlsx(
  book: BookPage<IncomingBookRow>,
  ctx: XlsxContext,
): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  const title = `${t("reports.incomingBook")} – ${book.registry.name}`;
  return workbookOf(
    ctx,
    t("reports.sheets.incomingBook"),
    title,
    incomingBookColumns(t),
    book.rows,
  );
}

export function renderFollowUpBookXlsx(
  book: BookPage<FollowUpBookRow>,
  ctx: XlsxContext,
): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  const title = `${t("reports.followUpBook")} – ${book.registry.name}`;
  return workbookOf(
    ctx,
    t("reports.sheets.followUpBook"),
    title,
    followUpBookColumns(t),
    book.rows,
  );
}

export function renderOutgoingBookXlsx(
  book: BookPage<OutgoingBookRow>,
  ctx: XlsxContext,
): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  const title = `${t("reports.outgoingBook")} – ${book.registry.name}`;
  return workbookOf(
    ctx,
    t("reports.sheets.outgoingBook"),
    title,
    outgoingBookColumns(t),
    book.rows,
  );
}

export function renderHandlingReportXlsx(
  report: HandlingReport,
  ctx: XlsxContext,
): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  return workbookOf(
    ctx,
    t("reports.sheets.handling"),
    t("reports.handling"),
    handlingColumns(t),
    handlingTableRows(t, report),
    (row) => row.isTotal,
  );
}

export function renderDeliverySheetXlsx(sheet: DeliverySheet, ctx: XlsxContext): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  return workbookOf(
    ctx,
    t("reports.sheets.deliveries"),
    `${t("reports.deliveries")} – ${sheet.numberNotation}`,
    deliverySheetColumns(t),
    sheet.rows,
  );
}
