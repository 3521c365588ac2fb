// The edXML package of QCVN 102:2016 as this application reads and writes it: the header fields
// under their edXML names, the attachments, and the status message.

export const EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
export const DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

/** An organisation as the header names it (From, To, ResponseFor). */
export type EdxmlOrgan = {
  OrganId: string;
  OrganizationInCharge?: string;
  OrganName?: string;
  OrganAdd?: string;
  Email?: string;
  Telephone?: string;
  Fax?: string;
  Website?: string;
};

export type EdxmlResponseFor = {
  OrganId: string;
  Code?: string;
  /** yyyy/MM/dd, as in the package. */
  PromulgationDate?: string;
  DocumentId?: string;
};

export type EdxmlStaff = { Department?: string; Staff?: string; Email?: string; Mobile?: string };

/** The header of a document package (MessageHeader and the business part of TraceHeaderList). */
export type EdxmlDocumentFields = {
  DocumentId: string;
  From: EdxmlOrgan;
  To: EdxmlOrgan[];
  CodeNumber: string;
  CodeNotation: string;
  Place?: string;
  /** yyyy/MM/dd */
  PromulgationDate: string;
  Type?: string;
  TypeDetail?: string;
  TypeName?: string;
  Subject: string;
  Content?: string;
  SignerInfo?: { Competence?: string; Position?: string; FullName?: string };
  /** yyyy/MM/dd */
  DueDate?: string;
  ToPlaces?: string[];
  Priority?: string;
  SphereOfPromulgation?: string;
  TyperNotation?: string;
  PromulgationAmount?: string;
  PageAmount?: string;
  Appendixes?: string[];
  ResponseFor?: EdxmlResponseFor;
  SteeringType?: string;
  /** 0 new, 1 recall, 2 update, 3 replace. */
  BussinessDocType?: string;
  BussinessDocReason?: string;
  StaffInfo?: EdxmlStaff;
  /** The trace: where the package has been, oldest first. */
  TraceHeaders?: { OrganId: string; Timestamp: string }[];
};

export type EdxmlAttachment = {
  ContentId: string;
  AttachmentName: string;
  ContentType: string;
  Description?: string;
  bytes: Buffer;
};

/** A status message: how far a document has gone at its recipient. */
export type EdxmlStatusFields = {
  ResponseFor: EdxmlResponseFor;
  From: EdxmlOrgan;
  StatusCode: string;
  Description?: string;
  /** yyyy/MM/dd HH:mm:ss */
  Timestamp: string;
  StaffInfo?: EdxmlStaff;
};

/** The Decision 20/2020 organisation code: V1V2V3.Z1Z2.Y1Y2.H49 (3, 2, 2, 3 characters). */
export const ORGAN_ID_PATTERN = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$/;

/** The identity of a document across systems: issuer, date, number and notation. */
export const documentIdOf = (p: {
  organId: string;
  date: string;
  codeNumber: string;
  codeNotation: string;
}) => `${p.organId},${p.date},${p.codeNumber}/${p.codeNotation}`;

/** yyyy-MM-dd ⇄ the package's yyyy/MM/dd. */
export const toEdxmlDate = (day: string) => day.replaceAll("-", "/");

/** A package date (yyyy/MM/dd, yyyy-MM-dd or dd/MM/yyyy) as yyyy-MM-dd, or null if it is none. */
export function fromEdxmlDate(text: string | undefined): string | null {
  if (!text) return null;
  const value = text.trim();
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T].*)?$/.exec(value);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [];
  if (!m) {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (m) [d, mo, y] = [m[1], m[2], m[3]];
  }
  if (!y || !mo || !d) return null;
  const day = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}
