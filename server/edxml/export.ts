// An issued document as an edXML package, for another system: its header from the document and
// its draft, the signed PDF and the annexes as attachments, the recipients, the document it
// answers (ResponseFor), signed with this deployment's exchange key.
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
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
import { loadVisibleDocument } from "../incoming/visibility";
import { placeOf } from "../outgoing/pdf";
import { buildDocumentPackage } from "./build";
import { exchangeSigner } from "./exchange-key";
import { documentIdOf, toEdxmlDate, type EdxmlAttachment, type EdxmlDocumentFields } from "./model";

const PRIORITY = { normal: "0", urgent: "1", very_urgent: "2", flash: "3" } as const;

const timestamp = (at: Date) =>
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
  const [org] = await db.select().from(organisation).where(eq(organisation.id, doc.organisationId));
  const [draft] = await db.select().from(outgoingDraft).where(eq(outgoingDraft.documentId, doc.id));
  const issuerCode = doc.issuerCode ?? org!.code;
  const date = toEdxmlDate(doc.documentDate!);
  const deliveries = await db
    .select({ id: delivery.recipientOrganisationId, name: delivery.recipientName })
    .from(delivery)
    .where(eq(delivery.documentId, doc.id));
  const recipientIds = deliveries.flatMap((d) => (d.id ? [d.id] : []));
  const recipients =
    recipientIds.length === 0
      ? []
      : await db
          .select({ code: organisation.code, name: organisation.name })
          .from(organisation)
          .where(inArray(organisation.id, recipientIds));
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
    ? (await db.select().from(document).where(eq(document.id, draft.answersDocumentId)))[0]
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
    To: recipients.map((r) => ({ OrganId: r.code, OrganName: r.name })),
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
    ToPlaces: [...deliveries.filter((d) => !d.id).map((d) => d.name), ...(draft?.copiesTo ?? [])],
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
    StaffInfo: { Staff: actor.fullName, Department: actor.unitName ?? undefined },
    TraceHeaders: [{ OrganId: issuerCode, Timestamp: timestamp(now) }],
  };
  const xml = buildDocumentPackage(fields, attachments, await exchangeSigner(db));
  const fileName = `${formatNumberNotation(doc.codeNumber, doc.codeNotation).replace(/[/\\]/g, "-") || "van-ban"}.edxml`;
  return { xml, fileName };
}
