// An issued document as an edXML package, for another system: its header from the document and
// its draft, the signed PDF and the annexes as attachments, the recipients, the document it
// answers (ResponseFor), signed with this deployment's exchange key.
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { delivery } from "@/db/schema/delivery";
import { document, documentFile } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import { organisation } from "@/db/schema/org";
import { outgoingDraft } from "@/db/schema/outgoing";
import { formatNumberNotation } from "@/lib/documents";
import type { Actor } from "../authz/actor";
import { AppError } from "../errors";
import { readStoredFile } from "../files/generated";
import { translate } from "../i18n/translate";
import { documentColumns, loadVisibleDocument, type DocumentRow } from "../incoming/visibility";
import { placeOf } from "../outgoing/pdf";
import { buildDocumentPackage } from "./build";
import { exchangeSigner } from "./exchange-key";
import {
  documentIdOf,
  toEdxmlDate,
  type EdxmlAttachment,
  type EdxmlDocumentFields,
  type EdxmlStaff,
} from "./model";

const PRIORITY = { normal: "0", urgent: "1", very_urgent: "2", flash: "3" } as const;

/** yyyy/MM/dd HH:mm:ss in Vietnam's time, as packages and status messages write it. */
export const edxmlTimestamp = (at: Date) =>
  at.toLocaleString("sv-SE", { timeZone: "Asia/Ho_Chi_Minh", hour12: false }).replace(/-/g, "/");

/** The package and a file name for it; only an issued outgoing document the actor sees. */
export async function exportPackage(
  db: Db,
  actor: Actor,
  documentId: string,
  now: Date = new Date(),
): Promise<{ xml: string; fileName: string }> {
  const doc = await loadVisibleDocument(db, actor, documentId);
  if (doc.direction !== "outgoing" || doc.status !== "issued") {
    throw new AppError("CONFLICT", "edxml.notIssued");
  }
  const { xml } = await issuedPackage(db, doc, {
    staff: { Staff: actor.fullName, Department: actor.unitName ?? undefined },
    now,
  });
  const fileName = `${formatNumberNotation(doc.codeNumber, doc.codeNotation).replace(/[/\\]/g, "-") || "van-ban"}.edxml`;
  return { xml, fileName };
}

/**
 * The issued document's package. For a peer deployment, `To` names only the recipients it hosts
 * (the others are in ToPlaces), so that it delivers to those alone.
 */
export async function issuedPackage(
  db: DbOrTx,
  doc: DocumentRow,
  options: { staff?: EdxmlStaff; now: Date; peerId?: string },
): Promise<{ xml: string; documentId: string }> {
  const [org] = await db.select().from(organisation).where(eq(organisation.id, doc.organisationId));
  const [draft] = await db.select().from(outgoingDraft).where(eq(outgoingDraft.documentId, doc.id));
  const issuerCode = doc.issuerCode ?? org!.code;
  const date = toEdxmlDate(doc.documentDate!);
  const deliveries = await db
    .select({
      id: delivery.recipientOrganisationId,
      name: delivery.recipientName,
      code: organisation.code,
      orgName: organisation.name,
      peerId: organisation.peerId,
    })
    .from(delivery)
    .leftJoin(organisation, eq(organisation.id, delivery.recipientOrganisationId))
    .where(eq(delivery.documentId, doc.id));
  const addressed = (d: (typeof deliveries)[number]) =>
    d.code !== null && (options.peerId === undefined || d.peerId === options.peerId);
  const recipients = deliveries.filter(addressed);
  const named = deliveries.filter((d) => !addressed(d)).map((d) => d.orgName ?? d.name);
  const files = await db
    .select({
      sha256: documentFile.sha256,
      fileName: documentFile.fileName,
      kind: documentFile.kind,
      mimeType: fileBlob.mimeType,
      pages: fileBlob.pageCount,
    })
    .from(documentFile)
    .innerJoin(fileBlob, eq(fileBlob.sha256, documentFile.sha256))
    .where(eq(documentFile.documentId, doc.id));
  const ordered = [
    ...files.filter((f) => f.kind === "main"),
    ...files.filter((f) => f.kind === "attachment"),
  ];
  const attachments: EdxmlAttachment[] = [];
  for (const [i, f] of ordered.entries()) {
    attachments.push({
      ContentId: `cid:${i + 1}`,
      AttachmentName: f.fileName,
      ContentType: f.mimeType,
      Description: f.kind === "main" ? "Văn bản" : "Phụ lục",
      bytes: Buffer.from(await readStoredFile(f.sha256)),
    });
  }
  const answered = draft?.answersDocumentId
    ? (
        await db
          .select(documentColumns)
          .from(document)
          .where(eq(document.id, draft.answersDocumentId))
      )[0]
    : undefined;
  const titleLines = (draft?.signerTitle ?? "").split("\n").filter((l) => l.trim());
  const fields: EdxmlDocumentFields = {
    DocumentId: documentIdOf({
      organId: issuerCode,
      date,
      codeNumber: doc.codeNumber ?? "",
      codeNotation: doc.codeNotation ?? "",
    }),
    From: { OrganId: issuerCode, OrganName: org!.name, OrganizationInCharge: org!.name },
    To: recipients.map((r) => ({ OrganId: r.code!, OrganName: r.orgName ?? r.name })),
    CodeNumber: doc.codeNumber ?? "",
    CodeNotation: doc.codeNotation ?? "",
    Place: placeOf(org!.name),
    PromulgationDate: date,
    TypeName: translate("vi", `documentTypes.${doc.documentType}`),
    Subject: doc.subject,
    SignerInfo: {
      Competence: titleLines[0],
      Position: titleLines.at(-1),
      FullName: doc.signerName ?? undefined,
    },
    ToPlaces: [...named, ...(draft?.copiesTo ?? [])],
    Priority: PRIORITY[doc.urgency],
    PageAmount: ordered[0]?.pages ? String(ordered[0].pages) : undefined,
    ResponseFor:
      answered && answered.issuerCode
        ? {
            OrganId: answered.issuerCode,
            Code: formatNumberNotation(answered.codeNumber, answered.codeNotation),
            PromulgationDate: answered.documentDate
              ? toEdxmlDate(answered.documentDate)
              : undefined,
            DocumentId:
              answered.documentDate && answered.codeNumber
                ? documentIdOf({
                    organId: answered.issuerCode,
                    date: toEdxmlDate(answered.documentDate),
                    codeNumber: answered.codeNumber,
                    codeNotation: answered.codeNotation ?? "",
                  })
                : undefined,
          }
        : undefined,
    BussinessDocType: "0",
    BussinessDocReason: "Văn bản điện tử mới",
    StaffInfo: options.staff,
    TraceHeaders: [{ OrganId: issuerCode, Timestamp: edxmlTimestamp(options.now) }],
  };
  const xml = buildDocumentPackage(fields, attachments, await exchangeSigner(db));
  return { xml, documentId: fields.DocumentId };
}
