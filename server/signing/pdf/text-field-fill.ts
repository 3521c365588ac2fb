// Fills a text field the way a viewer would: the value in /V and a new normal appearance that
// shows it in the field's own font (/DA, from the form's /DR), aligned as its /Q says.
import { PDFHexString, PDFName, type PDFObject } from "pdf-lib";
import {
  fieldType,
  findField,
  widgetBox,
  type AcroFormLocation,
  type FormField,
} from "./form-fields";
import type { IncrementalUpdate } from "./incremental-update";
import { decodeTextString, type PdfReader } from "./pdf-reader";
import { PdfSigningError } from "./pdf-signing-error";
import { hexDigits, pdfNumber } from "./pdf-syntax";

export type TextFieldFill = {
  name: string;
  /** The value as text, for /V. */
  value: string;
  /** The value encoded for the field's font (for a CID font, its glyph ids), as hex. */
  encodedHex: string;
  /** Points; the size in /DA when not given (or 12 when /DA says auto). */
  fontSize?: number;
  /** Width of the text at that size in points, needed to centre or right-align it. */
  width?: number;
};

/** Space between the widget's edge and left- or right-aligned text, as viewers leave it. */
const PADDING = 2;
const DEFAULT_SIZE = 12;

type DefaultAppearance = { font: PDFName; size: number; colour: string };

function parseDefaultAppearance(da: string, fieldName: string): DefaultAppearance {
  const tokens = da.trim().split(/\s+/);
  let font: PDFName | undefined;
  let size = 0;
  let colour = "0 g";
  const arity: Record<string, number> = { g: 1, rg: 3, k: 4 };
  tokens.forEach((token, i) => {
    if (token === "Tf" && tokens[i - 2]?.startsWith("/")) {
      font = PDFName.of(tokens[i - 2]!.slice(1));
      size = Number(tokens[i - 1]);
    }
    const n = arity[token];
    if (n !== undefined && i >= n) {
      const operands = tokens.slice(i - n, i);
      if (operands.every((o) => Number.isFinite(Number(o))))
        colour = `${operands.join(" ")} ${token}`;
    }
  });
  if (!font) {
    throw new PdfSigningError(
      "UNSUPPORTED_PDF",
      `The text field "${fieldName}" names no font in its default appearance (/DA)`,
    );
  }
  return { font, size: Number.isFinite(size) ? size : 0, colour };
}

/** Ascent and descent of the font in ems, from its descriptor (a CID font's, for Type0). */
function fontMetrics(reader: PdfReader, font: PDFObject): { ascent: number; descent: number } {
  const dict = reader.dict(font);
  const descendant = reader.dict(reader.array(dict?.get(PDFName.of("DescendantFonts")))?.get(0));
  const descriptor = reader.dict((descendant ?? dict)?.get(PDFName.of("FontDescriptor")));
  const ascent = reader.number(descriptor?.get(PDFName.of("Ascent")));
  const descent = reader.number(descriptor?.get(PDFName.of("Descent")));
  if (ascent === undefined || descent === undefined || ascent <= descent) {
    return { ascent: 0.8, descent: -0.2 };
  }
  return { ascent: ascent / 1000, descent: descent / 1000 };
}

function formValue(field: FormField, form: AcroFormLocation, key: string) {
  return field.inherited(key) ?? form.dict.get(PDFName.of(key));
}

/** Writes the filled field (and its widget, when separate) and its appearance into the update. */
export function fillTextField(
  reader: PdfReader,
  update: IncrementalUpdate,
  form: AcroFormLocation,
  fill: TextFieldFill,
): void {
  const field = findField(reader, form, fill.name);
  if (fieldType(field) !== "Tx") {
    throw new PdfSigningError("WRONG_FIELD_TYPE", `The field "${fill.name}" is not a text field`);
  }
  const da = decodeTextString(reader.resolve(formValue(field, form, "DA")));
  if (da === undefined) {
    throw new PdfSigningError("UNSUPPORTED_PDF", `The text field "${fill.name}" has no /DA`);
  }
  const appearance = parseDefaultAppearance(da, fill.name);
  const fontResources = reader.dict(
    reader.dict(form.dict.get(PDFName.of("DR")))?.get(PDFName.of("Font")),
  );
  const font = fontResources?.get(appearance.font);
  if (!font) {
    throw new PdfSigningError(
      "UNSUPPORTED_PDF",
      `The font ${appearance.font.toString()} of the field "${fill.name}" is not in the form's /DR`,
    );
  }

  const size = fill.fontSize ?? (appearance.size > 0 ? appearance.size : DEFAULT_SIZE);
  const [, , width, height] = widgetBox(reader, field.widget);
  const quadding = reader.number(formValue(field, form, "Q")) ?? 0;
  if (quadding !== 0 && (fill.width === undefined || !Number.isFinite(fill.width))) {
    throw new PdfSigningError(
      "INVALID_OPTIONS",
      `The field "${fill.name}" is centred or right-aligned: give the text's width`,
    );
  }
  const textWidth = fill.width ?? 0;
  const x =
    quadding === 1
      ? (width - textWidth) / 2
      : quadding === 2
        ? width - PADDING - textWidth
        : PADDING;
  const { ascent, descent } = fontMetrics(reader, font);
  const y = (height - (ascent - descent) * size) / 2 - descent * size;
  const content = [
    "/Tx BMC",
    "q",
    "BT",
    `${appearance.font.toString()} ${pdfNumber(size)} Tf`,
    appearance.colour,
    `${pdfNumber(x)} ${pdfNumber(y)} Td`,
    `<${hexDigits(fill.encodedHex, `The encoded value of "${fill.name}"`)}> Tj`,
    "ET",
    "Q",
    "EMC",
    "",
  ].join("\n");

  const apRef = update.newRef();
  update.setStream(
    apRef,
    reader.context.obj({
      Type: "XObject",
      Subtype: "Form",
      BBox: [0, 0, width, height],
      Resources: { Font: { [appearance.font.decodeText()]: font } },
    }),
    Buffer.from(content, "latin1"),
  );

  const newField = field.dict.clone();
  newField.set(PDFName.of("V"), PDFHexString.fromText(fill.value));
  const newWidget = field.widgetRef === field.ref ? newField : field.widget.clone();
  newWidget.set(PDFName.of("AP"), reader.context.obj({ N: apRef }));
  if (field.pageRef && !newWidget.has(PDFName.of("P")))
    newWidget.set(PDFName.of("P"), field.pageRef);
  update.setObject(field.ref, newField);
  if (newWidget !== newField) update.setObject(field.widgetRef, newWidget);
}
