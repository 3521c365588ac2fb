// Writes edXML packages (QCVN 102:2016) with a DOM, never by pasting strings: a document with
// its attachments in base64, or a status message, each signed with an enveloped XML signature
// (RSA-SHA256 over the whole package, exclusive canonicalisation, the certificate chain in
// KeyInfo).
import type { KeyObject, X509Certificate } from "node:crypto";
import { DOMImplementation, XMLSerializer } from "@xmldom/xmldom";
import { SignedXml } from "xml-crypto";
import {
  EDXML_NS,
  type EdxmlAttachment,
  type EdxmlDocumentFields,
  type EdxmlOrgan,
  type EdxmlResponseFor,
  type EdxmlStaff,
  type EdxmlStatusFields,
} from "./model";

export type PackageSigner = { key: KeyObject; certificates: X509Certificate[] };

const PREFIX = "edXML";

class Writer {
  readonly doc: Document;
  constructor(root: string) {
    this.doc = new DOMImplementation().createDocument(EDXML_NS, `${PREFIX}:${root}`, null);
  }
  get root(): Element {
    return this.doc.documentElement!;
  }
  el(parent: Element, name: string, text?: string | null): Element {
    const node = this.doc.createElementNS(EDXML_NS, `${PREFIX}:${name}`);
    if (text !== undefined && text !== null) node.appendChild(this.doc.createTextNode(text));
    parent.appendChild(node);
    return node;
  }
  /** An element only when it has a value. */
  opt(parent: Element, name: string, text: string | undefined | null) {
    if (text !== undefined && text !== null && text !== "") this.el(parent, name, text);
  }
  organ(parent: Element, name: string, o: EdxmlOrgan) {
    const node = this.el(parent, name);
    this.el(node, "OrganId", o.OrganId);
    for (const key of [
      "OrganizationInCharge",
      "OrganName",
      "OrganAdd",
      "Email",
      "Telephone",
      "Fax",
      "Website",
    ] as const) {
      this.opt(node, key, o[key]);
    }
  }
  responseFor(parent: Element, r: EdxmlResponseFor) {
    const node = this.el(parent, "ResponseFor");
    this.el(node, "OrganId", r.OrganId);
    this.opt(node, "Code", r.Code);
    this.opt(node, "PromulgationDate", r.PromulgationDate);
    this.opt(node, "DocumentId", r.DocumentId);
  }
  staff(parent: Element, s: EdxmlStaff | undefined) {
    if (!s) return;
    const node = this.el(parent, "StaffInfo");
    for (const key of ["Department", "Staff", "Email", "Mobile"] as const) {
      this.opt(node, key, s[key]);
    }
  }
}

const pem = (c: X509Certificate) => c.toString();

/** Signs the serialised package: the signature goes at the end of the header (or the root). */
function signed(xml: string, signer: PackageSigner, location: string): string {
  const sig = new SignedXml({
    privateKey: signer.key.export({ type: "pkcs8", format: "pem" }),
    publicCert: signer.certificates.map(pem).join(""),
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  sig.addReference({
    xpath: "/*",
    isEmptyUri: true,
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    transforms: [
      "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
      "http://www.w3.org/2001/10/xml-exc-c14n#",
    ],
  });
  sig.computeSignature(xml, { location: { reference: location, action: "append" } });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${sig.getSignedXml()}`;
}

/** A document package: header, trace, manifest and the attachments themselves. */
export function buildDocumentPackage(
  fields: EdxmlDocumentFields,
  attachments: EdxmlAttachment[],
  signer: PackageSigner,
): string {
  const w = new Writer("edXMLEnvelope");
  const header = w.el(w.root, "edXMLHeader");
  const message = w.el(header, "MessageHeader");
  w.organ(message, "From", fields.From);
  for (const to of fields.To) w.organ(message, "To", to);
  w.el(message, "DocumentId", fields.DocumentId);
  const code = w.el(message, "Code");
  w.el(code, "CodeNumber", fields.CodeNumber);
  w.el(code, "CodeNotation", fields.CodeNotation);
  const promulgation = w.el(message, "PromulgationInfo");
  w.opt(promulgation, "Place", fields.Place);
  w.el(promulgation, "PromulgationDate", fields.PromulgationDate);
  const type = w.el(message, "DocumentType");
  w.opt(type, "Type", fields.Type);
  w.opt(type, "TypeDetail", fields.TypeDetail);
  w.opt(type, "TypeName", fields.TypeName);
  w.el(message, "Subject", fields.Subject);
  w.opt(message, "Content", fields.Content);
  if (fields.SignerInfo) {
    const signerInfo = w.el(message, "SignerInfo");
    w.opt(signerInfo, "Competence", fields.SignerInfo.Competence);
    w.opt(signerInfo, "Position", fields.SignerInfo.Position);
    w.opt(signerInfo, "FullName", fields.SignerInfo.FullName);
  }
  w.opt(message, "DueDate", fields.DueDate);
  if (fields.ToPlaces?.length) {
    const places = w.el(message, "ToPlaces");
    for (const place of fields.ToPlaces) w.el(places, "Place", place);
  }
  const other = w.el(message, "OtherInfo");
  w.opt(other, "Priority", fields.Priority);
  w.opt(other, "SphereOfPromulgation", fields.SphereOfPromulgation);
  w.opt(other, "TyperNotation", fields.TyperNotation);
  w.opt(other, "PromulgationAmount", fields.PromulgationAmount);
  w.opt(other, "PageAmount", fields.PageAmount);
  if (fields.Appendixes?.length) {
    const appendixes = w.el(other, "Appendixes");
    for (const a of fields.Appendixes) w.el(appendixes, "Appendix", a);
  }
  if (fields.ResponseFor) w.responseFor(message, fields.ResponseFor);
  w.opt(message, "SteeringType", fields.SteeringType);

  const traces = w.el(header, "TraceHeaderList");
  for (const t of fields.TraceHeaders ?? []) {
    const trace = w.el(traces, "TraceHeader");
    w.el(trace, "OrganId", t.OrganId);
    w.el(trace, "Timestamp", t.Timestamp);
  }
  const business = w.el(traces, "Bussiness");
  w.el(business, "DocumentId", fields.DocumentId);
  w.el(business, "BussinessDocType", fields.BussinessDocType ?? "0");
  w.opt(business, "BussinessDocReason", fields.BussinessDocReason);
  w.staff(business, fields.StaffInfo);

  const body = w.el(w.root, "edXMLBody");
  const manifest = w.el(body, "edXMLManifest");
  manifest.setAttribute("version", "1.0");
  for (const a of attachments) {
    const reference = w.el(manifest, "Reference");
    w.el(reference, "ContentId", a.ContentId);
    w.el(reference, "ContentType", a.ContentType);
    w.opt(reference, "Description", a.Description);
    w.el(reference, "AttachmentName", a.AttachmentName);
  }
  const encoded = w.el(w.root, "AttachmentEncoded");
  for (const a of attachments) {
    const attachment = w.el(encoded, "Attachment");
    w.el(attachment, "ContentId", a.ContentId);
    w.el(attachment, "AttachmentName", a.AttachmentName);
    w.opt(attachment, "Description", a.Description);
    w.el(attachment, "ContentType", a.ContentType);
    w.el(attachment, "ContentTransferEncoded", a.bytes.toString("base64"));
  }
  const xml = new XMLSerializer().serializeToString(w.doc);
  return signed(xml, signer, "//*[local-name(.)='edXMLHeader']");
}

/** A status message answering a document (ResponseFor), signed like a document package. */
export function buildStatusPackage(fields: EdxmlStatusFields, signer: PackageSigner): string {
  const w = new Writer("Status");
  const header = w.el(w.root, "Header");
  w.responseFor(header, fields.ResponseFor);
  w.organ(header, "From", fields.From);
  w.el(header, "StatusCode", fields.StatusCode);
  w.opt(header, "Description", fields.Description);
  w.el(header, "Timestamp", fields.Timestamp);
  w.staff(header, fields.StaffInfo);
  const xml = new XMLSerializer().serializeToString(w.doc);
  return signed(xml, signer, "/*");
}
