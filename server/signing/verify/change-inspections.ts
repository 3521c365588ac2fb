// The inspections the rule table (change-rules.ts) runs where a change is allowed only in part:
// which keys of a page, a field, the form or the catalog changed, and whether what was added is
// a signature, a form value or a comment.
import { type PdfFile, type Revision } from "./pdf-file";
import { changedKeys, type PdfDict, type PdfObject, sameObject } from "./pdf-syntax";
import { type Role, type RoleKind, type Structure } from "./pdf-structure";

export type ChangeKind = "added" | "modified" | "removed";

export type Level =
  | "lta"
  | "signing"
  | "new-signature-field"
  | "new-visible-signature-field"
  | "form-filling"
  | "annotations";

export type Text = { vi: string; en: string };

export type Ruling = { allowed: true; levels: Level[] } | { allowed: false; what: Text };

export type ChangeContext = {
  file: PdfFile;
  before: Revision;
  after: Revision;
  beforeStructure: Structure;
  afterStructure: Structure;
  num: number;
  role: Role;
  change: ChangeKind;
  old: PdfObject | null;
  now: PdfObject | null;
};

const kindText: Record<RoleKind, (r: Role) => Text> = {
  catalog: () => ({ vi: "mục lục gốc của văn bản", en: "the document catalog" }),
  pages: () => ({
    vi: "cây trang (thêm, bớt hoặc đổi thứ tự trang)",
    en: "the page tree (pages added, removed or reordered)",
  }),
  page: (r) => ({ vi: `trang ${r.page ?? "?"}`, en: `page ${r.page ?? "?"}` }),
  "page-content": (r) => ({
    vi: `nội dung trang ${r.page ?? "?"}`,
    en: `the content of page ${r.page ?? "?"}`,
  }),
  "page-resources": (r) => ({
    vi: `tài nguyên của trang ${r.page ?? "?"}`,
    en: `the resources of page ${r.page ?? "?"}`,
  }),
  annots: (r) => ({
    vi: `danh sách chú thích của trang ${r.page ?? "?"}`,
    en: `the annotation list of page ${r.page ?? "?"}`,
  }),
  annotation: (r) => ({
    vi: `chú thích ${r.subtype ?? ""} trên trang ${r.page ?? "?"}`,
    en: `a ${r.subtype ?? ""} annotation on page ${r.page ?? "?"}`,
  }),
  field: (r) =>
    r.fieldType === "Sig"
      ? { vi: `ô chữ ký "${r.field}"`, en: `signature field "${r.field}"` }
      : { vi: `trường "${r.field}"`, en: `field "${r.field}"` },
  appearance: (r) =>
    r.field !== undefined
      ? {
          vi: `hình hiển thị của ${r.fieldType === "Sig" ? "ô chữ ký" : "trường"} "${r.field}"`,
          en: `the appearance of ${r.fieldType === "Sig" ? "signature field" : "field"} "${r.field}"`,
        }
      : {
          vi: `hình hiển thị của chú thích trên trang ${r.page ?? "?"}`,
          en: `the appearance of an annotation on page ${r.page ?? "?"}`,
        },
  acroform: () => ({ vi: "biểu mẫu", en: "the form dictionary" }),
  "fields-array": () => ({ vi: "danh sách trường biểu mẫu", en: "the form's field list" }),
  "form-resources": () => ({ vi: "tài nguyên biểu mẫu", en: "the form's default resources" }),
  "field-value": (r) => ({
    vi: `giá trị trường "${r.field}"`,
    en: `the value of field "${r.field}"`,
  }),
  signature: (r) => ({
    vi: `chữ ký của ô "${r.field}"`,
    en: `the signature of field "${r.field}"`,
  }),
  dss: () => ({ vi: "dữ liệu kiểm tra chữ ký (DSS)", en: "validation data (DSS)" }),
  metadata: () => ({ vi: "siêu dữ liệu", en: "metadata" }),
  info: () => ({ vi: "thông tin văn bản", en: "document information" }),
  perms: () => ({ vi: "quyền sửa văn bản (DocMDP)", en: "permissions (DocMDP)" }),
  document: () => ({
    vi: "cấu trúc văn bản (mục lục, liên kết, hành động)",
    en: "document structure (outlines, names, actions)",
  }),
  unreferenced: () => ({ vi: "đối tượng không dùng", en: "an unused object" }),
};

const verbText: Record<ChangeKind, Text> = {
  added: { vi: "được thêm", en: "added" },
  modified: { vi: "bị sửa", en: "changed" },
  removed: { vi: "bị xóa", en: "removed" },
};

export function describe(role: Role, change: ChangeKind, num: number, extra?: Text): Text {
  const subject = kindText[role.kind](role);
  const verb = verbText[change];
  return {
    vi: `${subject.vi} ${verb.vi}${extra ? ` (${extra.vi})` : ""} (đối tượng ${num})`,
    en: `${subject.en} ${verb.en}${extra ? ` (${extra.en})` : ""} (object ${num})`,
  };
}

export function allowed(levels: Level[]): Ruling {
  return { allowed: true, levels };
}

export function refused(c: ChangeContext, extra?: Text): Ruling {
  return { allowed: false, what: describe(c.role, c.change, c.num, extra) };
}

function keysText(keys: string[]): Text {
  const list = keys.map((k) => `/${k}`).join(", ");
  return { vi: `khóa ${list}`, en: `keys ${list}` };
}

export function dictIn(
  c: ChangeContext,
  rev: Revision,
  value: PdfObject | null | undefined,
): PdfDict | null {
  return value ? c.file.dict(rev, value) : null;
}

function listIn(c: ChangeContext, rev: Revision, value: PdfObject | null | undefined): PdfObject[] {
  const v = value ? c.file.resolve(rev, value) : null;
  return v?.t === "array" ? v.v : [];
}

export function isDocTimestamp(
  c: ChangeContext,
  rev: Revision,
  value: PdfObject | null | undefined,
): boolean {
  const d = dictIn(c, rev, value);
  const type = d?.get("Type");
  const sub = d?.get("SubFilter");
  return (
    (type?.t === "name" && type.v === "DocTimeStamp") ||
    (sub?.t === "name" && sub.v === "ETSI.RFC3161")
  );
}

/** Permission a new signature field needs: none beyond LTA for a document timestamp. */
function newSignatureFieldLevel(c: ChangeContext, num: number): Level | null {
  const field = c.afterStructure.fields.find((f) => f.num === num || f.widgets.includes(num));
  if (!field) return null;
  if (isDocTimestamp(c, c.after, field.dict.get("V"))) return "lta";
  const visible = field.widgets.some((w) => c.afterStructure.widgets.get(w)?.visible);
  return visible ? "new-visible-signature-field" : "new-signature-field";
}

function refsOf(list: PdfObject[]): number[] {
  return list.flatMap((item) => (item.t === "ref" ? [item.num] : []));
}

export function annotsChange(
  c: ChangeContext,
  oldValue: PdfObject | null | undefined,
  newValue: PdfObject | null | undefined,
): Ruling {
  const before = refsOf(listIn(c, c.before, oldValue));
  const after = refsOf(listIn(c, c.after, newValue));
  if (before.some((n) => !after.includes(n)))
    return refused(c, { vi: "chú thích bị gỡ", en: "an annotation was removed" });
  const levels: Level[] = [];
  for (const n of after.filter((x) => !before.includes(x))) {
    const widget = c.afterStructure.widgets.get(n);
    if (widget) {
      const level =
        widget.fieldType === "Sig" && !c.beforeStructure.widgets.has(n)
          ? newSignatureFieldLevel(c, n)
          : null;
      if (!level)
        return refused(c, {
          vi: `thêm trường biểu mẫu mới (đối tượng ${n})`,
          en: `new form field widget (object ${n})`,
        });
      levels.push(level);
    } else if (c.afterStructure.roles.get(n)?.some((r) => r.kind === "annotation"))
      levels.push("annotations");
    else
      return refused(c, {
        vi: `thêm đối tượng lạ vào danh sách chú thích (đối tượng ${n})`,
        en: `unknown entry added to /Annots (object ${n})`,
      });
  }
  return allowed(levels);
}

export function pageChange(c: ChangeContext): Ruling {
  const old = dictIn(c, c.before, c.old);
  const now = dictIn(c, c.after, c.now);
  if (!old || !now) return refused(c);
  const keys = changedKeys(c.file.buf, old, now);
  const other = keys.filter((k) => k !== "Annots");
  if (other.length > 0) return refused(c, keysText(other));
  return annotsChange(c, old.get("Annots"), now.get("Annots"));
}

export function fieldsArrayChange(
  c: ChangeContext,
  oldValue: PdfObject | null | undefined,
  newValue: PdfObject | null | undefined,
): Ruling {
  const before = refsOf(listIn(c, c.before, oldValue));
  const after = refsOf(listIn(c, c.after, newValue));
  if (before.some((n) => !after.includes(n)))
    return refused(c, {
      vi: "trường bị gỡ khỏi biểu mẫu",
      en: "a field was removed from the form",
    });
  const levels: Level[] = [];
  for (const n of after.filter((x) => !before.includes(x))) {
    const isNewSignature = c.afterStructure.roles
      .get(n)
      ?.some((r) => r.kind === "field" && r.fieldType === "Sig");
    const level = isNewSignature ? newSignatureFieldLevel(c, n) : null;
    if (!level)
      return refused(c, {
        vi: `thêm trường không phải ô chữ ký (đối tượng ${n})`,
        en: `a field that is not a signature field was added (object ${n})`,
      });
    levels.push(level);
  }
  return allowed(levels);
}

/** Every entry of `old` is still in `now`, unchanged or itself only extended. */
export function additionsOnly(
  c: ChangeContext,
  old: PdfObject | null | undefined,
  now: PdfObject | null | undefined,
  depth = 0,
): boolean {
  if (!old) return true;
  if (!now || depth > 8) return false;
  if (sameObject(c.file.buf, old, now)) return true;
  const a = dictIn(c, c.before, old);
  const b = dictIn(c, c.after, now);
  if (!a || !b) return false;
  return [...a].every(([key, value]) => additionsOnly(c, value, b.get(key), depth + 1));
}

export function acroformChange(c: ChangeContext, old: PdfDict | null, now: PdfDict | null): Ruling {
  if (!now) return refused(c);
  const levels: Level[] = [];
  for (const key of changedKeys(c.file.buf, old ?? new Map(), now)) {
    if (key === "SigFlags") levels.push("signing");
    else if (key === "Fields") {
      const r = fieldsArrayChange(c, old?.get("Fields"), now.get("Fields"));
      if (!r.allowed) return r;
      levels.push(...r.levels);
    } else if (key === "DR" && additionsOnly(c, old?.get("DR"), now.get("DR")))
      levels.push("signing");
    else return refused(c, keysText([key]));
  }
  return allowed(levels);
}

export function catalogChange(c: ChangeContext): Ruling {
  const old = dictIn(c, c.before, c.old);
  const now = dictIn(c, c.after, c.now);
  if (!old || !now) return refused(c);
  const levels: Level[] = [];
  for (const key of changedKeys(c.file.buf, old, now)) {
    if (["DSS", "Metadata", "Extensions", "Version"].includes(key)) levels.push("lta");
    else if (key === "AcroForm") {
      const r = acroformChange(
        c,
        dictIn(c, c.before, old.get("AcroForm")),
        dictIn(c, c.after, now.get("AcroForm")),
      );
      if (!r.allowed) return r;
      levels.push(...r.levels);
    } else return refused(c, keysText([key]));
  }
  return allowed(levels);
}

export function newFieldChange(c: ChangeContext): Ruling {
  if (c.role.fieldType !== "Sig") return refused(c);
  const level = newSignatureFieldLevel(c, c.num);
  return level ? allowed([level]) : refused(c);
}

export function fieldChange(c: ChangeContext): Ruling {
  const old = dictIn(c, c.before, c.old);
  const now = dictIn(c, c.after, c.now);
  if (!old || !now) return refused(c);
  const keys = changedKeys(c.file.buf, old, now);
  const other = keys.filter((k) => !["V", "AP", "AS"].includes(k));
  if (other.length > 0) return refused(c, keysText(other));
  if (c.role.fieldType !== "Sig") return allowed(["form-filling"]);
  if (c.role.signed) return refused(c, { vi: "ô đã ký", en: "the field was already signed" });
  const widget = c.afterStructure.widgets.get(c.num);
  const signedNow =
    widget?.signed ??
    c.afterStructure.fields.some((f) => f.num === c.num && dictIn(c, c.after, f.dict.get("V")));
  if (!signedNow)
    return refused(c, {
      vi: "ô chữ ký trống bị đổi mà không ký",
      en: "an empty signature field changed without being signed",
    });
  return allowed([isDocTimestamp(c, c.after, now.get("V")) ? "lta" : "signing"]);
}

export function appearanceChange(c: ChangeContext): Ruling {
  const { role } = c;
  if (role.field === undefined) return allowed(["annotations"]);
  if (role.fieldType !== "Sig") return allowed(["form-filling"]);
  // The appearance of a new signature field: a document timestamp's needs no more than LTA.
  if (
    c.change === "added" &&
    role.owner !== undefined &&
    !c.beforeStructure.widgets.has(role.owner)
  ) {
    return allowed([newSignatureFieldLevel(c, role.owner) === "lta" ? "lta" : "signing"]);
  }
  // Whether the field was signed before this update: an object added by the update takes its
  // role from after it, when the field it belongs to has just been signed.
  const signedBefore =
    role.owner !== undefined ? c.beforeStructure.widgets.get(role.owner)?.signed : role.signed;
  if (signedBefore) return refused(c, { vi: "ô đã ký", en: "the field was already signed" });
  const signedNow = role.owner !== undefined && c.afterStructure.widgets.get(role.owner)?.signed;
  return signedNow
    ? allowed(["signing"])
    : refused(c, {
        vi: "ô chữ ký trống bị đổi mà không ký",
        en: "an empty signature field changed without being signed",
      });
}
