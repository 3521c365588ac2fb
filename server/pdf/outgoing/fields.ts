// The four form fields of an outgoing document, created empty before anything is signed (strict
// validators refuse a visible field added after a signature):
// - SoKyHieu (text, read-only): the whole number and notation, "15/UBND-VP", after a static
//   "Số:"; empty, it shows "……/UBND-VP" ("…/UBND-VP" where the room is short).
// - NgayBanHanh (text, read-only, italic): "ngày 05 tháng 01 năm 2026" after the static place
//   name; empty, it shows "ngày …… tháng …… năm 20…" (fewer dots where the room is short).
// - LanhDaoKy (signature): the leader's signature image between the authority lines and the name.
// - DauCoQuan (signature): the seal at its real size over the left third of the signature.
// The empty look lives in each text field's own appearance, so filling the field replaces it and
// nothing of the blank stays under the number or the date.
import {
  beginMarkedContent,
  beginText,
  endMarkedContent,
  endText,
  moveText,
  PDFHexString,
  PDFName,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  showText,
  type PDFDict,
  type PDFDocument,
  type PDFOperator,
  type PDFRef,
} from "pdf-lib";
import type { FieldAnchor, FieldAnchors, LaidOut } from "./document";
import { copyFieldFonts, encodeWith, FIELD_FONTS } from "./field-font";
import { lineMetrics } from "./fonts";
import {
  LEFT_COLUMN,
  MARGINS,
  pdfY,
  RIGHT_COLUMN,
  SEAL_COVERS,
  SEAL_SIZE,
  SIGNATURE_SPACE,
  SIGNATURE_WIDGET,
} from "./geometry";

export const OUTGOING_FIELDS = {
  number: "SoKyHieu",
  date: "NgayBanHanh",
  leader: "LanhDaoKy",
  seal: "DauCoQuan",
} as const;

/** A rectangle in PDF user space (origin at the page's lower-left corner), in points. */
export type Rect = { x: number; y: number; width: number; height: number };

export type TextFieldLayout = {
  name: string;
  /** From 0. */
  pageIndex: number;
  rect: Rect;
  /** The font resource in the AcroForm /DR and the field's /DA, e.g. "LTSerif". */
  fontResource: string;
  /** The font dictionary's object, the same the /DR names. */
  fontObject: { objectNumber: number; generation: number };
  fontSize: number;
  /** Distance from the rectangle's bottom to the baseline, so filled text sits on the line. */
  baseline: number;
  /** Text starts at the rectangle's left edge (/Q 0). */
  alignment: "left";
  /** What the empty field shows. */
  placeholder: string;
};

export type SignatureFieldLayout = { name: string; pageIndex: number; rect: Rect };

export type OutgoingPdfLayout = {
  pageCount: number;
  fields: {
    number: TextFieldLayout;
    date: TextFieldLayout;
    leader: SignatureFieldLayout;
    seal: SignatureFieldLayout;
  };
};

const round = (n: number) => Math.round(n * 100) / 100;
const roundRect = (r: Rect): Rect => ({
  x: round(r.x),
  y: round(r.y),
  width: round(r.width),
  height: round(r.height),
});
const rectArray = (r: Rect) => [r.x, r.y, round(r.x + r.width), round(r.y + r.height)];

/** The field's rectangle: the anchored line's height, with a little room above and below. */
function textRect(anchor: FieldAnchor, top: number) {
  const { height, ascent } = lineMetrics(anchor.size, anchor.face);
  const pad = 1.5;
  const rect = roundRect({
    x: anchor.x,
    y: pdfY(top + height) - pad,
    width: anchor.width,
    height: height + 2 * pad,
  });
  return { rect, baseline: round(pdfY(top + ascent) - rect.y) };
}

export async function addOutgoingFields(
  pdf: PDFDocument,
  anchors: FieldAnchors,
  laidOut: LaidOut,
): Promise<OutgoingPdfLayout> {
  const ctx = pdf.context;
  const pages = pdf.getPages();
  const fonts = await copyFieldFonts(pdf);
  const fieldRefs: PDFRef[] = [];

  const widget = (pageIndex: number) => ({
    Type: "Annot",
    Subtype: "Widget",
    F: 4, // printed
    P: pages[pageIndex]!.ref,
  });
  const addWidget = (pageIndex: number, dict: PDFDict) => {
    const ref = ctx.register(dict);
    pages[pageIndex]!.node.addAnnot(ref);
    fieldRefs.push(ref);
  };

  const textField = (
    name: string,
    tooltip: string,
    anchor: FieldAnchor,
    top: number,
    pageIndex: number,
  ): TextFieldLayout => {
    const placeholder = anchor.placeholder;
    const face = anchor.face === "Italic" ? "Italic" : "Regular";
    const font = fonts[face];
    const resource = FIELD_FONTS[face].resource;
    const { rect, baseline } = textRect(anchor, top);
    const operators: PDFOperator[] = [
      beginMarkedContent("Tx"),
      pushGraphicsState(),
      beginText(),
      setFontAndSize(resource, anchor.size),
      setFillingGrayscaleColor(0),
      moveText(0, baseline),
      showText(PDFHexString.of(encodeWith(font.codes, placeholder))),
      endText(),
      popGraphicsState(),
      endMarkedContent(),
    ];
    const appearance = ctx.register(
      ctx.formXObject(operators, {
        BBox: [0, 0, rect.width, rect.height],
        Resources: { Font: { [resource]: font.ref } },
      }),
    );
    addWidget(
      pageIndex,
      ctx.obj({
        ...widget(pageIndex),
        FT: "Tx",
        T: PDFString.of(name),
        TU: PDFHexString.fromText(tooltip),
        Ff: 1, // read-only: only the numbering fills it
        DA: PDFString.of(`/${resource} ${anchor.size} Tf 0 g`),
        Q: 0,
        Rect: rectArray(rect),
        AP: { N: appearance },
      }),
    );
    return {
      name,
      pageIndex,
      rect,
      fontResource: resource,
      fontObject: { objectNumber: font.ref.objectNumber, generation: font.ref.generationNumber },
      fontSize: anchor.size,
      baseline,
      alignment: "left",
      placeholder,
    };
  };

  const signatureField = (
    name: string,
    tooltip: string,
    rect: Rect,
    pageIndex: number,
  ): SignatureFieldLayout => {
    const appearance = ctx.register(ctx.formXObject([], { BBox: [0, 0, rect.width, rect.height] }));
    addWidget(
      pageIndex,
      ctx.obj({
        ...widget(pageIndex),
        FT: "Sig",
        T: PDFString.of(name),
        TU: PDFHexString.fromText(tooltip),
        Rect: rectArray(rect),
        AP: { N: appearance },
      }),
    );
    return { name, pageIndex, rect };
  };

  const number = textField(
    OUTGOING_FIELDS.number,
    "Số, ký hiệu văn bản",
    anchors.number,
    laidOut.numberLine.top,
    laidOut.numberLine.pageNumber - 1,
  );
  const date = textField(
    OUTGOING_FIELDS.date,
    "Ngày ban hành",
    anchors.date,
    laidOut.dateLine.top,
    laidOut.dateLine.pageNumber - 1,
  );

  // The signature centred in the right column, in the middle of the room above the name.
  const signerPage = laidOut.signerLine.pageNumber - 1;
  const centreX = MARGINS.left + LEFT_COLUMN + RIGHT_COLUMN / 2;
  const centreY = pdfY(laidOut.signerLine.top - SIGNATURE_SPACE / 2);
  const leaderRect = roundRect({
    x: centreX - SIGNATURE_WIDGET.width / 2,
    y: centreY - SIGNATURE_WIDGET.height / 2,
    width: SIGNATURE_WIDGET.width,
    height: SIGNATURE_WIDGET.height,
  });
  const sealRect = roundRect({
    x: leaderRect.x + leaderRect.width * SEAL_COVERS - SEAL_SIZE,
    y: centreY - SEAL_SIZE / 2,
    width: SEAL_SIZE,
    height: SEAL_SIZE,
  });
  // Added after the signature's widget, so the seal is drawn over the signature as on paper.
  const leader = signatureField(
    OUTGOING_FIELDS.leader,
    "Chữ ký của người có thẩm quyền",
    leaderRect,
    signerPage,
  );
  const seal = signatureField(
    OUTGOING_FIELDS.seal,
    "Chữ ký số của cơ quan (dấu)",
    sealRect,
    signerPage,
  );

  pdf.catalog.set(
    PDFName.of("AcroForm"),
    ctx.obj({
      Fields: fieldRefs,
      DR: {
        Font: {
          [FIELD_FONTS.Regular.resource]: fonts.Regular.ref,
          [FIELD_FONTS.Italic.resource]: fonts.Italic.ref,
        },
      },
      DA: PDFString.of(`/${FIELD_FONTS.Regular.resource} 13 Tf 0 g`),
    }),
  );
  return { pageCount: pages.length, fields: { number, date, leader, seal } };
}
