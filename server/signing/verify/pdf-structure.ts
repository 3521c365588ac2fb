// What each object is for in one revision: the role it plays (a page, a page's content, a form
// field, the appearance of a signed field ...). Changes between revisions are judged by role,
// so this walk is the map the rule table reads.
import { type PdfFile, type Revision } from "./pdf-file";
import { decodeTextString, type PdfDict, type PdfObject } from "./pdf-syntax";

export type RoleKind =
  | "catalog"
  | "pages"
  | "page"
  | "page-content"
  | "page-resources"
  | "annots"
  | "annotation"
  | "field"
  | "appearance"
  | "acroform"
  | "fields-array"
  | "form-resources"
  | "field-value"
  | "signature"
  | "dss"
  | "metadata"
  | "info"
  | "perms"
  | "document"
  | "unreferenced";

export type Role = {
  kind: RoleKind;
  /** Full name of the field this object belongs to. */
  field?: string;
  fieldType?: string | null;
  /** For signature fields: whether the field has a value (is signed) in this revision. */
  signed?: boolean;
  /** The annotation whose appearance this is. */
  owner?: number;
  /** Page number, from 1. */
  page?: number;
  subtype?: string;
};

export type SignatureField = {
  name: string;
  /** Object number of the field dictionary, or null when it is direct. */
  num: number | null;
  dict: PdfDict;
  widgets: number[];
};

export type Structure = {
  roles: Map<number, Role[]>;
  fields: SignatureField[];
  /** Widget object number → the field it belongs to. */
  widgets: Map<
    number,
    { name: string; fieldType: string | null; signed: boolean; visible: boolean }
  >;
  /** The /Perms /DocMDP entry: the certification signature's dictionary. */
  certification: PdfObject | null;
};

const structuralKinds = new Set<RoleKind>([
  "catalog",
  "pages",
  "page",
  "annots",
  "annotation",
  "field",
  "acroform",
  "fields-array",
  "signature",
]);

const maxFieldDepth = 32;

export function describeStructure(file: PdfFile, rev: Revision): Structure {
  const roles = new Map<number, Role[]>();
  const fields: SignatureField[] = [];
  const widgets: Structure["widgets"] = new Map();
  const pendingGeneric: [PdfObject | undefined, Role][] = [];
  const seenFields = new Set<number>();

  const mark = (num: number, role: Role): boolean => {
    const list = roles.get(num) ?? [];
    if (list.some((r) => r.kind === role.kind && r.owner === role.owner && r.field === role.field))
      return false;
    list.push(role);
    roles.set(num, list);
    return true;
  };
  const markRef = (value: PdfObject | undefined, role: Role): boolean =>
    value?.t === "ref" ? mark(value.num, role) : true;
  const dictOf = (value: PdfObject | undefined): PdfDict | null => file.dict(rev, value);
  const name = (d: PdfDict | null, key: string): string | null => {
    const v = d ? file.resolve(rev, d.get(key)) : null;
    return v?.t === "name" ? v.v : null;
  };
  const arrayOf = (value: PdfObject | undefined): PdfObject[] => {
    const v = file.resolve(rev, value);
    return v.t === "array" ? v.v : [];
  };

  const trailer = rev.trailer;
  const root = trailer.get("Root");
  if (root?.t === "ref") mark(root.num, { kind: "catalog" });
  const catalog = dictOf(root);
  if (trailer.get("Info")) pendingGeneric.push([trailer.get("Info"), { kind: "info" }]);

  const certification = dictOf(catalog?.get("Perms"))?.get("DocMDP") ?? null;

  const isVisible = (d: PdfDict): boolean => {
    const flags = file.resolve(rev, d.get("F"));
    if (flags.t === "num" && (flags.v & 2 || flags.v & 32)) return false;
    const rect = file.resolve(rev, d.get("Rect"));
    if (rect.t !== "array" || rect.v.length !== 4) return false;
    const [x1, y1, x2, y2] = rect.v.map((n) => (n.t === "num" ? n.v : 0));
    return Math.abs(x2! - x1!) > 0 && Math.abs(y2! - y1!) > 0;
  };

  const visitAppearance = (ap: PdfObject | undefined, role: Role) => {
    if (!ap) return;
    markRef(ap, role);
    const d = dictOf(ap);
    if (!d) return;
    for (const key of ["N", "R", "D"]) {
      const entry = d.get(key);
      const resolved = file.resolve(rev, entry);
      if (resolved.t === "dict") {
        markRef(entry, role);
        for (const state of resolved.v.values()) pendingGeneric.push([state, role]);
      } else pendingGeneric.push([entry, role]);
    }
  };

  const visitField = (
    value: PdfObject,
    parent: string | null,
    inheritedType: string | null,
    depth: number,
  ) => {
    if (depth > maxFieldDepth) return;
    const num = value.t === "ref" ? value.num : null;
    if (num !== null) {
      if (seenFields.has(num)) return;
      seenFields.add(num);
    }
    const d = dictOf(value);
    if (!d) return;
    const partial = file.resolve(rev, d.get("T"));
    const own = partial.t === "str" ? decodeTextString(partial.v) : null;
    const fullName = own === null ? (parent ?? "") : parent ? `${parent}.${own}` : own;
    const fieldType = name(d, "FT") ?? inheritedType;
    const v = d.get("V");
    const signed = fieldType === "Sig" && dictOf(v) !== null;
    const role: Role = { kind: "field", field: fullName, fieldType, signed };
    if (num !== null) mark(num, role);
    const kids = arrayOf(d.get("Kids"));
    markRef(d.get("Kids"), { kind: "fields-array" });
    const widgetList: [number, PdfDict][] = [];
    if (kids.length === 0 || name(d, "Subtype") === "Widget") {
      if (num !== null) widgetList.push([num, d]);
    }
    for (const kid of kids) {
      const kd = dictOf(kid);
      if (!kd) continue;
      if (kd.has("T")) visitField(kid, fullName, fieldType, depth + 1);
      else if (kid.t === "ref") {
        mark(kid.num, role);
        widgetList.push([kid.num, kd]);
      }
    }
    if (fieldType === "Sig" && v?.t === "ref") mark(v.num, { kind: "signature", field: fullName });
    else if (v) pendingGeneric.push([v, { kind: "field-value", field: fullName }]);
    if (d.get("Lock")) pendingGeneric.push([d.get("Lock"), { kind: "document" }]);
    for (const [w, wd] of widgetList) {
      widgets.set(w, { name: fullName, fieldType, signed, visible: isVisible(wd) });
      visitAppearance(wd.get("AP"), {
        kind: "appearance",
        owner: w,
        field: fullName,
        fieldType,
        signed,
      });
    }
    if (fieldType === "Sig" && (kids.length === 0 || widgetList.length > 0)) {
      fields.push({ name: fullName, num, dict: d, widgets: widgetList.map(([w]) => w) });
    }
  };

  // Form fields first, so that the page walk knows which annotations are widgets of which field.
  const acroform = catalog?.get("AcroForm");
  markRef(acroform, { kind: "acroform" });
  const af = dictOf(acroform);
  if (af) {
    markRef(af.get("Fields"), { kind: "fields-array" });
    for (const f of arrayOf(af.get("Fields"))) visitField(f, null, null, 0);
    for (const [key, value] of af) {
      if (key === "Fields") continue;
      pendingGeneric.push([value, { kind: key === "DR" ? "form-resources" : "document" }]);
    }
  }

  let pageNumber = 0;
  const seenPages = new Set<number>();
  const visitAnnotation = (value: PdfObject, page: number) => {
    if (value.t === "ref" && widgets.has(value.num)) return;
    const d = dictOf(value);
    if (!d) return;
    const subtype = name(d, "Subtype") ?? "?";
    if (value.t === "ref" && !mark(value.num, { kind: "annotation", page, subtype })) return;
    const owner = value.t === "ref" ? value.num : undefined;
    visitAppearance(d.get("AP"), { kind: "appearance", owner, page });
    for (const [key, v] of d) {
      if (key === "AP" || key === "P" || key === "Parent") continue;
      if (key === "Popup") visitAnnotation(v, page);
      else pendingGeneric.push([v, { kind: "document" }]);
    }
  };
  const visitPages = (value: PdfObject | undefined, depth: number) => {
    if (!value || depth > 64) return;
    if (value.t === "ref") {
      if (seenPages.has(value.num)) return;
      seenPages.add(value.num);
    }
    const d = dictOf(value);
    if (!d) return;
    const isNode = name(d, "Type") === "Pages" || (d.has("Kids") && name(d, "Type") !== "Page");
    if (isNode) {
      markRef(value, { kind: "pages" });
      markRef(d.get("Kids"), { kind: "pages" });
      for (const kid of arrayOf(d.get("Kids"))) visitPages(kid, depth + 1);
      for (const [key, v] of d) {
        if (key !== "Kids" && key !== "Parent")
          pendingGeneric.push([v, { kind: "page-resources" }]);
      }
      return;
    }
    const page = ++pageNumber;
    markRef(value, { kind: "page", page });
    for (const [key, v] of d) {
      if (key === "Parent") continue;
      if (key === "Contents") pendingGeneric.push([v, { kind: "page-content", page }]);
      else if (key === "Annots") {
        markRef(v, { kind: "annots", page });
        for (const a of arrayOf(v)) visitAnnotation(a, page);
      } else pendingGeneric.push([v, { kind: "page-resources", page }]);
    }
  };
  visitPages(catalog?.get("Pages"), 0);

  if (catalog) {
    for (const [key, value] of catalog) {
      if (key === "AcroForm" || key === "Pages") continue;
      const kind: RoleKind =
        key === "DSS"
          ? "dss"
          : key === "Metadata"
            ? "metadata"
            : key === "Perms"
              ? "perms"
              : "document";
      pendingGeneric.push([value, { kind }]);
    }
  }

  // Everything reachable from a place takes that place's role, up to the next structural object.
  const seenGeneric = new Set<string>();
  const generic = (value: PdfObject | undefined, role: Role, depth: number) => {
    if (!value || depth > 200) return;
    if (value.t === "ref") {
      const existing = roles.get(value.num);
      if (existing?.some((r) => structuralKinds.has(r.kind))) return;
      const key = `${value.num}:${role.kind}:${role.owner ?? ""}:${role.field ?? ""}`;
      if (seenGeneric.has(key)) return;
      seenGeneric.add(key);
      mark(value.num, role);
      generic(file.object(rev, value.num)?.value, role, depth + 1);
    } else if (value.t === "array") {
      for (const item of value.v) generic(item, role, depth + 1);
    } else if (value.t === "dict" || value.t === "stream") {
      for (const [key, item] of value.t === "dict" ? value.v : value.dict) {
        if (key !== "Parent" && key !== "P") generic(item, role, depth + 1);
      }
    }
  };
  for (const [value, role] of pendingGeneric) generic(value, role, 0);

  return { roles, fields, widgets, certification };
}
