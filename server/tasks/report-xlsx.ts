import "server-only";
import ExcelJS from "exceljs";
import type { Locale } from "../i18n/locale";
import { formatDay, reportTranslator } from "../reports/book-columns";
import type { TaskCounts, TaskReport, TaskReportRow } from "./report";

const COUNTS: (keyof TaskCounts)[] = ["total", "doneOnTime", "doneLate", "overdue", "inProgress"];

/** The task report as a spreadsheet: a sheet per unit and a sheet per person, with totals. */
export async function renderTaskReportXlsx(
  report: TaskReport,
  ctx: { locale: Locale; organisationName: string },
): Promise<Buffer> {
  const t = reportTranslator(ctx.locale);
  const title = t("taskReport.title", { from: formatDay(report.from), to: formatDay(report.to) });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Liên Thông";
  workbook.company = ctx.organisationName;
  workbook.title = title;
  workbook.created = new Date();
  const sheetOf = (name: string, first: string, rows: TaskReportRow[], none: string) => {
    const sheet = workbook.addWorksheet(name, {
      views: [{ state: "frozen", ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1 },
      headerFooter: { oddHeader: `&L${ctx.organisationName}&C&B${title}`, oddFooter: "&C&P/&N" },
    });
    sheet.columns = [
      { header: first, width: 40 },
      ...COUNTS.map((k) => ({ header: t(`taskReport.${k}`), width: 16 })),
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    for (const r of rows) sheet.addRow([r.name || none, ...COUNTS.map((k) => r[k])]);
    const total = sheet.addRow([t("taskReport.totalRow"), ...COUNTS.map((k) => report.totals[k])]);
    total.font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COUNTS.length + 1 } };
  };
  sheetOf(t("taskReport.byUnit"), t("taskReport.unit"), report.byUnit, t("taskReport.noUnit"));
  sheetOf(
    t("taskReport.byPerson"),
    t("taskReport.person"),
    report.byPerson,
    t("taskReport.noPerson"),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
