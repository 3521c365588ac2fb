// The handling slip (phiếu giải quyết văn bản đến) as offices print it: A4 portrait, the
// organisation above the title, the arrival stamp's data and the document's identity, the
// clerk's proposal, the leader's direction, who handles what, the progress notes, and room at
// the end for remarks and signatures by hand.
import "server-only";
import pdfmake from "pdfmake";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { vietnamTime } from "@/lib/arrival-stamp";
import { vietnamToday } from "@/lib/dates";
import { formatNumberNotation } from "@/lib/documents";
import type { Locale } from "../i18n/locale";
import type { HandlingSlip, SlipAssignment, SlipEntry } from "../incoming/slip";
import { formatDay, reportTranslator, type Translate } from "../reports/book-columns";
import { FONT, preparePdfmakeFonts } from "./fonts";

/** Content width of the page: A4 less the Decree 30 margins (left 30 mm, right 15 mm). */
const MARGINS: [number, number, number, number] = [85, 50, 42, 50];
const WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const INK_RED = "#b71c1c";

const moment = (at: Date) => `${formatDay(vietnamToday(at))} ${vietnamTime(at)}`;

const heading = (text: string): Content => ({ text, style: "section" });

/** A dotted line to write on by hand. */
const dottedLine = (): Content => ({
  canvas: [
    {
      type: "line",
      x1: 0,
      y1: 0,
      x2: WIDTH,
      y2: 0,
      lineWidth: 0.5,
      dash: { length: 1, space: 2.5 },
      lineColor: "#555555",
    },
  ],
  margin: [0, 17, 0, 0],
});

const lightTable = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => "#888888",
  vLineColor: () => "#888888",
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A signed line under a text: "Nguyễn Văn A, 05/12/2026 09:15". */
function signedBy(entry: SlipEntry, extra?: string): Content {
  const who = [entry.by, moment(entry.at)].filter(Boolean).join(", ");
  return {
    text: [extra, who].filter(Boolean).join(" — "),
    italics: true,
    alignment: "right",
    margin: [0, 2, 0, 6],
  };
}

function identity(t: Translate, slip: HandlingSlip): Content {
  const d = slip.document;
  const none = t("prints.slip.none");
  const arrival = d.arrivalDate
    ? d.registeredAt
      ? t("prints.slip.arrivalAt", {
          date: formatDay(d.arrivalDate),
          time: vietnamTime(d.registeredAt),
        })
      : formatDay(d.arrivalDate)
    : none;
  const label = (key: string): TableCell => ({ text: t(`prints.slip.${key}`), bold: true });
  const pair = (key: string, value: string): TableCell[] => [label(key), { text: value }];
  const wide = (key: string, value: string, bold = false): TableCell[] => [
    label(key),
    { text: value, colSpan: 3, bold },
    {},
    {},
  ];
  return {
    table: {
      widths: [96, "*", 96, "*"],
      body: [
        [
          ...pair("registry", d.registryName ?? none),
          ...pair(
            "arrivalNumber",
            d.registryNumber == null ? t("prints.slip.notRegistered") : String(d.registryNumber),
          ),
        ],
        [
          ...pair("arrivalDate", arrival),
          ...pair("numberNotation", formatNumberNotation(d.codeNumber, d.codeNotation) || none),
        ],
        [
          ...pair("documentDate", d.documentDate ? formatDay(d.documentDate) : none),
          ...pair("documentType", t(`documentTypes.${d.documentType}`)),
        ],
        wide("issuer", d.issuerName),
        wide("subject", d.subject, true),
        [...pair("signer", d.signerName || none), ...pair("urgency", t(`urgency.${d.urgency}`))],
        [
          ...pair("confidentiality", t(`confidentiality.${d.confidentiality}`)),
          ...pair(
            "issuerDeadline",
            slip.issuerDeadline ? formatDay(slip.issuerDeadline) : t("prints.slip.noDeadline"),
          ),
        ],
      ],
    },
    layout: lightTable,
  };
}

/** Lines to write on by hand, where nothing was written in the system yet. */
const blankLines = (count: number): Content[] => Array.from({ length: count }, dottedLine);

function proposal(t: Translate, slip: HandlingSlip): Content[] {
  const p = slip.proposal;
  if (!p) return blankLines(2);
  return [
    { text: p.text || t("prints.slip.noProposalText"), margin: [0, 0, 0, 0] },
    signedBy(p, p.leader ? t("prints.slip.presentedTo", { leader: p.leader }) : undefined),
  ];
}

function directions(t: Translate, slip: HandlingSlip): Content[] {
  if (slip.directions.length === 0) return blankLines(4);
  const deadline = slip.document.deadline;
  return [
    ...slip.directions.flatMap((d): Content[] => [
      { text: d.text ?? "", margin: [0, 0, 0, 0] },
      signedBy(d),
    ]),
    ...(deadline
      ? [
          {
            text: t("prints.slip.handlingDeadline", { date: formatDay(deadline) }),
            bold: true,
            margin: [0, 0, 0, 6],
          } as Content,
        ]
      : []),
  ];
}

function statusOf(t: Translate, a: SlipAssignment): string {
  const key = a.role === "info" && a.status === "pending" ? "unread" : a.status;
  const words = t(`documentPage.assignmentStatus.${key}`);
  return a.completedAt && (a.status === "completed" || a.status === "read")
    ? `${words}\n${moment(a.completedAt)}`
    : words;
}

function assignments(t: Translate, slip: HandlingSlip): Content {
  if (slip.assignments.length === 0) {
    return { text: t("prints.slip.noAssignments"), italics: true, margin: [0, 0, 0, 6] };
  }
  const h = (key: string): TableCell => ({
    text: t(`prints.slip.assignmentColumns.${key}`),
    bold: true,
    alignment: "center",
  });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [48, 150, 58, 74, "*"],
      body: [
        [h("role"), h("handler"), h("deadline"), h("status"), h("result")],
        ...slip.assignments.map((a): TableCell[] => [
          { text: a.isSubAssignment ? "" : t(`documentPage.role.${a.role}`) },
          {
            text: a.isSubAssignment ? t("prints.slip.specialist", { name: a.name }) : a.name,
            margin: [a.isSubAssignment ? 8 : 0, 0, 0, 0],
          },
          { text: a.deadline ? formatDay(a.deadline) : "", alignment: "center" },
          { text: statusOf(t, a) },
          { text: a.result ?? "" },
        ]),
      ],
    },
    layout: { ...lightTable, fillColor: (row: number) => (row === 0 ? "#eeeeee" : null) },
  };
}

function notes(t: Translate, slip: HandlingSlip): Content {
  if (slip.notes.length === 0) {
    return { text: t("prints.slip.noNotes"), italics: true, margin: [0, 0, 0, 6] };
  }
  const h = (key: string): TableCell => ({
    text: t(`prints.slip.noteColumns.${key}`),
    bold: true,
    alignment: "center",
  });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [72, 110, "*"],
      body: [
        [h("at"), h("by"), h("text")],
        ...slip.notes.map((n): TableCell[] => [
          { text: moment(n.at), alignment: "center" },
          { text: n.by ?? "" },
          { text: n.text ?? "" },
        ]),
      ],
    },
    layout: { ...lightTable, fillColor: (row: number) => (row === 0 ? "#eeeeee" : null) },
  };
}

function outcome(t: Translate, slip: HandlingSlip): Content[] {
  const d = slip.document;
  if (d.status !== "completed" && d.status !== "returned_to_sender") return [];
  const title =
    d.status === "completed"
      ? t("prints.slip.resultSection", {
          at: d.completedAt ? moment(d.completedAt) : "",
        })
      : t("prints.slip.returnedToSenderSection");
  return [heading(title), { text: d.result ?? "", margin: [0, 0, 0, 6] }];
}

/** Room for remarks, then the three signatures, kept together on one page. */
function signatures(t: Translate, slip: HandlingSlip): Content {
  const lead = slip.assignments.find((a) => a.role === "lead" && !a.isUnit);
  const names = {
    clerk: slip.proposal?.by ?? "",
    handler: lead?.name ?? "",
    leader: slip.directions.at(-1)?.by ?? "",
  };
  return {
    unbreakable: true,
    stack: [
      heading(t("prints.slip.remarksSection")),
      ...blankLines(3),
      {
        margin: [0, 18, 0, 0],
        columns: (["clerk", "handler", "leader"] as const).map((who) => ({
          width: "*",
          alignment: "center",
          stack: [
            { text: t(`prints.slip.signatures.${who}`), bold: true },
            { text: t("prints.slip.signHint"), italics: true, fontSize: 10 },
            { text: names[who], margin: [0, 52, 0, 0] },
          ],
        })),
      },
    ],
  };
}

/** The urgency and confidentiality marks, in red boxes at the top right, as stamped on paper. */
function marks(t: Translate, slip: HandlingSlip): Content {
  const words = [
    slip.document.urgency !== "normal" ? t(`urgency.${slip.document.urgency}`) : null,
    slip.document.confidentiality !== "normal"
      ? t(`confidentiality.${slip.document.confidentiality}`)
      : null,
  ].filter((w): w is string => w !== null);
  if (words.length === 0) return { text: "" };
  return {
    alignment: "right",
    table: {
      widths: ["auto"],
      body: words.map((w): TableCell[] => [
        { text: w.toLocaleUpperCase("vi"), bold: true, color: INK_RED, alignment: "center" },
      ]),
    },
    layout: {
      hLineColor: () => INK_RED,
      vLineColor: () => INK_RED,
      hLineWidth: () => 1.2,
      vLineWidth: () => 1.2,
      paddingLeft: () => 8,
      paddingRight: () => 8,
    },
  };
}

export function renderHandlingSlipPdf(slip: HandlingSlip, locale: Locale): Promise<Buffer> {
  preparePdfmakeFonts();
  const t = reportTranslator(locale);
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: MARGINS,
    info: {
      title: t("prints.slip.title"),
      author: slip.organisationName,
      subject: slip.document.subject,
      creator: "Liên Thông",
    },
    defaultStyle: { font: FONT, fontSize: 11.5, lineHeight: 1.15 },
    styles: {
      org: { fontSize: 11.5, bold: true, alignment: "center" },
      title: { fontSize: 15, bold: true, alignment: "center", margin: [0, 18, 0, 12] },
      section: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
    content: [
      {
        columns: [
          {
            width: 270,
            stack: [
              { text: slip.organisationName.toLocaleUpperCase("vi"), style: "org" },
              {
                canvas: [{ type: "line", x1: 105, y1: 2, x2: 165, y2: 2, lineWidth: 0.8 }],
              },
            ],
          },
          { width: "*", text: "" },
          { width: "auto", stack: [marks(t, slip)] },
        ],
      },
      { text: t("prints.slip.title"), style: "title" },
      heading(t("prints.slip.identitySection")),
      identity(t, slip),
      heading(t("prints.slip.proposalSection")),
      ...proposal(t, slip),
      heading(t("prints.slip.directionSection")),
      ...directions(t, slip),
      heading(t("prints.slip.assignmentsSection")),
      assignments(t, slip),
      heading(t("prints.slip.notesSection")),
      notes(t, slip),
      ...outcome(t, slip),
      signatures(t, slip),
    ],
    footer: (page, pages) => ({
      columns: [
        { text: t("reports.printedOn", { date: formatDay(vietnamToday()) }), fontSize: 9 },
        { text: t("reports.page", { page, pages }), alignment: "right", fontSize: 9 },
      ],
      margin: [MARGINS[0], 18, MARGINS[2], 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
