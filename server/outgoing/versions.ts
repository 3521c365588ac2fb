// A draft's versions: every save keeps the whole draft as its next version, with the Decree 30
// fields as they were, and the document's attachments follow the current one.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { documentFile } from "@/db/schema/documents";
import { draftVersion, outgoingDraft } from "@/db/schema/outgoing";
import type { DraftFields } from "@/lib/outgoing";
import type { DraftInput } from "@/lib/schemas/outgoing";
import type { Actor } from "../authz/actor";
import { AppError } from "../errors";
import { bodyText } from "./body-text";

export const fieldsOf = (draft: DraftInput): DraftFields => ({
  documentType: draft.documentType,
  subject: draft.subject,
  urgency: draft.urgency,
  confidentiality: draft.confidentiality,
  recipients: draft.recipients,
  copiesTo: draft.copiesTo,
  signerId: draft.signerId ?? null,
  signingAuthority: draft.signingAuthority,
  signerTitle: draft.signerTitle,
  draftingUnitId: draft.draftingUnitId ?? null,
  answersDocumentId: draft.answersDocumentId ?? null,
  attachments: draft.attachments,
});

/** The draft's Decree 30 fields as `document` and `outgoing_draft` keep them. */
export function draftColumns(draft: DraftInput) {
  return {
    document: {
      documentType: draft.documentType,
      subject: draft.subject,
      urgency: draft.urgency,
      confidentiality: draft.confidentiality,
      replyDocumentId: null,
    },
    outgoing: {
      body: draft.body as Record<string, unknown>,
      bodyText: bodyText(draft.body),
      recipients: draft.recipients,
      copiesTo: draft.copiesTo,
      signerId: draft.signerId ?? null,
      signingAuthority: draft.signingAuthority,
      signerTitle: draft.signerTitle,
      draftingUnitId: draft.draftingUnitId ?? null,
      answersDocumentId: draft.answersDocumentId ?? null,
    },
  };
}

/** Saves the whole draft as its next version. */
export async function saveVersion(
  tx: Tx,
  actor: Actor,
  documentId: string,
  draft: DraftInput,
  number: number,
): Promise<void> {
  await tx.insert(draftVersion).values({
    documentId,
    organisationId: actor.organisationId,
    number,
    fields: fieldsOf(draft),
    body: draft.body as Record<string, unknown>,
    bodyText: bodyText(draft.body),
    createdById: actor.userId,
  });
  await keepAttachments(tx, actor, documentId, draft.attachments);
}

/**
 * The document's attachments follow the current version (checked as the actor's own or readable
 * by checkDraftReferences): those dropped leave the document, new ones join it, so that everyone
 * on the route can open them and the issued document carries them.
 */
async function keepAttachments(
  tx: Tx,
  actor: Actor,
  documentId: string,
  attachments: DraftInput["attachments"],
): Promise<void> {
  const current = await tx
    .select({ id: documentFile.id, sha256: documentFile.sha256, fileName: documentFile.fileName })
    .from(documentFile)
    .where(and(eq(documentFile.documentId, documentId), eq(documentFile.kind, "attachment")));
  const wanted = new Map(attachments.map((a) => [`${a.sha256}/${a.fileName}`, a]));
  const dropped = current.filter((f) => !wanted.delete(`${f.sha256}/${f.fileName}`));
  if (dropped.length > 0) {
    await tx.delete(documentFile).where(
      inArray(
        documentFile.id,
        dropped.map((f) => f.id),
      ),
    );
  }
  if (wanted.size > 0) {
    await tx.insert(documentFile).values(
      [...wanted.values()].map((a) => ({
        documentId,
        organisationId: actor.organisationId,
        sha256: a.sha256,
        fileName: a.fileName,
        kind: "attachment" as const,
        uploadedById: actor.userId,
      })),
    );
  }
}

export async function currentVersion(tx: Tx, documentId: string): Promise<number> {
  const [row] = await tx
    .select({ n: outgoingDraft.currentVersion })
    .from(outgoingDraft)
    .where(eq(outgoingDraft.documentId, documentId));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row.n;
}
