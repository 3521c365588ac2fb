// The week printed as offices post it: A4 landscape, the organisation and the national header,
// "LỊCH CÔNG TÁC TUẦN" with its week and dates, then the same table as the screen (a row per day,
// morning and afternoon, entries in the same order through lib/schedule-layout), changes after
// publication marked and the old values struck through. Printed in Vietnamese: it is an official
// paper whatever language the reader's screen is in.
import "server-only";
import pdfmake from "pdfmake";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { addDays, vietnamToday } from "@/lib/dates";
import { dayMonthYear, layOutWeek } from "@/lib/schedule-layout";
import { translate } from "../i18n/translate";
import { FONT, preparePdfmakeFonts } from "../pdf/fonts";
import type { EntryView, SheetView } from "./view";

const t = (key: string, params: Record<string, string | number> = {}) =>
  translate("vi", `schedule.${key}`, params);

export type SchedulePdfHeading = { organisationName: string; parentName: string | null };

const GREY = "#666666";

/** A field's value, and beneath it the value it had before a change, struck through. */
function fieldCell(e: EntryView, field: string, value: string, extra: Content[] = []): TableCell {
  const changed = e.change?.kind === "edited" ? e.change.fields[field] : undefined;
  const lines: Content[] = [
    {
      text: value,
      decoration: e.cancelled ? "lineThrough" : undefined,
      bold: Boolean(changed),
    },
  ];
  if (changed) {
    lines.push({
      text: changed.from ?? t("wasEmpty"),
      decoration: "lineThrough",
      color: GREY,
      fontSize: 8,
    });
  }
  return { stack: [...lines, ...extra] };
}

function timeCell(e: EntryView): TableCell {
  const f = e.change?.kind === "edited" ? e.change.fields : {};
  const time = e.shown.endTime ? `${e.shown.startTime} - ${e.shown.endTime}` : e.shown.startTime;
  const lines: Content[] = [{ text: time, decoration: e.cancelled ? "lineThrough" : undefined }];
  if (f.day)
    lines.push({ text: f.day.from ?? "", decoration: "lineThrough", color: GREY, fontSize: 8 });
  if (f.startTime || f.endTime) {
    const old = [
      f.startTime?.from ?? e.shown.startTime,
      f.endTime ? f.endTime.from : e.shown.endTime,
    ]
      .filter(Boolean)
      .join(" - ");
    lines.push({ text: old, decoration: "lineThrough", color: GREY, fontSize: 8 });
  }
  return { stack: lines };
}

function markOf(e: EntryView): Content[] {
  if (!e.change) return [];
  return [{ text: `(${t(`marks.${e.change.kind}`)})`, bold: true, italics: true, fontSize: 8 }];
}

function tableBody(sheet: SheetView): TableCell[][] {
  const header: TableCell[] = [
    t("columns.session"),
    t("columns.time"),
    t("columns.content"),
    t("columns.chair"),
    t("columns.participants"),
    t("columns.location"),
    t("columns.preparing"),
  ].map((text) => ({ text, style: "th" }));
  const body: TableCell[][] = [header];
  for (const d of layOutWeek(sheet.weekStart, sheet.entries)) {
    body.push([
      {
        text: t("dayHeading", { weekday: t(`weekdays.${d.weekday}`), date: dayMonthYear(d.day) }),
        colSpan: 7,
        bold: true,
        fillColor: "#eeeeee",
      },
      {},
      {},
      {},
      {},
      {},
      {},
    ]);
    for (const s of d.sessions) {
      const label: TableCell = {
        text: t(`sessions.${s.session}`),
        bold: true,
        rowSpan: Math.max(1, s.entries.length),
      };
      if (s.entries.length === 0) {
        body.push([
          label,
          { text: t("nothingThatSession"), colSpan: 6, color: GREY },
          {},
          {},
          {},
          {},
          {},
        ]);
        continue;
      }
      s.entries.forEach((e, i) => {
        const notes: Content[] = e.shown.notes
          ? [{ text: e.shown.notes, italics: true, fontSize: 8 }]
          : [];
        body.push([
          i === 0 ? label : {},
          timeCell(e),
          fieldCell(e, "content", e.shown.content, [...markOf(e), ...notes]),
          fieldCell(e, "chair", e.shown.chair),
          fieldCell(e, "participants", e.shown.participants),
          fieldCell(e, "location", e.shown.location),
          fieldCell(e, "preparing", e.shown.preparing),
        ]);
      });
    }
  }
  return body;
}

export async function renderSchedulePdf(
  sheet: SheetView,
  heading: SchedulePdfHeading,
): Promise<Buffer> {
  preparePdfmakeFonts();
  const to = addDays(sheet.weekStart, 6);
  const whose = sheet.unitName ?? t("leadership");
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [42, 40, 42, 45],
    info: {
      title: `${t("pdf.title")} ${sheet.week}/${sheet.year}`,
      author: heading.organisationName,
      creator: "Liên Thông",
    },
    defaultStyle: { font: FONT, fontSize: 9.5, lineHeight: 1.1 },
    styles: {
      th: { bold: true, alignment: "center", fontSize: 9.5 },
    },
    content: [
      {
        columns: [
          {
            width: "40%",
            stack: [
              ...(heading.parentName
                ? [{ text: heading.parentName.toUpperCase(), fontSize: 11 }]
                : []),
              { text: heading.organisationName.toUpperCase(), bold: true, fontSize: 11 },
            ],
            alignment: "center",
          },
          {
            width: "60%",
            stack: [
              { text: t("pdf.national"), bold: true, fontSize: 11 },
              { text: t("pdf.motto"), bold: true, fontSize: 12, decoration: "underline" },
            ],
            alignment: "center",
          },
        ],
      },
      {
        text: t("pdf.title"),
        bold: true,
        fontSize: 15,
        alignment: "center",
        margin: [0, 14, 0, 2],
      },
      { text: whose, bold: true, fontSize: 12, alignment: "center" },
      {
        text: t("pdf.subtitle", {
          week: sheet.week,
          from: dayMonthYear(sheet.weekStart),
          to: dayMonthYear(to),
        }),
        italics: true,
        fontSize: 11,
        alignment: "center",
        margin: [0, 2, 0, 0],
      },
      ...(sheet.status !== "published"
        ? [
            {
              text: t("pdf.draft"),
              bold: true,
              color: "#c92a2a",
              alignment: "center",
              margin: [0, 4, 0, 0],
            } as Content,
          ]
        : []),
      { text: " ", margin: [0, 4, 0, 0] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [38, 52, "*", 95, 120, 85, 75],
          body: tableBody(sheet),
        },
        layout: {
          fillColor: (rowIndex: number) => (rowIndex === 0 ? "#dddddd" : null),
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          paddingTop: () => 3,
          paddingBottom: () => 3,
        },
      },
    ],
    footer: (page, pages) => ({
      columns: [
        { text: t("pdf.printedOn", { date: dayMonthYear(vietnamToday()) }), fontSize: 8 },
        { text: t("pdf.page", { page, pages }), alignment: "right", fontSize: 9 },
      ],
      margin: [42, 15, 42, 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
