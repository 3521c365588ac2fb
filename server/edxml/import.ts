// A clerk brings in an edXML package received from another system: it is read (refused with the
// reason if broken), its files kept and their PDF signatures checked by our verifier, and it
// arrives in the organisation's reception queue with its metadata, to be registered like any
// electronic document. The same document brought in twice (same issuer, number, notation and
// date) is found again, never kept twice.
import type { X509Certificate } from "node:crypto";
import type { Db, Tx } from "@/db/client";
import { foldVietnamese } from "@/lib/collate";
import { documentTypes, urgencies, type DocumentType, type Urgency } from "@/lib/documents";
import { assertCan, type Actor } from "../authz/actor";
import { recordArrival } from "../delivery/arrival";
import { copyAt } from "../delivery/copies";
import { AppError } from "../errors";
import { detectFileType } from "../files/file-type";
import { storeGeneratedFile } from "../files/generated";
import type { Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { ensureAuthority } from "../signing/service/authority";
import { trustAnchorStatus } from "../signing/service/trust-anchors";
import { checkSignatures } from "../signing/service/verify-file";
import { organisation } from "@/db/schema/org";
import { and, eq } from "drizzle-orm";
import { document } from "@/db/schema/documents";
import {
  fromEdxmlDate,
  type EdxmlAttachment,
  type EdxmlDocumentFields,
  type EdxmlResponseFor,
} from "./model";
import { parseEdxml, type EdxmlNote } from "./parse";

export type ImportResult = {
  documentId: string;
  /** The same document had already arrived: nothing new was kept. */
  duplicate: boolean;
  /** What could not be checked, in the reader's language. */
  warnings: string[];
  signer: string | null;
};

/** Our type for the package's TypeName ("Công văn", "Quyết định"), công văn when none matches. */
function typeOf(name: string | undefined): DocumentType {
  if (!name) return "cong_van";
  const wanted = foldVietnamese(name);
  const found = documentTypes.find(
    (t) => foldVietnamese(translate("vi", `documentTypes.${t.key}`)) === wanted,
  );
  return found?.key ?? "cong_van";
}

const urgencyOf = (priority: string | undefined): Urgency =>
  urgencies[Number(priority)] ?? "normal";

/** Whether the package's certificate chain ends at this deployment's root or an approved one. */
async function trusted(db: Db, certificates: X509Certificate[]): Promise<boolean> {
  if (certificates.length === 0) return false;
  for (let i = 0; i + 1 < certificates.length; i++) {
    if (!certificates[i]!.checkIssued(certificates[i + 1]!)) return false;
    if (!certificates[i]!.verify(certificates[i + 1]!.publicKey)) return false;
  }
  const root = certificates.at(-1)!;
  if ((await ensureAuthority(db)).root.certificate.fingerprint256 === root.fingerprint256) {
    return true;
  }
  return (await trustAnchorStatus(db, root)) === "approved";
}

/** The organisation's own issued document a package answers (ResponseFor), if it names one. */
export async function answered(
  tx: Tx,
  actor: Pick<Actor, "organisationId" | "organisationCode">,
  responseFor: EdxmlResponseFor | undefined,
): Promise<string | null> {
  if (!responseFor || responseFor.OrganId !== actor.organisationCode || !responseFor.Code) {
    return null;
  }
  const slash = responseFor.Code.indexOf("/");
  const date = fromEdxmlDate(responseFor.PromulgationDate);
  if (slash < 1 || !date) return null;
  const [ours] = await tx
    .select({ id: document.id })
    .from(document)
    .where(
      and(
        eq(document.organisationId, actor.organisationId),
        eq(document.direction, "outgoing"),
        eq(document.status, "issued"),
        eq(document.codeNumber, responseFor.Code.slice(0, slash)),
        eq(document.codeNotation, responseFor.Code.slice(slash + 1)),
        eq(document.documentDate, date),
      ),
    );
  return ours?.id ?? null;
}

/** The package's files kept (each PDF's signatures checked); the first PDF is the document. */
export async function storeAttachments(
  tx: Tx,
  attachments: EdxmlAttachment[],
  notes: EdxmlNote[],
): Promise<{ sha256: string; fileName: string; kind: "main" | "attachment" }[]> {
  const files: { sha256: string; fileName: string; kind: "main" | "attachment" }[] = [];
  for (const a of attachments) {
    const type = detectFileType(a.bytes.subarray(0, 16), a.AttachmentName, a.ContentType);
    if (!type.ok) {
      notes.push({ key: "edxml.fileSkipped", params: { name: a.AttachmentName } });
      continue;
    }
    const sha256 = await storeGeneratedFile(tx, a.bytes, {
      mimeType: type.mimeType,
      signatures: type.isPdf ? await checkSignatures(tx, a.bytes) : null,
    });
    const main = type.isPdf && !files.some((f) => f.kind === "main");
    files.push({ sha256, fileName: type.fileName, kind: main ? "main" : "attachment" });
  }
  if (!files.some((f) => f.kind === "main")) throw new AppError("VALIDATION", "edxml.noPdf");
  return files;
}

/** The recipient's copy's metadata from the package header; the issuer named as we know it. */
export async function arrivalValues(tx: Tx, fields: EdxmlDocumentFields) {
  const [issuer] = await tx
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.code, fields.From.OrganId))
    .orderBy(organisation.status)
    .limit(1);
  const from = issuer?.name ?? fields.From.OrganName ?? fields.From.OrganId;
  const values = {
    codeNumber: fields.CodeNumber || null,
    codeNotation: fields.CodeNotation || null,
    documentType: typeOf(fields.TypeName),
    subject: fields.Subject.slice(0, 1000),
    documentDate: fromEdxmlDate(fields.PromulgationDate),
    issuerOrganisationId: issuer?.id ?? null,
    issuerName: from,
    issuerCode: fields.From.OrganId,
    signerName: fields.SignerInfo?.FullName ?? null,
    urgency: urgencyOf(fields.Priority),
    confidentiality: "normal" as const,
    pageCount: Number(fields.PageAmount) > 0 ? Number(fields.PageAmount) : null,
    issuerDeadline: fromEdxmlDate(fields.DueDate),
  };
  return { values, from };
}

export async function importPackage(
  db: Db,
  actor: Actor,
  bytes: Buffer,
  locale: Locale,
  now: Date = new Date(),
): Promise<ImportResult> {
  assertCan(actor, "incoming.receive");
  const parsed = parseEdxml(bytes);
  if (!parsed.ok) throw new AppError("VALIDATION", parsed.error.key, parsed.error.params);
  if (parsed.kind !== "document") throw new AppError("VALIDATION", "edxml.statusNotDocument");
  const { fields, signature } = parsed;
  const notes: EdxmlNote[] = [...parsed.warnings];
  if (signature.valid && !(await trusted(db, signature.certificates))) {
    notes.push({ key: "edxml.untrusted", params: { signer: signature.signer ?? "?" } });
  }
  const documentDate = fromEdxmlDate(fields.PromulgationDate);
  const identity = {
    issuerCode: fields.From.OrganId,
    codeNumber: fields.CodeNumber,
    codeNotation: fields.CodeNotation,
    documentDate,
  };
  return db.transaction(async (tx: Tx) => {
    const existing = documentDate ? await copyAt(tx, actor.organisationId, identity) : null;
    const say = (n: EdxmlNote) => translate(locale, n.key, n.params);
    if (existing) {
      return {
        documentId: existing,
        duplicate: true,
        warnings: notes.map(say),
        signer: signature.signer,
      };
    }
    const files = await storeAttachments(tx, parsed.attachments, notes);
    const { values, from } = await arrivalValues(tx, fields);
    const documentId = await recordArrival(tx, {
      recipientId: actor.organisationId,
      values: { ...values, respondsToDocumentId: await answered(tx, actor, fields.ResponseFor) },
      files,
      actor,
      createdById: actor.userId,
      from,
      data: {
        via: "edxml",
        edxmlDocumentId: fields.DocumentId,
        warnings: notes.map((n) => n.key),
      },
      at: now,
    });
    return { documentId, duplicate: false, warnings: notes.map(say), signer: signature.signer };
  });
}
