// The pdfmake definition of an outgoing document (Decree 30/2020, Appendix I): the header in two
// columns, the type name and subject or the "V/v" line, "Kính gửi:", the body, and the closing
// block with "Nơi nhận:" beside the signature. pdfmake lays it out; the positions it chose for
// the number, the date and the signer's name come back through `pageBreakBefore`, so the form
// fields can be put exactly over the blanks.
import { withoutVv } from "@/lib/outgoing";
import type {
  Content,
  ContentColumns,
  ContentText,
  Node,
  TDocumentDefinitions,
} from "pdfmake/interfaces";
import {
  authorityLines,
  confidentialityMarks,
  copyLines,
  isLetterType,
  recipientLines,
  urgencyMarks,
  type OutgoingDraftForPdf,
} from "./draft";
import { fitName, lineMetrics, OUTGOING_FONT, textWidth, wrapBalanced, type Face } from "./fonts";
import {
  CONTENT_WIDTH,
  LEFT_COLUMN,
  MARGINS,
  MM,
  PARAGRAPH_GAP,
  RIGHT_COLUMN,
  SIGNATURE_SPACE,
  SIZE,
} from "./geometry";
import { ID, pageBreaks } from "./page-breaks";
import { bodyContent, bodyStyle } from "./tiptap";

/** Red of the urgency and secrecy stamps ("màu đỏ tươi"). */
const STAMP_RED = "#e10600";

/** A blank on a line: the static text before it, where it starts, its room, and its empty look. */
export type FieldAnchor = {
  prefix: string;
  x: number;
  width: number;
  size: number;
  face: Face;
  placeholder: string;
};

/** What the fields are placed from. */
export type FieldAnchors = {
  /** "Số:" then the blank for "15/UBND-VP", 13 pt regular. */
  number: FieldAnchor;
  /** "Định Công," then the blank for "ngày 05 tháng 01 năm 2026", italic. */
  date: FieldAnchor;
};

/** The longest of the empty looks that fits the blank's room. */
const placeholder = (options: string[], face: Face, size: number, room: number) =>
  options.find((o) => textWidth(o, face, size) <= room) ?? options.at(-1)!;

/** Where pdfmake put the anchored lines: page (from 1) and top of the line, from the page's top. */
export type LaidOut = {
  numberLine: { pageNumber: number; top: number };
  dateLine: { pageNumber: number; top: number };
  signerLine: { pageNumber: number; top: number };
};

/** pdfmake keeps an `id` on any node (its types only list it for a few). */
const withId = <T extends object>(id: string, node: T): T => Object.assign(node, { id });

const nfc = (s: string) => s.normalize("NFC").trim();
const upper = (s: string) => nfc(s).toLocaleUpperCase("vi");

/** A centred horizontal rule of `length` in a column `width` wide. */
const rule = (
  width: number,
  length: number,
  margin: [number, number, number, number],
): Content => ({
  canvas: [
    {
      type: "line",
      x1: (width - length) / 2,
      y1: 0,
      x2: (width + length) / 2,
      y2: 0,
      lineWidth: 0.6,
    },
  ],
  // The line is already centred by its own coordinates: pdfmake must not centre it again.
  alignment: "left",
  margin,
});

function stamp(text: string): Content {
  // A framed word in red, centred in the left column, like the rubber stamp it stands for.
  return {
    columns: [
      { width: "*", text: "" },
      {
        width: "auto",
        table: { body: [[{ text, bold: true, color: STAMP_RED, margin: [4 * MM, 1, 4 * MM, 0] }]] },
        layout: {
          hLineColor: () => STAMP_RED,
          vLineColor: () => STAMP_RED,
          hLineWidth: () => 1,
          vLineWidth: () => 1,
        },
      },
      { width: "*", text: "" },
    ],
    fontSize: SIZE.mark,
    margin: [0, 6, 0, 0],
  };
}

/** Fits the place-date line in the right column, going down to 12 pt for a long place name. */
function dateAnchor(draft: OutgoingDraftForPdf): FieldAnchors["date"] {
  const prefix = `${nfc(draft.placeName)},`;
  // Centred for the line as it will be issued; the empty blank has about the same width.
  const sample = "ngày 28 tháng 12 năm 2026";
  for (const size of [SIZE.date, 13, 12]) {
    const lead = textWidth(`${prefix} `, "Italic", size);
    const total = lead + textWidth(sample, "Italic", size);
    if (total <= RIGHT_COLUMN || size === 12) {
      const offset = Math.max(0, (RIGHT_COLUMN - total) / 2);
      const x = MARGINS.left + LEFT_COLUMN + offset + lead;
      const width = MARGINS.left + CONTENT_WIDTH - x;
      const empty = placeholder(
        ["ngày …… tháng …… năm 20……", "ngày …… tháng …… năm 20…", "ngày … tháng … năm 20…"],
        "Italic",
        size,
        width,
      );
      return { prefix, x, width, size, face: "Italic", placeholder: empty };
    }
  }
  throw new Error("unreachable");
}

function numberAnchor(draft: OutgoingDraftForPdf): FieldAnchors["number"] {
  const size = SIZE.number;
  const lead = textWidth("Số: ", "Regular", size);
  const sample = `15/${nfc(draft.notation)}`;
  const offset = Math.max(0, (LEFT_COLUMN - lead - textWidth(sample, "Regular", size)) / 2);
  const x = MARGINS.left + offset + lead;
  const width = MARGINS.left + LEFT_COLUMN - x;
  const notation = nfc(draft.notation);
  const empty = placeholder([`……/${notation}`, `…/${notation}`], "Regular", size, width);
  return { prefix: "Số:", x, width, size, face: "Regular", placeholder: empty };
}

export function fieldAnchors(draft: OutgoingDraftForPdf): FieldAnchors {
  return { number: numberAnchor(draft), date: dateAnchor(draft) };
}

function header(draft: OutgoingDraftForPdf, anchors: FieldAnchors): Content[] {
  // Decree 30 allows 12 to 13 pt: 12 only for a name that would not fit in two lines.
  const issuer = fitName(upper(draft.issuer.name), "Bold", [SIZE.issuer, 12], LEFT_COLUMN);
  const issuerWidth = Math.max(...issuer.lines.map((l) => textWidth(l, "Bold", issuer.size)));
  const motto = "Độc lập - Tự do - Hạnh phúc";

  const left: Content[] = [];
  if (draft.issuer.parentName) {
    const parent = fitName(
      upper(draft.issuer.parentName),
      "Regular",
      [SIZE.parent, 12],
      LEFT_COLUMN,
    );
    left.push({ text: parent.lines.join("\n"), fontSize: parent.size });
  }
  left.push(
    { text: issuer.lines.join("\n"), bold: true, fontSize: issuer.size },
    // Decree 30: a rule from a third to half the name's length, centred under it.
    rule(LEFT_COLUMN, Math.max(40, issuerWidth * 0.4), [0, 3, 0, 0]),
  );
  const right: Content[] = [
    { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, fontSize: SIZE.nation },
    { text: motto, bold: true, fontSize: SIZE.motto },
    rule(RIGHT_COLUMN, textWidth(motto, "Bold", SIZE.motto), [0, 3, 0, 0]),
  ];

  const numberLine: ContentText = withId(ID.number, {
    text: anchors.number.prefix,
    fontSize: anchors.number.size,
    alignment: "left",
    margin: [anchors.number.x - MARGINS.left - textWidth("Số: ", "Regular", SIZE.number), 0, 0, 0],
  });
  const belowNumber: Content[] = [numberLine];
  if (isLetterType(draft.documentType.code)) {
    belowNumber.push({
      text: `V/v ${withoutVv(nfc(draft.subject))}`,
      fontSize: SIZE.letterSubject,
      margin: [0, 3, 0, 0],
    });
  }
  for (const mark of [confidentialityMarks[draft.confidentiality], urgencyMarks[draft.urgency]]) {
    if (mark) belowNumber.push(stamp(mark));
  }
  const dateLead = textWidth(`${anchors.date.prefix} `, "Italic", anchors.date.size);
  const dateLine: ContentText = withId(ID.date, {
    text: anchors.date.prefix,
    italics: true,
    fontSize: anchors.date.size,
    alignment: "left",
    margin: [anchors.date.x - MARGINS.left - LEFT_COLUMN - dateLead, 0, 0, 0],
  });

  const row = (l: Content[], r: Content[], margin: [number, number, number, number]) =>
    ({
      columns: [
        { width: LEFT_COLUMN, stack: l, alignment: "center" },
        { width: RIGHT_COLUMN, stack: r, alignment: "center" },
      ],
      columnGap: 0,
      lineHeight: 1,
      margin,
    }) satisfies ContentColumns;
  return [row(left, right, [0, 0, 0, 0]), row(belowNumber, [dateLine], [0, 7, 0, 0])];
}

function title(draft: OutgoingDraftForPdf): Content[] {
  const subject = nfc(draft.subject);
  const length = Math.min(textWidth(subject, "Bold", SIZE.title), CONTENT_WIDTH) * 0.4;
  return [
    {
      text: upper(draft.documentType.name),
      bold: true,
      fontSize: SIZE.title,
      alignment: "center",
      margin: [0, 18, 0, 0],
    },
    { text: subject, bold: true, fontSize: SIZE.title, alignment: "center" },
    rule(CONTENT_WIDTH, Math.max(60, length), [0, 4, 0, 10]),
  ];
}

function addressees(draft: OutgoingDraftForPdf, letter: boolean): Content[] {
  const lines = recipientLines(draft.recipients.map(nfc));
  if (lines.length === 0) return [];
  return [
    {
      columns: [
        { width: "*", text: "" },
        { width: "auto", text: "Kính gửi:" },
        { width: "auto", stack: lines.map((line) => ({ text: line })) },
        { width: "*", text: "" },
      ],
      columnGap: 5,
      fontSize: SIZE.recipients,
      lineHeight: bodyStyle.lineHeight,
      margin: [0, letter ? 16 : 4, 0, 10],
    },
  ];
}

function closing(draft: OutgoingDraftForPdf): { block: Content; height: number } {
  const copies = copyLines(draft.copiesTo.map(nfc), nfc(draft.archiveUnit));
  const authority = authorityLines({
    ...draft.signature,
    title: nfc(draft.signature.title),
    onBehalfOf: draft.signature.onBehalfOf && nfc(draft.signature.onBehalfOf),
  });
  const block: ContentColumns = withId(ID.block, {
    columns: [
      {
        width: LEFT_COLUMN,
        stack: [
          { text: "Nơi nhận:", bold: true, italics: true, fontSize: SIZE.copiesHeading },
          ...copies.map((line): Content => ({ text: line, fontSize: SIZE.copies })),
        ],
      },
      {
        width: RIGHT_COLUMN,
        alignment: "center",
        stack: [
          { text: authority.join("\n"), bold: true, fontSize: SIZE.authority },
          {
            id: ID.signer,
            text: nfc(draft.signature.signerName),
            bold: true,
            fontSize: SIZE.signer,
            margin: [0, SIGNATURE_SPACE, 0, 0],
          },
        ],
      },
    ],
    columnGap: 0,
    lineHeight: 1,
    margin: [0, PARAGRAPH_GAP, 0, 0],
  });
  // The block's height, to decide whether the last paragraph can go along to a new page.
  const lines = (texts: string[], face: Face, size: number, width: number) =>
    texts.reduce((n, t) => n + wrapBalanced(t, face, size, width).length, 0);
  const left =
    lineMetrics(SIZE.copiesHeading).height +
    lines(copies, "Regular", SIZE.copies, LEFT_COLUMN) * lineMetrics(SIZE.copies).height;
  const right =
    (lines(authority, "Bold", SIZE.authority, RIGHT_COLUMN) + 1) *
      lineMetrics(SIZE.authority).height +
    SIGNATURE_SPACE;
  return { block, height: PARAGRAPH_GAP + Math.max(left, right) };
}

export type OutgoingDefinition = {
  definition: TDocumentDefinitions;
  /** Valid once pdfmake has laid the definition out. */
  laidOut: () => LaidOut;
};

export function outgoingDefinition(
  draft: OutgoingDraftForPdf,
  anchors: FieldAnchors,
): OutgoingDefinition {
  const letter = isLetterType(draft.documentType.code);
  const body = bodyContent(draft.body);
  // The body's tail is its last block, with the headings right above it: they go together.
  let tail = body.length - 1;
  const isHeading = (c: Content | undefined) =>
    typeof c === "object" && c !== null && "headlineLevel" in c;
  while (tail > 0 && isHeading(body[tail - 1])) tail--;
  const last = body[tail];
  if (last && typeof last === "object" && !Array.isArray(last)) withId(ID.tail, last);
  const { block, height } = closing(draft);
  const seen = new Map<string, Node>();

  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [MARGINS.left, MARGINS.top, MARGINS.right, MARGINS.bottom],
    version: "1.7",
    language: "vi-VN",
    info: {
      title: nfc(draft.subject),
      author: nfc(draft.issuer.name),
      subject: nfc(draft.documentType.name),
      creator: "Liên Thông",
      producer: "Liên Thông",
      creationDate: draft.now,
    },
    defaultStyle: { font: OUTGOING_FONT, fontSize: SIZE.body, lineHeight: 1 },
    // Decree 30: pages numbered from the second, centred at the top.
    header: (currentPage) =>
      currentPage > 1
        ? {
            id: ID.pageNumber,
            text: String(currentPage),
            fontSize: SIZE.pageNumber,
            alignment: "center",
            margin: [MARGINS.left, 10 * MM, MARGINS.right, 0],
          }
        : null,
    content: [
      ...header(draft, anchors),
      ...(letter ? [] : title(draft)),
      ...addressees(draft, letter),
      { stack: body, ...bodyStyle, margin: [0, letter ? 0 : 4, 0, 0] },
      { id: ID.tailEnd, text: " ", fontSize: 1 },
      block,
    ],
    pageBreakBefore: pageBreaks(height, seen),
  };

  const laidOut = (): LaidOut => {
    const at = (id: string) => {
      const node = seen.get(id);
      if (!node) throw new Error(`The outgoing layout lost the node ${id}`);
      return { pageNumber: node.startPosition.pageNumber, top: node.startPosition.top };
    };
    return { numberLine: at(ID.number), dateLine: at(ID.date), signerLine: at(ID.signer) };
  };
  return { definition, laidOut };
}
