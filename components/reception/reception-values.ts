import {
  isSecret,
  type Confidentiality,
  type DocumentType,
  type ReceptionChannel,
  type Urgency,
} from "@/lib/documents";
import type { AttachedFile } from "@/lib/schemas/files";
import {
  receptionDateErrors,
  type CheckDuplicateInput,
  type ReceiveDocumentFormValues,
} from "@/lib/schemas/incoming";
import { vietnamToday } from "@/lib/dates";
import type { RegistryKind } from "@/lib/schemas/registry";

/**
 * What the clerk types. The issuer is one text box: `issuerName` holds what it shows, and
 * `issuerOrganisationId` is set only while that text is an organisation picked from the list.
 */
export type ReceptionValues = {
  issuerName: string;
  issuerOrganisationId: string | null;
  codeNumber: string;
  codeNotation: string;
  documentDate: string | null;
  documentType: DocumentType | null;
  subject: string;
  signerName: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  /** Null while it follows the main PDF's page count; a number (or "") once the clerk types. */
  pageCount: number | string | null;
  deadline: string | null;
  receivedVia: ReceptionChannel;
  registryId: string | null;
  notes: string;
};

export const emptyReception: ReceptionValues = {
  issuerName: "",
  issuerOrganisationId: null,
  codeNumber: "",
  codeNotation: "",
  documentDate: null,
  documentType: null,
  subject: "",
  signerName: "",
  urgency: "normal",
  confidentiality: "normal",
  pageCount: null,
  deadline: null,
  receivedVia: "paper",
  registryId: null,
  notes: "",
};

/** A secret document is numbered in the secret book, any other in the incoming one. */
export const registryKindOf = (c: Confidentiality): RegistryKind =>
  isSecret(c) ? "secret" : "incoming";

/** The request: an organisation picked from the list wins over the text it shows. */
export function toReceiveInput(
  values: ReceptionValues,
  extra: { files: AttachedFile[]; pageCount: number | null; acknowledgeDuplicate: boolean },
): ReceiveDocumentFormValues {
  return {
    issuerOrganisationId: values.issuerOrganisationId,
    issuerName: values.issuerOrganisationId ? null : values.issuerName,
    codeNumber: values.codeNumber,
    codeNotation: values.codeNotation,
    documentDate: values.documentDate ?? "",
    // Checked before sending; were it empty, the server would refuse it on its field.
    documentType: values.documentType as DocumentType,
    subject: values.subject,
    signerName: values.signerName,
    urgency: values.urgency,
    confidentiality: values.confidentiality,
    pageCount: extra.pageCount,
    deadline: values.deadline,
    receivedVia: values.receivedVia,
    notes: values.notes,
    files: extra.files,
    registryId: values.registryId,
    acknowledgeDuplicate: extra.acknowledgeDuplicate,
  };
}

/**
 * Enough to look for an earlier registration of the same document: its issuer, its date, and
 * its number or notation. Null while the clerk has not typed that much.
 */
export function duplicateQueryOf(values: ReceptionValues): CheckDuplicateInput | null {
  const codeNumber = values.codeNumber.trim() || null;
  const codeNotation = values.codeNotation.trim() || null;
  const issuerName = values.issuerName.trim() || null;
  if (!values.documentDate || (!codeNumber && !codeNotation) || !issuerName) return null;
  return {
    codeNumber,
    codeNotation,
    documentDate: values.documentDate,
    issuerOrganisationId: values.issuerOrganisationId,
    issuerName: values.issuerOrganisationId ? null : issuerName,
  };
}

type Translate = (key: string) => string;

/** The checks the browser can make before asking the server, in the server's own words. */
export function receptionErrors(values: ReceptionValues, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = t("validation.required");
  if (!values.issuerName.trim()) errors.issuerName = t("reception.issuerRequired");
  if (!values.documentDate) errors.documentDate = required;
  if (!values.documentType) errors.documentType = required;
  if (!values.subject.trim()) errors.subject = required;
  if (values.documentDate) {
    const dates = { documentDate: values.documentDate, deadline: values.deadline };
    for (const [field, key] of Object.entries(receptionDateErrors(dates, vietnamToday()))) {
      errors[field] = t(key);
    }
  }
  return errors;
}
