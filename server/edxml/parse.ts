// Reads edXML packages as they come from other systems, which are not always tidy: organisation
// ids off the Decision 20 pattern, numbers that are not numbers, several recipients, zipped
// attachments, optional fields left out, signatures that cannot be checked. Whatever is
// well-formed is accepted, with a warning for each thing that could not be checked; what is not
// (broken XML, another namespace, no header, bad base64, a signature the content does not match)
// is refused with the reason. Nothing is stored here: the caller decides what to keep.
import { X509Certificate } from "node:crypto";
import { DOMParser } from "@xmldom/xmldom";
import { unzipSync } from "fflate";
import { SignedXml } from "xml-crypto";
import { child, children, descendants, text } from "./dom";
import {
  DSIG_NS,
  EDXML_NS,
  fromEdxmlDate,
  ORGAN_ID_PATTERN,
  type EdxmlAttachment,
  type EdxmlDocumentFields,
  type EdxmlOrgan,
  type EdxmlResponseFor,
  type EdxmlStaff,
  type EdxmlStatusFields,
} from "./model";

/** A message key of messages/*.json (namespace `edxml`) and its values. */
export type EdxmlNote = { key: string; params?: Record<string, string | number> };

export type EdxmlSignature = {
  /** Whether the package carries an XML signature at all. */
  present: boolean;
  /** true: the content matches it; null: it could not be checked (no certificate). */
  valid: boolean | null;
  signer: string | null;
  /** KeyInfo's certificates, the signer's first: the caller checks them against its anchors. */
  certificates: X509Certificate[];
};

export type EdxmlParsed =
  | {
      ok: true;
      kind: "document";
      fields: EdxmlDocumentFields;
      attachments: EdxmlAttachment[];
      signature: EdxmlSignature;
      warnings: EdxmlNote[];
    }
  | {
      ok: true;
      kind: "status";
      fields: EdxmlStatusFields;
      attachments: [];
      signature: EdxmlSignature;
      warnings: EdxmlNote[];
    }
  | { ok: false; kind: "document" | "status" | null; error: EdxmlNote; warnings: EdxmlNote[] };

/** Packages larger than this are refused before parsing (attachments are base64 inside). */
export const EDXML_MAX_BYTES = 60 * 1024 * 1024;

const STATUS_CODES = new Set(["01", "02", "03", "04", "05", "06", "13", "15", "16"]);

class Refusal extends Error {
  constructor(readonly note: EdxmlNote) {
    super(note.key);
  }
}
const refuse = (key: string, params?: Record<string, string | number>): never => {
  throw new Refusal({ key, params });
};

function organ(node: Element | undefined): EdxmlOrgan | undefined {
  if (!node) return undefined;
  const o: EdxmlOrgan = { OrganId: text(node, "OrganId") ?? "" };
  for (const key of [
    "OrganizationInCharge",
    "OrganName",
    "OrganAdd",
    "Email",
    "Telephone",
    "Fax",
    "Website",
  ] as const) {
    const value = text(node, key);
    if (value) o[key] = value;
  }
  return o;
}

function staff(node: Element | undefined): EdxmlStaff | undefined {
  if (!node) return undefined;
  const s: EdxmlStaff = {};
  for (const key of ["Department", "Staff", "Email", "Mobile"] as const) {
    const value = text(node, key);
    if (value) s[key] = value;
  }
  return s;
}

function responseFor(node: Element | undefined): EdxmlResponseFor | undefined {
  if (!node) return undefined;
  return {
    OrganId: text(node, "OrganId") ?? "",
    Code: text(node, "Code"),
    PromulgationDate: text(node, "PromulgationDate"),
    DocumentId: text(node, "DocumentId"),
  };
}

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function checkOrganId(id: string, where: string, warnings: EdxmlNote[]) {
  if (id && !ORGAN_ID_PATTERN.test(id)) {
    warnings.push({ key: "edxml.organIdPattern", params: { id, where } });
  }
}

function checkDate(value: string | undefined, field: string, warnings: EdxmlNote[]) {
  if (value && !fromEdxmlDate(value)) {
    warnings.push({ key: "edxml.dateUnreadable", params: { field, value } });
  }
}

function documentFields(envelope: Element, warnings: EdxmlNote[]): EdxmlDocumentFields {
  const header = child(envelope, "edXMLHeader") ?? refuse("edxml.missingHeader");
  const message = child(header, "MessageHeader") ?? refuse("edxml.missingHeader");
  const from = organ(child(message, "From"));
  if (!from?.OrganId) refuse("edxml.missingField", { field: "From/OrganId" });
  const subject = text(message, "Subject") ?? refuse("edxml.missingField", { field: "Subject" });
  const code = child(message, "Code");
  const promulgation = child(message, "PromulgationInfo");
  const type = child(message, "DocumentType");
  const signer = child(message, "SignerInfo");
  const other = child(message, "OtherInfo");
  const traces = child(header, "TraceHeaderList");
  const business = child(traces, "Bussiness");
  const to = children(message, "To").map((n) => organ(n)!);
  const fields: EdxmlDocumentFields = clean({
    DocumentId: text(message, "DocumentId") ?? "",
    From: from!,
    To: to,
    CodeNumber: text(code, "CodeNumber") ?? "",
    CodeNotation: text(code, "CodeNotation") ?? "",
    Place: text(promulgation, "Place"),
    PromulgationDate: text(promulgation, "PromulgationDate") ?? "",
    Type: text(type, "Type"),
    TypeDetail: text(type, "TypeDetail"),
    TypeName: text(type, "TypeName"),
    Subject: subject,
    Content: text(message, "Content"),
    SignerInfo: signer
      ? clean({
          Competence: text(signer, "Competence"),
          Position: text(signer, "Position"),
          FullName: text(signer, "FullName"),
        })
      : undefined,
    DueDate: text(message, "DueDate"),
    ToPlaces: child(message, "ToPlaces")
      ? children(child(message, "ToPlaces")!, "Place").map((p) => p.textContent?.trim() ?? "")
      : undefined,
    Priority: text(other, "Priority"),
    SphereOfPromulgation: text(other, "SphereOfPromulgation"),
    TyperNotation: text(other, "TyperNotation"),
    PromulgationAmount: text(other, "PromulgationAmount"),
    PageAmount: text(other, "PageAmount"),
    Appendixes: child(other, "Appendixes")
      ? children(child(other, "Appendixes")!, "Appendix").map((a) => a.textContent?.trim() ?? "")
      : undefined,
    ResponseFor: responseFor(child(message, "ResponseFor")),
    SteeringType: text(message, "SteeringType"),
    BussinessDocType: text(business, "BussinessDocType"),
    BussinessDocReason: text(business, "BussinessDocReason"),
    StaffInfo: staff(child(business, "StaffInfo")),
    TraceHeaders: traces
      ? children(traces, "TraceHeader").map((t) => ({
          OrganId: text(t, "OrganId") ?? "",
          Timestamp: text(t, "Timestamp") ?? "",
        }))
      : undefined,
  });
  // What could not be checked is said, not refused.
  checkOrganId(from!.OrganId, "From", warnings);
  to.forEach((t) => checkOrganId(t.OrganId, "To", warnings));
  if (to.length === 0) warnings.push({ key: "edxml.noRecipient" });
  for (const f of ["CodeNumber", "CodeNotation", "PromulgationDate"] as const) {
    if (!fields[f]) warnings.push({ key: "edxml.fieldAbsent", params: { field: f } });
  }
  if (!fields.DocumentId)
    warnings.push({ key: "edxml.fieldAbsent", params: { field: "DocumentId" } });
  if (fields.CodeNumber && !/^\d+$/.test(fields.CodeNumber)) {
    warnings.push({ key: "edxml.numberNotNumeric", params: { value: fields.CodeNumber } });
  }
  checkDate(fields.PromulgationDate, "PromulgationDate", warnings);
  checkDate(fields.DueDate, "DueDate", warnings);
  return fields;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function attachmentsOf(root: Element, warnings: EdxmlNote[]): EdxmlAttachment[] {
  const out: EdxmlAttachment[] = [];
  for (const node of descendants(root, "Attachment")) {
    const name = text(node, "AttachmentName") ?? text(node, "ContentId") ?? "attachment";
    const encoded = (
      child(node, "ContentTransferEncoded")?.textContent ??
      child(node, "AttachmentEncoded")?.textContent ??
      ""
    ).replace(/\s+/g, "");
    if (!encoded || encoded.length % 4 !== 0 || !BASE64.test(encoded)) {
      refuse("edxml.badBase64", { name });
    }
    const bytes = Buffer.from(encoded, "base64");
    const contentType = text(node, "ContentType") ?? "application/octet-stream";
    const base: EdxmlAttachment = {
      ContentId: text(node, "ContentId") ?? name,
      AttachmentName: name,
      ContentType: contentType,
      Description: text(node, "Description"),
      bytes,
    };
    const zipped =
      contentType === "application/zip" ||
      (bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3);
    if (!zipped) {
      out.push(base);
      continue;
    }
    try {
      const entries = Object.entries(unzipSync(new Uint8Array(bytes))).filter(
        ([entry]) => !entry.endsWith("/"),
      );
      for (const [entry, data] of entries) {
        out.push({
          ContentId: `${base.ContentId}/${entry}`,
          AttachmentName: entry.split("/").pop() ?? entry,
          ContentType: entry.toLowerCase().endsWith(".pdf")
            ? "application/pdf"
            : "application/octet-stream",
          Description: base.Description,
          bytes: Buffer.from(data),
        });
      }
      warnings.push({ key: "edxml.unzipped", params: { name, count: entries.length } });
    } catch {
      warnings.push({ key: "edxml.zipUnreadable", params: { name } });
      out.push(base);
    }
  }
  return out;
}

const SIGNATURE_ALGORITHMS_WEAK = new Set(["http://www.w3.org/2000/09/xmldsig#rsa-sha1"]);

function checkSignature(xml: string, root: Element, warnings: EdxmlNote[]): EdxmlSignature {
  const signatures = descendants(root, "Signature").filter(
    (s) => s.namespaceURI === DSIG_NS || !s.namespaceURI,
  );
  if (signatures.length === 0) {
    warnings.push({ key: "edxml.unsigned" });
    return { present: false, valid: null, signer: null, certificates: [] };
  }
  const node = signatures[0]!;
  const certificates: X509Certificate[] = [];
  for (const c of descendants(node, "X509Certificate")) {
    try {
      certificates.push(
        new X509Certificate(Buffer.from((c.textContent ?? "").replace(/\s+/g, ""), "base64")),
      );
    } catch {
      // A certificate that is not one cannot check anything; said below if none is left.
    }
  }
  if (certificates.length === 0) {
    warnings.push({ key: "edxml.signatureUncheckable" });
    return { present: true, valid: null, signer: null, certificates };
  }
  const method = descendants(node, "SignatureMethod")[0]?.getAttribute("Algorithm") ?? "";
  if (SIGNATURE_ALGORITHMS_WEAK.has(method)) warnings.push({ key: "edxml.weakSignature" });
  const sig = new SignedXml({
    publicCert: certificates[0]!.toString(),
    getCertFromKeyInfo: () => null,
  });
  let valid = false;
  try {
    sig.loadSignature(node);
    valid = sig.checkSignature(xml);
  } catch {
    valid = false;
  }
  if (!valid) refuse("edxml.signatureMismatch");
  const wholePackage = sig.getReferences().some((r) => r.uri === "" || r.uri === undefined);
  if (!wholePackage) warnings.push({ key: "edxml.signaturePartial" });
  const cn = /CN=([^\n,]+)/.exec(certificates[0]!.subject)?.[1] ?? certificates[0]!.subject;
  return { present: true, valid: true, signer: cn, certificates };
}

function statusFields(root: Element, warnings: EdxmlNote[]): EdxmlStatusFields {
  const header = child(root, "Header") ?? root;
  const code = text(header, "StatusCode") ?? refuse("edxml.missingField", { field: "StatusCode" });
  const answered = responseFor(child(header, "ResponseFor"));
  if (!answered) refuse("edxml.missingField", { field: "ResponseFor" });
  const from = organ(child(header, "From"));
  if (!from?.OrganId) refuse("edxml.missingField", { field: "From/OrganId" });
  if (!STATUS_CODES.has(code)) warnings.push({ key: "edxml.unknownStatusCode", params: { code } });
  checkOrganId(from!.OrganId, "From", warnings);
  const timestamp = text(header, "Timestamp") ?? "";
  if (!timestamp) warnings.push({ key: "edxml.fieldAbsent", params: { field: "Timestamp" } });
  return clean({
    ResponseFor: clean(answered!),
    From: from!,
    StatusCode: code,
    Description: text(header, "Description"),
    Timestamp: timestamp,
    StaffInfo: staff(child(header, "StaffInfo")),
  });
}

/** Reads one package. Never throws for what a package contains; a refusal names the problem. */
export function parseEdxml(bytes: Buffer): EdxmlParsed {
  const warnings: EdxmlNote[] = [];
  let kind: "document" | "status" | null = null;
  try {
    if (bytes.length > EDXML_MAX_BYTES) {
      refuse("edxml.tooLarge", { max: Math.round(EDXML_MAX_BYTES / 1024 / 1024) });
    }
    const xml = bytes.toString("utf8").replace(/^\uFEFF/, "");
    // The parser forgives text around the root element; a package may not have any.
    if (!/^\s*</.test(xml)) refuse("edxml.notWellFormed", { detail: "text before the XML" });
    const problems: string[] = [];
    const doc = new DOMParser({
      errorHandler: {
        error: (message: string) => problems.push(String(message)),
        fatalError: (message: string) => problems.push(String(message)),
      },
    }).parseFromString(xml, "text/xml");
    const top = doc?.documentElement;
    if (problems.length > 0 || !top) {
      refuse("edxml.notWellFormed", { detail: (problems[0] ?? "").split("\n")[0]!.slice(0, 200) });
    }
    const root = top!;
    for (let n = doc.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 && n.textContent?.trim()) {
        refuse("edxml.notWellFormed", { detail: "text outside the root element" });
      }
    }
    if (root.namespaceURI !== EDXML_NS) {
      refuse("edxml.wrongNamespace", { found: root.namespaceURI ?? "" });
    }
    // Some systems wrap the envelope and the attachments in an <edXML> element.
    const envelope = root.localName === "edXML" ? child(root, "edXMLEnvelope") : root;
    if (envelope?.localName === "edXMLEnvelope") {
      kind = "document";
      const fields = documentFields(envelope, warnings);
      const attachments = attachmentsOf(root, warnings);
      const manifest = descendants(envelope, "Reference").filter(
        (r) => r.parentNode && (r.parentNode as Element).localName === "edXMLManifest",
      );
      if (attachments.length === 0) warnings.push({ key: "edxml.noAttachment" });
      else if (manifest.length > 0 && manifest.length > attachments.length) {
        warnings.push({ key: "edxml.attachmentMissing" });
      }
      const signature = checkSignature(xml, root, warnings);
      return { ok: true, kind, fields, attachments, signature, warnings };
    }
    if (root.localName === "Status") {
      kind = "status";
      const fields = statusFields(root, warnings);
      const signature = checkSignature(xml, root, warnings);
      return { ok: true, kind, fields, attachments: [], signature, warnings };
    }
    return refuse("edxml.unknownRoot", { name: root.localName ?? "" });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, kind, error: error.note, warnings };
    throw error;
  }
}
