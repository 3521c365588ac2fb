import { z } from "zod";
import { confidentialities, documentTypeKeys, receptionChannels, urgencies } from "@/lib/documents";
import { dayField, idField, int32Field, optionalText, requiredText, searchText } from "./fields";
import { attachedFilesInput } from "./files";
import { vietnamToday } from "@/lib/dates";

const optionalId = idField.nullish().transform((v) => v ?? null);

/** The longest subject (trích yếu) a document may have, in characters. */
export const SUBJECT_MAX = 2000;

const isoDate = dayField;

/** What the clerk can type to identify a document: enough to find it again, and to flag a duplicate. */
const identityFields = {
  codeNumber: optionalText(20),
  codeNotation: optionalText(50),
  /** An organisation of the tree, chosen in the autocomplete... */
  issuerOrganisationId: optionalId,
  /** ...or an outside body, typed in. */
  issuerName: optionalText(255),
  documentDate: isoDate,
};

type IssuerFields = { issuerOrganisationId: string | null; issuerName: string | null };

function refineIssuer(value: IssuerFields, ctx: z.RefinementCtx) {
  if (!value.issuerOrganisationId && !value.issuerName) {
    ctx.addIssue({ code: "custom", path: ["issuerName"], message: "reception.issuerRequired" });
  } else if (value.issuerOrganisationId && value.issuerName) {
    ctx.addIssue({ code: "custom", path: ["issuerName"], message: "reception.issuerOneOf" });
  }
}

/**
 * Date rules of reception, against today's date in Vietnam: a document cannot be dated after
 * it arrived, and a deadline already past would make it overdue on arrival. Shared by the form
 * (today from the browser's clock) and the service (today from the server's).
 */
export function receptionDateErrors(
  value: { documentDate: string; deadline?: string | null },
  today: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (value.documentDate > today) errors.documentDate = "reception.documentDateInFuture";
  if (value.deadline && value.deadline < today) errors.deadline = "reception.deadlinePast";
  if (value.deadline && value.deadline < value.documentDate) {
    errors.deadline ??= "reception.deadlineBeforeDocumentDate";
  }
  return errors;
}

/** Exactly one main file, a PDF; the rest are attachments. */
function refineFiles(value: { files: { fileName: string; kind: string }[] }, ctx: z.RefinementCtx) {
  const mains = value.files.flatMap((f, i) => (f.kind === "main" ? [i] : []));
  if (mains.length === 0) {
    ctx.addIssue({ code: "custom", path: ["files"], message: "reception.mainFileRequired" });
  } else if (mains.length > 1) {
    ctx.addIssue({ code: "custom", path: ["files"], message: "reception.oneMainFile" });
  }
  value.files.forEach((f, i) => {
    // Files added while handling come later, never at reception.
    if (f.kind === "progress") {
      ctx.addIssue({ code: "custom", path: ["files", i, "kind"], message: "validation.choice" });
    }
  });
  for (const i of mains) {
    if (!/\.pdf$/i.test(value.files[i]!.fileName)) {
      ctx.addIssue({
        code: "custom",
        path: ["files", i, "fileName"],
        message: "reception.mainMustBePdf",
      });
    }
  }
}

/** The reception form: a received document as the clerk records it, before it gets its arrival number. */
export const receiveDocumentInput = z
  .object({
    ...identityFields,
    documentType: z.enum(documentTypeKeys),
    subject: requiredText(SUBJECT_MAX, { multiline: true }),
    signerName: optionalText(255),
    urgency: z.enum(urgencies).default("normal"),
    confidentiality: z.enum(confidentialities).default("normal"),
    pageCount: int32Field({ min: 1, max: 100_000 })
      .nullish()
      .transform((v) => v ?? null),
    deadline: isoDate.nullish().transform((v) => v ?? null),
    receivedVia: z.enum(receptionChannels).default("paper"),
    notes: optionalText(2000, { multiline: true }),
    files: attachedFilesInput,
    /** The registry book to number it in; by default the organisation's incoming (or secret) one. */
    registryId: optionalId,
    /** The clerk saw the possible duplicate and confirms this is another document. */
    acknowledgeDuplicate: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    refineIssuer(value, ctx);
    refineFiles(value, ctx);
    for (const [path, message] of Object.entries(receptionDateErrors(value, vietnamToday()))) {
      ctx.addIssue({ code: "custom", path: [path], message });
    }
  });

export type ReceiveDocumentInput = z.infer<typeof receiveDocumentInput>;
export type ReceiveDocumentFormValues = z.input<typeof receiveDocumentInput>;

/** Asked while the clerk types, to flag a possible duplicate before saving. */
export const checkDuplicateInput = z.object(identityFields).superRefine(refineIssuer);
export type CheckDuplicateInput = z.infer<typeof checkDuplicateInput>;

export const issuerChoicesInput = z.object({ query: searchText(100) }).default({ query: "" });
export type IssuerChoicesInput = z.infer<typeof issuerChoicesInput>;
