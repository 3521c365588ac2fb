// The leader's signature and the clerk's number and seal: the two steps that make a draft an
// issued document. Their services unlock the key with the holder's PIN first (a wrong PIN is
// counted even though nothing else happens), then hand it to the workflow engine, which locks the
// document and runs the effects below in one transaction with the history and the audit event.
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { document, documentFile } from "@/db/schema/documents";
import { documentParticipant } from "@/db/schema/participants";
import { approvalMember, outgoingDraft } from "@/db/schema/outgoing";
import { documentSignature } from "@/db/schema/signing";
import { isSecret } from "@/lib/documents";
import { vietnamToday } from "@/lib/dates";
import { AppError, fieldError } from "../errors";
import { readStoredFile, storeGeneratedFile } from "../files/generated";
import { deliverIssued } from "../delivery/deliver";
import { upsertParticipant } from "../incoming/participants";
import type { DocumentRow } from "../incoming/visibility";
import { clerksOf, unitHeads } from "../incoming/workflow-support";
import { issueDateText, numberNotationText } from "../pdf/outgoing/draft";
import { encodeForFieldFont } from "../pdf/outgoing/field-font";
import { chosenRegistryProblem, defaultRegistry, nextRegistryNumber } from "../registry/numbering";
import type { Signer } from "../signing/pki";
import type { Authority } from "../signing/service/authority";
import { requestPdfPades, signPdfPades } from "../signing/service/pades";
import { checkSignatures } from "../signing/service/verify-file";
import { myTurn, type OutgoingContext, type OutgoingOutcome } from "./actions";
import { currentVersion } from "./versions";
import { draftPdf } from "./pdf";
import { awaitApproval, finishAnswered } from "./remote-signing";
import { clearApproverBoxes, closeStep, loadRoute } from "./route";

export type SigningMaterial = {
  certificateId: string;
  signer: Signer;
  authority: Authority;
  crls: Buffer[];
  image: Buffer;
  signerName: string;
  now: Date;
  /** The remote signing service holding the key: the signature waits for the holder's approval. */
  remote?: { provider: string; approvalSeconds: number };
  /** The service's answer to a waiting request: the signature is finished from it. */
  answer?: { requestId: string; signatureValue: Buffer };
};

const refuse = (key: string, params: Record<string, string | number> = {}) =>
  new AppError("CONFLICT", key, params);

/** Fits an image into a widget of this size, whole. */
const fullWidget = (rect: { width: number; height: number }): [number, number, number, number] => [
  0,
  0,
  rect.width,
  rect.height,
];

/** The file name of the issued document: "05-UBND-VP.pdf", or the draft's before it has a number. */
const fileNameOf = (numberNotation: string | null) =>
  `${(numberNotation ?? "van-ban").replace(/[/\\]/g, "-")}.pdf`;

async function setMainFile(tx: Tx, ctx: OutgoingContext, sha256: string, fileName: string) {
  const [main] = await tx
    .select({ id: documentFile.id })
    .from(documentFile)
    .where(and(eq(documentFile.documentId, ctx.doc.id), eq(documentFile.kind, "main")));
  if (main) {
    await tx.update(documentFile).set({ sha256, fileName }).where(eq(documentFile.id, main.id));
  } else {
    await tx.insert(documentFile).values({
      documentId: ctx.doc.id,
      organisationId: ctx.doc.organisationId,
      sha256,
      fileName,
      kind: "main",
      uploadedById: ctx.actor.userId,
    });
  }
}

/**
 * The signed file becomes the document's main file (with our verifier's verdict on each of its
 * signatures) and the signature is recorded with the certificate that made it.
 */
async function keepSigned(
  ctx: OutgoingContext,
  bytes: Uint8Array,
  p: { kind: "leader" | "seal"; field: string; pageCount: number; fileName: string },
) {
  const { tx, actor, doc, signing } = ctx;
  const sha256 = await storeGeneratedFile(tx, bytes, {
    mimeType: "application/pdf",
    pageCount: p.pageCount,
    signatures: await checkSignatures(tx, bytes),
  });
  await setMainFile(tx, ctx, sha256, p.fileName);
  await tx.insert(documentSignature).values({
    documentId: doc.id,
    organisationId: doc.organisationId,
    kind: p.kind,
    field: p.field,
    certificateId: signing!.certificateId,
    signedById: actor.userId,
    signedAt: signing!.now,
    sha256,
  });
}

/**
 * The leader signs at the signature step: the current version laid out as its PDF, the leader's
 * PAdES signature (B-LT) in the LanhDaoKy field with their signature picture, the file kept as the
 * document's, the step passed, and the clerks given it to number and seal. A key held by a remote
 * service leaves the step waiting for the holder's approval (`awaitApproval`); the answer comes
 * back here as `signing.answer` and finishes the signature prepared then.
 */
export async function signAtStep(ctx: OutgoingContext): Promise<OutgoingOutcome> {
  const { tx, actor, doc, signing } = ctx;
  if (!signing) throw new Error("A signature needs the unlocked key");
  const route = await loadRoute(tx, doc.id);
  const { step } = myTurn(ctx, route);
  if (step.kind !== "sign") throw refuse("outgoing.notSignStep");
  const version = await currentVersion(tx, doc.id);
  let signed: { pdf: Uint8Array; field: string; pageCount: number };
  if (signing.answer) {
    signed = await finishAnswered(ctx, { stepId: step.id, version });
  } else {
    const { pdf, layout, placeName } = await draftPdf(tx, doc);
    const field = layout.fields.leader.name;
    const result = await requestPdfPades({
      pdf,
      signer: signing.signer,
      authority: signing.authority,
      crls: signing.crls,
      signature: {
        fieldName: field,
        signerName: signing.signerName,
        reason: "Ký ban hành văn bản",
        location: placeName,
        signingTime: signing.now,
        appearance: {
          images: [{ png: signing.image, rect: fullWidget(layout.fields.leader.rect) }],
        },
      },
    });
    if (result.status === "pending") {
      return awaitApproval(ctx, result, {
        stepId: step.id,
        version,
        field,
        pageCount: layout.pageCount,
      });
    }
    signed = { pdf: result.pdf, field, pageCount: layout.pageCount };
  }
  await keepSigned(ctx, signed.pdf, {
    kind: "leader",
    field: signed.field,
    pageCount: signed.pageCount,
    fileName: fileNameOf(null),
  });
  await tx
    .update(approvalMember)
    .set({ decision: "approved", decidedAt: signing.now, versionNumber: version })
    .where(and(eq(approvalMember.stepId, step.id), eq(approvalMember.userId, actor.userId)));
  await closeStep(tx, step.id, "approved", signing.now);
  await clearApproverBoxes(tx, doc.id);
  const clerks = await clerksOf(tx, doc.organisationId);
  for (const userId of clerks) {
    await upsertParticipant(tx, {
      documentId: doc.id,
      userId,
      kind: "issuing_clerk",
      organisationId: doc.organisationId,
      box: "to_issue",
      urgency: doc.urgency,
    });
  }
  return {
    to: "signed",
    documentPatch: { signerName: signing.signerName },
    event: {
      action: "signed",
      data: { version, signer: signing.signerName, ...(signing.answer ? { remote: true } : {}) },
    },
    notifications: [{ userIds: clerks, kind: "draftToIssue", messageKey: "draftToIssue" }],
  };
}

/**
 * The clerk numbers, seals and issues a signed document, in one transaction so that a number is
 * used only by a document actually issued: the next number of the outgoing registry (secret
 * documents in their own), the number and date filled into the page's fields and the
 * organisation's PAdES signature (B-LT) with its seal over the left third of the leader's, both
 * in one incremental update; then the document is read-only, distributed inside and given a
 * delivery per outside recipient.
 */
export async function numberSealAndIssue(
  ctx: OutgoingContext,
  p: { action: "issue"; registryId?: string | null },
): Promise<OutgoingOutcome> {
  const { tx, doc, signing } = ctx;
  if (!signing) throw new Error("Issuing needs the seal's unlocked key");
  const [signedFile] = await tx
    .select({ sha256: documentSignature.sha256 })
    .from(documentSignature)
    .where(and(eq(documentSignature.documentId, doc.id), eq(documentSignature.kind, "leader")));
  if (!signedFile) throw refuse("outgoing.notSigned");
  const kind = isSecret(doc.confidentiality) ? "secret_outgoing" : "outgoing";
  // A registry chosen by id is a claim: of this organisation, of the document's kind, open.
  const problem = p.registryId
    ? await chosenRegistryProblem(tx, doc.organisationId, p.registryId, kind)
    : null;
  if (problem) {
    throw fieldError({
      registryId:
        problem === "wrongKind"
          ? "outgoing.registryWrongKind"
          : problem === "inactive"
            ? "reception.registryInactive"
            : "reception.registryUnknown",
    });
  }
  const registryId = p.registryId ?? (await defaultRegistry(tx, doc.organisationId, kind)).id;
  const { period, number } = await nextRegistryNumber(tx, { registryId, on: signing.now });
  const { layout, notation, placeName } = await draftPdf(tx, doc);
  const signedPdf = await readStoredFile(signedFile.sha256);
  const today = vietnamToday(signing.now);
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const numberText = numberNotationText(number, notation);
  const dateText = issueDateText({ year, month, day });
  if (signing.remote) throw refuse("signing.sealRemote");
  const sealed = await signPdfPades({
    pdf: signedPdf,
    signer: signing.signer,
    authority: signing.authority,
    crls: signing.crls,
    signature: {
      fieldName: layout.fields.seal.name,
      signerName: signing.signerName,
      reason: `Phát hành văn bản số ${numberText}`,
      location: placeName,
      signingTime: signing.now,
      appearance: { images: [{ png: signing.image, rect: fullWidget(layout.fields.seal.rect) }] },
      fillTextFields: [
        {
          name: layout.fields.number.name,
          value: numberText,
          encodedHex: await encodeForFieldFont(signedPdf, numberText, layout.fields.number.name),
          fontSize: layout.fields.number.fontSize,
        },
        {
          name: layout.fields.date.name,
          value: dateText,
          encodedHex: await encodeForFieldFont(signedPdf, dateText, layout.fields.date.name),
          fontSize: layout.fields.date.fontSize,
        },
      ],
    },
  });
  await keepSigned(ctx, sealed, {
    kind: "seal",
    field: layout.fields.seal.name,
    pageCount: layout.pageCount,
    fileName: fileNameOf(numberText),
  });
  const documentPatch = {
    registryId,
    registryPeriod: period,
    registryNumber: number,
    registeredAt: signing.now,
    codeNumber: String(number).padStart(2, "0"),
    codeNotation: notation,
    documentDate: today,
    completedAt: signing.now,
  };
  const distributed = await distribute(tx, ctx, {
    ...doc,
    ...documentPatch,
    issuerCode: doc.issuerCode ?? ctx.actor.organisationCode,
    status: "issued",
  });
  await linkReply(tx, ctx);
  return {
    to: "issued",
    documentPatch,
    event: {
      action: "issued",
      data: { number: numberText, date: today, recipients: distributed.outside },
    },
    notifications: [{ userIds: distributed.inside, kind: "issued", messageKey: "outgoingIssued" }],
  };
}

/**
 * The incoming document this one answers names it as its reply (the follow-up book's "number
 * and notation of the reply"), unless it already has one.
 */
async function linkReply(tx: Tx, ctx: OutgoingContext) {
  const [draft] = await tx
    .select({ answers: outgoingDraft.answersDocumentId })
    .from(outgoingDraft)
    .where(eq(outgoingDraft.documentId, ctx.doc.id));
  if (!draft?.answers) return;
  await tx
    .update(document)
    .set({ replyDocumentId: ctx.doc.id })
    .where(
      and(
        eq(document.id, draft.answers),
        eq(document.organisationId, ctx.doc.organisationId),
        eq(document.direction, "incoming"),
        isNull(document.replyDocumentId),
      ),
    );
}

/**
 * The issued document reaches the units and people named inside the organisation (for
 * information), and each outside organisation gets a delivery record to be sent.
 */
async function distribute(tx: Tx, ctx: OutgoingContext, issued: DocumentRow) {
  const { doc } = ctx;
  const [draft] = await tx
    .select({ recipients: outgoingDraft.recipients })
    .from(outgoingDraft)
    .where(eq(outgoingDraft.documentId, doc.id));
  const recipients = draft?.recipients ?? [];
  const people = new Set<string>();
  for (const r of recipients) {
    if (r.kind === "person") people.add(r.userId);
    if (r.kind === "unit") {
      for (const head of await unitHeads(tx, doc.organisationId, r.unitId)) people.add(head);
    }
  }
  for (const userId of people) {
    await upsertParticipant(tx, {
      documentId: doc.id,
      userId,
      kind: "distributed",
      organisationId: doc.organisationId,
      box: "info_unread",
      urgency: doc.urgency,
    });
  }
  const outside = recipients.filter((r) => r.kind === "organisation" || r.kind === "outside");
  await deliverIssued(
    tx,
    ctx.actor,
    issued,
    {
      organisations: recipients.flatMap((r) =>
        r.kind === "organisation" ? [{ organisationId: r.organisationId, name: r.name }] : [],
      ),
      outside: recipients.flatMap((r) => (r.kind === "outside" ? [r.name] : [])),
    },
    ctx.signing!.now,
  );
  // The clerks' "to issue" box empties for all of them.
  await tx
    .update(documentParticipant)
    .set({ box: "none", updatedAt: new Date() })
    .where(
      and(
        eq(documentParticipant.documentId, doc.id),
        eq(documentParticipant.kind, "issuing_clerk"),
      ),
    );
  return { inside: [...people], outside: outside.map((r) => r.name) };
}
