// Finds a form field of the AcroForm by its fully qualified name, with the widget that shows it
// and the page that widget sits on.
import type { PDFDict } from "pdf-lib";
import { PDFName, PDFRef, type PDFObject } from "pdf-lib";
import { decodeTextString, type PdfReader } from "./pdf-reader";
import { PdfSigningError } from "./pdf-signing-error";

export type FormField = {
  /** The fully qualified name: the partial names of its ancestors and its own, joined by dots. */
  name: string;
  ref: PDFRef;
  dict: PDFDict;
  /** The widget annotation; the field itself when field and widget are one object. */
  widgetRef: PDFRef;
  widget: PDFDict;
  /** The page whose /Annots hold the widget (or its /P), if any. */
  pageRef: PDFRef | undefined;
  /** A field attribute, looked up through /Parent as inheritable attributes are. */
  inherited(key: string): PDFObject | undefined;
};

/** Where the AcroForm lives: its own object, or directly inside the catalog. */
export type AcroFormLocation = { dict: PDFDict; ref: PDFRef | undefined };

const MAX_DEPTH = 32;

export function readAcroForm(reader: PdfReader): AcroFormLocation | undefined {
  const value = reader.catalog().get(PDFName.of("AcroForm"));
  const dict = reader.dict(value);
  if (!dict) return undefined;
  return { dict, ref: value instanceof PDFRef ? value : undefined };
}

/** Rect of a widget as [x, y, width, height], whatever corners the file gives. */
export function widgetBox(reader: PdfReader, widget: PDFDict): [number, number, number, number] {
  const rect = reader.array(widget.get(PDFName.of("Rect")));
  const n = [0, 1, 2, 3].map((i) => reader.number(rect?.get(i)));
  if (n.some((v) => v === undefined)) {
    throw new PdfSigningError("BROKEN_PDF", "The PDF is damaged: a widget has no /Rect");
  }
  const [x1, y1, x2, y2] = n as number[];
  return [Math.min(x1!, x2!), Math.min(y1!, y2!), Math.abs(x2! - x1!), Math.abs(y2! - y1!)];
}

/** The field named `name`, or a FIELD_NOT_FOUND error listing what the form does hold. */
export function findField(reader: PdfReader, form: AcroFormLocation, name: string): FormField {
  const found: FormField[] = [];
  const names: string[] = [];
  const visited = new Set<number>();

  const visit = (ref: PDFRef, parentName: string | undefined, depth: number) => {
    if (depth > MAX_DEPTH || visited.has(ref.objectNumber)) return;
    visited.add(ref.objectNumber);
    const dict = reader.dict(ref);
    if (!dict) return;
    const partial = decodeTextString(reader.resolve(dict.get(PDFName.of("T"))));
    const fullName =
      partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const kids = refsIn(reader, dict.get(PDFName.of("Kids")));
    const childFields = kids.filter((kid) => reader.dict(kid)?.has(PDFName.of("T")));
    if (childFields.length > 0) {
      for (const kid of childFields) visit(kid, fullName, depth + 1);
      return;
    }
    if (fullName === undefined) return;
    names.push(fullName);
    if (fullName !== name) return;
    const widgetRef = kids[0] ?? ref;
    const widget = reader.dict(widgetRef) ?? dict;
    found.push({
      name: fullName,
      ref,
      dict,
      widgetRef,
      widget,
      pageRef: findPage(reader, widgetRef, widget),
      inherited: (key) => inheritedValue(reader, dict, key),
    });
  };

  for (const ref of refsIn(reader, form.dict.get(PDFName.of("Fields")))) visit(ref, undefined, 0);
  const [field] = found;
  if (!field) {
    throw new PdfSigningError(
      "FIELD_NOT_FOUND",
      `The PDF has no form field named "${name}" (it has: ${names.join(", ") || "none"})`,
    );
  }
  return field;
}

/** The references in an array (itself perhaps behind a reference); direct values are skipped. */
export function refsIn(reader: PdfReader, value: PDFObject | undefined): PDFRef[] {
  const array = reader.array(value);
  if (!array) return [];
  return array.asArray().filter((v): v is PDFRef => v instanceof PDFRef);
}

function inheritedValue(reader: PdfReader, dict: PDFDict, key: string): PDFObject | undefined {
  let node: PDFDict | undefined = dict;
  for (let depth = 0; node && depth <= MAX_DEPTH; depth++) {
    const value = node.get(PDFName.of(key));
    if (value !== undefined) return reader.resolve(value);
    node = reader.dict(node.get(PDFName.of("Parent")));
  }
  return undefined;
}

function findPage(reader: PdfReader, widgetRef: PDFRef, widget: PDFDict): PDFRef | undefined {
  const declared = widget.get(PDFName.of("P"));
  if (declared instanceof PDFRef && reader.dict(declared)) return declared;
  const visited = new Set<number>();
  const walk = (ref: PDFRef, depth: number): PDFRef | undefined => {
    if (depth > MAX_DEPTH || visited.has(ref.objectNumber)) return undefined;
    visited.add(ref.objectNumber);
    const node = reader.dict(ref);
    if (!node) return undefined;
    if (node.get(PDFName.of("Type")) === PDFName.of("Page")) {
      const annots = refsIn(reader, node.get(PDFName.of("Annots")));
      return annots.some((a) => a.objectNumber === widgetRef.objectNumber) ? ref : undefined;
    }
    for (const kid of refsIn(reader, node.get(PDFName.of("Kids")))) {
      const page = walk(kid, depth + 1);
      if (page) return page;
    }
    return undefined;
  };
  const pages = reader.catalog().get(PDFName.of("Pages"));
  return pages instanceof PDFRef ? walk(pages, 0) : undefined;
}

/** The field's type (/FT), inherited as the specification allows: Sig, Tx, Btn or Ch. */
export function fieldType(field: FormField): string | undefined {
  const type = field.inherited("FT");
  return type instanceof PDFName ? type.decodeText() : undefined;
}
