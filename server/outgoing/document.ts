import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document, documentEvent } from "@/db/schema/documents";
import { draftComment, draftVersion, outgoingDraft } from "@/db/schema/outgoing";
import { documentSignature } from "@/db/schema/signing";
import { appUser } from "@/db/schema/users";
import { replacementLinks } from "../delivery/replace";
import { formatNumberNotation } from "@/lib/documents";
import { can } from "@/lib/permissions";
import type { Actor } from "../authz/actor";
import { AppError } from "../errors";
import { documentFilesOf } from "../files/document-files";
import { loadVisibleDocument, visibleTo } from "../incoming/visibility";
import { answeredDocument } from "./reply";
import { activeStep, loadRoute } from "./route";
import { outgoingTransitions } from "./transitions";

/** Everything the draft's page shows: fields, body, route and decisions, comments, history. */
export async function getOutgoingDocument(db: Db, actor: Actor, input: { id: string }) {
  const doc = await loadVisibleDocument(db, actor, input.id);
  if (doc.direction !== "outgoing") throw new AppError("NOT_FOUND", "errors.notFound");
  const [draftRows, versions, comments, history, files, signatures] = await Promise.all([
    db.select().from(outgoingDraft).where(eq(outgoingDraft.documentId, doc.id)),
    db
      .select({
        number: draftVersion.number,
        createdAt: draftVersion.createdAt,
        author: appUser.fullName,
      })
      .from(draftVersion)
      .innerJoin(appUser, eq(appUser.id, draftVersion.createdById))
      .where(eq(draftVersion.documentId, doc.id))
      .orderBy(desc(draftVersion.number)),
    db
      .select()
      .from(draftComment)
      .where(eq(draftComment.documentId, doc.id))
      .orderBy(asc(draftComment.createdAt)),
    db
      .select()
      .from(documentEvent)
      .where(eq(documentEvent.documentId, doc.id))
      .orderBy(asc(documentEvent.createdAt), asc(documentEvent.id)),
    documentFilesOf(db, doc.id),
    db
      .select({
        kind: documentSignature.kind,
        signedBy: appUser.fullName,
        signedAt: documentSignature.signedAt,
      })
      .from(documentSignature)
      .innerJoin(appUser, eq(appUser.id, documentSignature.signedById))
      .where(eq(documentSignature.documentId, doc.id))
      .orderBy(asc(documentSignature.signedAt)),
  ]);
  const draft = draftRows[0];
  if (!draft) throw new AppError("NOT_FOUND", "errors.notFound");
  const route = await db.transaction((tx) => loadRoute(tx, doc.id));
  const names = new Map(
    (
      await db
        .select({ id: appUser.id, fullName: appUser.fullName })
        .from(appUser)
        .where(eq(appUser.organisationId, doc.organisationId))
    ).map((u) => [u.id, u.fullName]),
  );
  const active = activeStep(route);
  const mine = active?.members.find((m) => m.userId === actor.userId && m.decision === "pending");
  const isDrafter = doc.createdById === actor.userId;
  const allowed = outgoingTransitions
    .filter((t) => t.from.includes(doc.status as never) && can(actor.roles, t.who))
    .map((t) => t.action)
    .filter((action) => {
      if (action === "saveDraft" || action === "sendOnRoute") return isDrafter;
      if (action === "approveStep") return Boolean(mine) && active?.kind !== "sign";
      // Only the leader whose signature the signature step waits for.
      if (action === "sign") return Boolean(mine) && active?.kind === "sign";
      if (action === "returnDraft" || action === "refuse") return Boolean(mine);
      return true;
    });
  return {
    id: doc.id,
    version: doc.version,
    status: doc.status,
    documentType: doc.documentType,
    subject: doc.subject,
    urgency: doc.urgency,
    confidentiality: doc.confidentiality,
    issuerName: doc.issuerName,
    drafter: { id: doc.createdById, name: names.get(doc.createdById) ?? "" },
    draft: {
      body: draft.body,
      recipients: draft.recipients,
      copiesTo: draft.copiesTo,
      signerId: draft.signerId,
      signerName: draft.signerId ? (names.get(draft.signerId) ?? null) : null,
      signingAuthority: draft.signingAuthority,
      signerTitle: draft.signerTitle,
      draftingUnitId: draft.draftingUnitId,
      answersDocumentId: draft.answersDocumentId,
      currentVersion: draft.currentVersion,
    },
    /**
     * The files: the attachments of the current version, and once signed the signed PDF (the main
     * file), with the verdict of each signature on it.
     */
    files,
    signatures,
    /** The incoming document this one answers. */
    answers: await answeredDocument(db, actor, draft.answersDocumentId),
    /** The answers that arrived to this document from its recipients (edXML ResponseFor). */
    responses: doc.status === "issued" ? await responsesTo(db, actor, doc.id) : [],
    /** The earlier document it replaces, and the later one that replaces it. */
    replacement: await replacementLinks(db, actor, doc),
    /** The number, notation and date given at issue. */
    issued:
      doc.status === "issued" && doc.codeNumber
        ? {
            numberNotation: formatNumberNotation(doc.codeNumber, doc.codeNotation),
            documentDate: doc.documentDate,
            registryNumber: doc.registryNumber,
          }
        : null,
    versions,
    comments: comments.map((c) => ({
      id: c.id,
      versionNumber: c.versionNumber,
      author: c.authorName,
      body: c.body,
      createdAt: c.createdAt,
    })),
    route: route.map((s) => ({
      position: s.position,
      kind: s.kind,
      rule: s.rule,
      status: s.status,
      members: s.members.map((m) => ({
        userId: m.userId,
        name: names.get(m.userId) ?? "",
        decision: m.decision,
        comment: m.comment,
        decidedAt: m.decidedAt,
        versionNumber: m.versionNumber,
      })),
    })),
    /** Who holds the draft now: the active step's members still to decide, or the drafter. */
    heldBy:
      doc.status === "on_route" && active
        ? active.members
            .filter((m) => m.decision === "pending")
            .map((m) => names.get(m.userId) ?? "")
        : ["draft", "returned_to_drafter"].includes(doc.status)
          ? [names.get(doc.createdById) ?? ""]
          : [],
    history: history.map((e) => ({
      id: e.id,
      action: e.action,
      actorName: e.actorName,
      note: e.note,
      data: e.data,
      createdAt: e.createdAt,
    })),
    allowed,
  };
}

/** The documents that arrived answering this one, those the actor sees. */
async function responsesTo(db: Db, actor: Actor, documentId: string) {
  const rows = await db
    .select({
      id: document.id,
      subject: document.subject,
      issuerName: document.issuerName,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      documentDate: document.documentDate,
      status: document.status,
    })
    .from(document)
    .where(and(eq(document.respondsToDocumentId, documentId), visibleTo(actor)))
    .orderBy(asc(document.createdAt));
  return rows.map((r) => ({
    ...r,
    numberNotation: formatNumberNotation(r.codeNumber, r.codeNotation),
  }));
}
