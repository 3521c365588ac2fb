// The columns of each book and of the handling report, defined once for the PDF and the
// spreadsheet: header, width, and the cell each row gives.
import { createTranslator } from "next-intl";
import { messagesFor, type Locale } from "../i18n/locale";
import type { HandlingCounts, HandlingReport, HandlingReportRow } from "./handling-report";
import type { OutgoingBookRow } from "./outgoing-book";
import type { FollowUpBookRow, IncomingBookRow } from "./registry-book";

/** A cell: text, a number, or a calendar day (a date in the spreadsheet, dd/MM/yyyy in print). */
export type Cell = string | number | { date: string } | null;

export type Column<Row> = {
  header: string;
  /** Points in the A4 landscape PDF, or "*" for the column that takes the remaining width. */
  pdfWidth: number | "*";
  /** Characters in the spreadsheet. */
  xlsxWidth: number;
  align?: "left" | "center" | "right";
  /** The column holds calendar days. */
  date?: boolean;
  value: (row: Row) => Cell;
};

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Translates report texts outside React, once per file rather than once per cell. */
export function reportTranslator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: messagesFor(locale) });
  return (key, params) => (t as unknown as Translate)(key, params);
}

/** yyyy-MM-dd → dd/MM/yyyy, as dates are written in Vietnamese documents. */
export const formatDay = (day: string | null) =>
  day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : "";

const day = (value: string | null): Cell => (value ? { date: value } : null);

/** Co-handlers by name, those whose part closed unfinished marked so. */
function coHandlerList(
  t: Translate,
  row: { coHandlers: string[]; closedCoHandlers?: string[] },
): string {
  const closed = new Set(row.closedCoHandlers ?? []);
  return row.coHandlers
    .map((name) => (closed.has(name) ? t("reports.closedUnfinished", { name }) : name))
    .join(", ");
}

function recipient(
  t: Translate,
  row: { lead: string | null; coHandlers: string[]; closedCoHandlers?: string[] },
): string {
  const lines: string[] = [];
  if (row.lead) lines.push(t("reports.lead", { name: row.lead }));
  if (row.coHandlers.length > 0) {
    lines.push(t("reports.coHandlers", { names: coHandlerList(t, row) }));
  }
  return lines.join("\n");
}

const typeAndSubject = (t: Translate, row: { documentType: string; subject: string }) =>
  `${t(`documentTypes.${row.documentType}`)}: ${row.subject}`;

export function incomingBookColumns(t: Translate): Column<IncomingBookRow>[] {
  const h = (key: string) => t(`reports.incomingColumns.${key}`);
  return [
    {
      header: h("arrivalDate"),
      pdfWidth: 46,
      xlsxWidth: 12,
      align: "center",
      date: true,
      value: (r) => day(r.arrivalDate),
    },
    {
      header: h("arrivalNumber"),
      pdfWidth: 30,
      xlsxWidth: 8,
      align: "center",
      value: (r) => r.registryNumber,
    },
    { header: h("issuer"), pdfWidth: 85, xlsxWidth: 30, value: (r) => r.issuerName },
    { header: h("numberNotation"), pdfWidth: 60, xlsxWidth: 18, value: (r) => r.numberNotation },
    {
      header: h("documentDate"),
      pdfWidth: 46,
      xlsxWidth: 12,
      align: "center",
      date: true,
      value: (r) => day(r.documentDate),
    },
    {
      header: h("typeAndSubject"),
      pdfWidth: "*",
      xlsxWidth: 50,
      value: (r) => typeAndSubject(t, r),
    },
    { header: h("recipient"), pdfWidth: 90, xlsxWidth: 32, value: (r) => recipient(t, r) },
    {
      header: h("transferredOn"),
      pdfWidth: 46,
      xlsxWidth: 12,
      align: "center",
      date: true,
      value: (r) => day(r.transferredOn),
    },
    { header: h("signature"), pdfWidth: 50, xlsxWidth: 14, value: () => "" },
    { header: h("notes"), pdfWidth: 50, xlsxWidth: 20, value: (r) => r.notes ?? "" },
  ];
}

/**
 * Nơi nhận: the organisations sent a copy, one a line; the units and people inside given it;
 * then the other "Nơi nhận" lines as printed on the document.
 */
export function outgoingRecipients(t: Translate, row: OutgoingBookRow): string {
  const lines = [...row.outsideRecipients];
  if (row.internalRecipients.length > 0) {
    lines.push(t("reports.internalRecipients", { names: row.internalRecipients.join(", ") }));
  }
  return [...lines, ...row.otherCopiesTo].join("\n");
}

export function outgoingBookColumns(t: Translate): Column<OutgoingBookRow>[] {
  const h = (key: string) => t(`reports.outgoingColumns.${key}`);
  return [
    { header: h("numberNotation"), pdfWidth: 58, xlsxWidth: 18, value: (r) => r.numberNotation },
    {
      header: h("documentDate"),
      pdfWidth: 46,
      xlsxWidth: 12,
      align: "center",
      date: true,
      value: (r) => day(r.documentDate),
    },
    {
      header: h("typeAndSubject"),
      pdfWidth: "*",
      xlsxWidth: 50,
      value: (r) => typeAndSubject(t, r),
    },
    { header: h("signer"), pdfWidth: 78, xlsxWidth: 22, value: (r) => r.signerName ?? "" },
    {
      header: h("recipients"),
      pdfWidth: 112,
      xlsxWidth: 36,
      value: (r) => outgoingRecipients(t, r),
    },
    { header: h("fileCopy"), pdfWidth: 58, xlsxWidth: 24, value: (r) => r.fileCopy ?? "" },
    {
      header: h("copies"),
      pdfWidth: 34,
      xlsxWidth: 8,
      align: "center",
      value: (r) => r.copies,
    },
    {
      header: h("sentOn"),
      pdfWidth: 46,
      xlsxWidth: 12,
      align: "center",
      date: true,
      value: (r) => day(r.sentOn),
    },
    { header: h("signature"), pdfWidth: 50, xlsxWidth: 14, value: () => "" },
    { header: h("notes"), pdfWidth: 50, xlsxWidth: 20, value: (r) => r.notes ?? "" },
  ];
}

function documentIdentity(t: Translate, row: FollowUpBookRow): string {
  const reference = [row.numberNotation, formatDay(row.documentDate)].filter(Boolean).join(", ");
  return [reference, row.issuerName, typeAndSubject(t, row)].filter(Boolean).join("\n");
}

function progress(t: Translate, row: FollowUpBookRow): string {
  const words = t(`reports.progress.${row.progress}`);
  const said = row.completedOn
    ? `${words} ${t("reports.completedOn", { date: formatDay(row.completedOn) })}`
    : words;
  if (!row.lateForIssuer) return said;
  const late = row.completedOn ? "completedAfterIssuerDeadline" : "lateForIssuer";
  return `${said}\n${t(`reports.${late}`)}`;
}

export function followUpBookColumns(t: Translate): Column<FollowUpBookRow>[] {
  const h = (key: string) => t(`reports.followUpColumns.${key}`);
  return [
    {
      header: h("arrivalNumber"),
      pdfWidth: 34,
      xlsxWidth: 8,
      align: "center",
      value: (r) => r.registryNumber,
    },
    { header: h("document"), pdfWidth: "*", xlsxWidth: 60, value: (r) => documentIdentity(t, r) },
    { header: h("recipient"), pdfWidth: 110, xlsxWidth: 32, value: (r) => recipient(t, r) },
    {
      header: h("deadline"),
      pdfWidth: 50,
      xlsxWidth: 12,
      align: "center",
      date: true,
      value: (r) => day(r.deadline),
    },
    {
      header: h("issuerDeadline"),
      pdfWidth: 50,
      xlsxWidth: 12,
      align: "center",
      date: true,
      value: (r) => day(r.issuerDeadline),
    },
    { header: h("progress"), pdfWidth: 100, xlsxWidth: 28, value: (r) => progress(t, r) },
    { header: h("reply"), pdfWidth: 75, xlsxWidth: 20, value: (r) => r.replyNumberNotation },
    { header: h("notes"), pdfWidth: 60, xlsxWidth: 20, value: (r) => r.notes ?? "" },
  ];
}

/** The handling report's rows with the lead's label, and a last row of totals. */
export function handlingTableRows(t: Translate, report: HandlingReport): HandlingTableRow[] {
  const label = (row: HandlingReportRow) =>
    row.group === "unit" ? (row.unitName ?? "") : t(`reports.groups.${row.group}`);
  return [
    ...report.rows.map((row) => ({ ...row, label: label(row), isTotal: false })),
    { ...report.totals, label: t("reports.groups.totals"), isTotal: true },
  ];
}
export type HandlingTableRow = HandlingCounts & { label: string; isTotal: boolean };

export function handlingColumns(t: Translate): Column<HandlingTableRow>[] {
  const h = (key: string) => t(`reports.handlingColumns.${key}`);
  const count = (key: keyof HandlingCounts): Column<HandlingTableRow> => ({
    header: h(key),
    pdfWidth: 62,
    xlsxWidth: 14,
    align: "right",
    value: (r) => r[key],
  });
  return [
    { header: h("lead"), pdfWidth: "*", xlsxWidth: 40, value: (r) => r.label },
    count("total"),
    count("notDirected"),
    count("inProgressOnTime"),
    count("inProgressOverdue"),
    count("completedOnTime"),
    count("completedLate"),
  ];
}
