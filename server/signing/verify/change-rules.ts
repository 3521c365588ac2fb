// What may change in a PDF after a signature, object by object: one row per (role × change),
// read like the specification (ISO 32000-2 §12.8.2 DocMDP/FieldMDP, PAdES LTV additions).
// Anything no row allows is refused, and the signature before it is invalid.
//
// A change that is allowed names the permission it needs ("levels"): a certification signature's
// DocMDP /P grants some of them (P=1: lta; P=2: lta, signing, invisible signature fields, form
// filling; P=3: also annotations); without certification everything but annotations is granted.
import {
  acroformChange,
  additionsOnly,
  allowed,
  annotsChange,
  appearanceChange,
  catalogChange,
  type ChangeContext,
  type ChangeKind,
  dictIn,
  fieldChange,
  fieldsArrayChange,
  isDocTimestamp,
  type Level,
  newFieldChange,
  pageChange,
  refused,
  type Ruling,
} from "./change-inspections";
import { type RoleKind } from "./pdf-structure";

export type { ChangeContext, ChangeKind, Level, Ruling, Text } from "./change-inspections";

type Rule = {
  role: RoleKind;
  change: ChangeKind | "any";
  ruling: "allowed" | "refused" | "inspect";
  levels?: Level[];
  why: string;
  inspect?: (ctx: ChangeContext) => Ruling;
};

/** The rule table. The first row matching (role, change) decides. */
export const changeRules: Rule[] = [
  {
    role: "page",
    change: "any",
    ruling: "inspect",
    why: "a page may only gain annotations in /Annots (new signature widgets; others only under DocMDP P=3)",
    inspect: (c) => (c.change === "modified" ? pageChange(c) : refused(c)),
  },
  {
    role: "pages",
    change: "any",
    ruling: "refused",
    why: "the page tree is signed: no page may be added, removed or reordered",
  },
  {
    role: "page-content",
    change: "any",
    ruling: "refused",
    why: "page content streams are what the signer saw",
  },
  {
    role: "page-resources",
    change: "any",
    ruling: "refused",
    why: "fonts, images and other resources of a page change what it shows",
  },
  {
    role: "annots",
    change: "added",
    ruling: "allowed",
    levels: [],
    why: "a new /Annots array is judged on the page that points to it",
  },
  {
    role: "annots",
    change: "modified",
    ruling: "inspect",
    why: "an annotation list may only grow, by allowed annotations",
    inspect: (c) => annotsChange(c, c.old, c.now),
  },
  {
    role: "annots",
    change: "removed",
    ruling: "refused",
    why: "the annotation list of a signed page cannot disappear",
  },
  {
    role: "annotation",
    change: "any",
    ruling: "allowed",
    levels: ["annotations"],
    why: "annotations (comments) may be added or edited only when a certification grants P=3",
  },
  {
    role: "field",
    change: "added",
    ruling: "inspect",
    why: "a new field may only be a signature field",
    inspect: newFieldChange,
  },
  {
    role: "field",
    change: "modified",
    ruling: "inspect",
    why: "a form field may change its value (/V, /AS) and the appearance that shows it; an empty signature field may be signed; a signed one never changes",
    inspect: fieldChange,
  },
  {
    role: "field",
    change: "removed",
    ruling: "refused",
    why: "fields of a signed document cannot be removed",
  },
  {
    role: "appearance",
    change: "any",
    ruling: "inspect",
    why: "appearance streams: of a form field when it is filled, of an empty signature field when it is signed, of other annotations only under P=3; a signed field's never",
    inspect: appearanceChange,
  },
  {
    role: "acroform",
    change: "added",
    ruling: "allowed",
    levels: [],
    why: "a new form dictionary is judged where the catalog points to it",
  },
  {
    role: "acroform",
    change: "modified",
    ruling: "inspect",
    why: "the form may only change /SigFlags, add signature fields to /Fields and add default resources",
    inspect: (c) => acroformChange(c, dictIn(c, c.before, c.old), dictIn(c, c.after, c.now)),
  },
  {
    role: "acroform",
    change: "removed",
    ruling: "refused",
    why: "the form of a signed document cannot disappear",
  },
  {
    role: "fields-array",
    change: "added",
    ruling: "allowed",
    levels: [],
    why: "a new field list is judged where it is referenced",
  },
  {
    role: "fields-array",
    change: "modified",
    ruling: "inspect",
    why: "a field list may only grow, by new signature fields",
    inspect: (c) => fieldsArrayChange(c, c.old, c.now),
  },
  {
    role: "fields-array",
    change: "removed",
    ruling: "refused",
    why: "a field list cannot disappear",
  },
  {
    role: "form-resources",
    change: "added",
    ruling: "allowed",
    levels: [],
    why: "new default resources are judged where they are referenced",
  },
  {
    role: "form-resources",
    change: "modified",
    ruling: "inspect",
    why: "default form resources may gain entries, never replace them",
    inspect: (c) => (additionsOnly(c, c.old, c.now) ? allowed(["signing"]) : refused(c)),
  },
  {
    role: "form-resources",
    change: "removed",
    ruling: "refused",
    why: "default form resources in use cannot be removed",
  },
  {
    role: "field-value",
    change: "any",
    ruling: "allowed",
    levels: ["form-filling"],
    why: "a field's value may change by form filling (unless the field is locked)",
  },
  {
    role: "signature",
    change: "added",
    ruling: "inspect",
    why: "a new signature or document timestamp",
    inspect: (c) => allowed([isDocTimestamp(c, c.after, c.now) ? "lta" : "signing"]),
  },
  {
    role: "signature",
    change: "any",
    ruling: "refused",
    why: "a signature value is never rewritten or removed",
  },
  {
    role: "catalog",
    change: "modified",
    ruling: "inspect",
    why: "the catalog may only add or update /DSS, /Metadata, /Extensions, /Version, and make allowed form changes",
    inspect: catalogChange,
  },
  {
    role: "catalog",
    change: "any",
    ruling: "refused",
    why: "the document catalog cannot be replaced or removed",
  },
  {
    role: "dss",
    change: "any",
    ruling: "allowed",
    levels: ["lta"],
    why: "validation data (DSS, VRI) may be added at any time (PAdES B-LT)",
  },
  {
    role: "metadata",
    change: "any",
    ruling: "allowed",
    levels: ["lta"],
    why: "XMP metadata does not change what a page shows",
  },
  {
    role: "info",
    change: "any",
    ruling: "allowed",
    levels: ["lta"],
    why: "the document information dictionary does not change what a page shows",
  },
  {
    role: "perms",
    change: "any",
    ruling: "refused",
    why: "permissions (DocMDP) are fixed by the certification signature",
  },
  {
    role: "document",
    change: "any",
    ruling: "refused",
    why: "outlines, names, actions and other document parts are signed",
  },
  {
    role: "unreferenced",
    change: "any",
    ruling: "allowed",
    levels: [],
    why: "objects nothing points to (cross-reference and object streams, leftovers) cannot change what is shown",
  },
];

/** Judges one change of one object in one of its roles. */
export function judge(c: ChangeContext): Ruling {
  const rule = changeRules.find(
    (r) => r.role === c.role.kind && (r.change === "any" || r.change === c.change),
  );
  if (!rule || rule.ruling === "refused") return refused(c);
  if (rule.ruling === "allowed") return allowed(rule.levels ?? []);
  return rule.inspect!(c);
}

/** The permissions a signature grants to what comes after it. */
export function permittedLevels(docMdp: number | null): Set<Level> {
  if (docMdp === 1) return new Set(["lta"]);
  const base: Level[] = ["lta", "signing", "new-signature-field", "form-filling"];
  if (docMdp === 2) return new Set(base);
  if (docMdp === 3) return new Set([...base, "annotations"]);
  return new Set([...base, "new-visible-signature-field"]);
}
