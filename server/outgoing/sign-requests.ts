// The requests behind the leader's signature and the clerk's issue: they open the key with the
// holder's PIN before anything is locked (a wrong PIN is counted even though nothing else
// happens), then let the workflow engine run the step (server/outgoing/signing.ts).
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documentSignature, type signingCertificate } from "@/db/schema/signing";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError, stale } from "../errors";
import type { Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { loadVisibleDocument, type DocumentRow } from "../incoming/visibility";
import { formatNumberNotation } from "@/lib/documents";
import { createLocalSigner } from "../signing/pki";
import { ensureAuthority } from "../signing/service/authority";
import { currentCrl } from "../signing/service/certificates";
import { myCertificate, unlockForSigning } from "../signing/service/holder";
import { imageFor } from "../signing/service/images";
import { certificateAndChain, remoteProvider, remoteSigner } from "../signing/service/remote";
import type { DocumentActionResult } from "../workflow/documents";
import { applyAction } from "../workflow/engine";
import type { SigningMaterial } from "./signing";
import { isAwaitingApproval } from "./remote-requests";
import { outgoingWorkflow } from "./workflow";

type CertificateRow = typeof signingCertificate.$inferSelect;

type SignItem = { documentId: string; version: number };

const refuse = (key: string, params: Record<string, string | number> = {}) =>
  new AppError("CONFLICT", key, params);

/** An outgoing document the actor sees (checked again, locked, by the engine). */
async function outgoingDocument(db: Db, actor: Actor, documentId: string) {
  const doc = await loadVisibleDocument(db, actor, documentId);
  if (doc.direction !== "outgoing") throw new AppError("NOT_FOUND", "errors.notFound");
  return doc;
}

/** Whether this leader's signature is already on the document (a repeat, not a new request). */
async function signedBy(db: Db, actor: Actor, documentId: string): Promise<boolean> {
  const [already] = await db
    .select({ signedById: documentSignature.signedById })
    .from(documentSignature)
    .where(and(eq(documentSignature.documentId, documentId), eq(documentSignature.kind, "leader")));
  return already?.signedById === actor.userId;
}

/**
 * A document the leader asks to sign: already signed by them, or waiting for their approval on
 * the remote service (both repeats), or one that may be signed now.
 */
async function toSign(db: Db, actor: Actor, item: SignItem) {
  const doc = await outgoingDocument(db, actor, item.documentId);
  if (await signedBy(db, actor, doc.id)) return { doc, done: true };
  if (await isAwaitingApproval(db, actor, doc.id)) return { doc, done: true };
  if (doc.status !== "on_route") throw refuse("outgoing.notAllowedNow", { status: doc.status });
  if (doc.version !== item.version) throw stale();
  return { doc, done: false };
}

/**
 * The key of the leader (their own certificate) or of the organisation's seal (its clerks'),
 * opened with its PIN, with the picture its signatures show.
 */
async function materialFor(
  db: Db,
  actor: Actor,
  purpose: "person" | "seal",
  pin: string | undefined,
): Promise<SigningMaterial> {
  const certificate = await myCertificate(db, actor, purpose);
  if (!certificate) {
    throw refuse(purpose === "person" ? "signing.noCertificate" : "signing.noSealCertificate");
  }
  const name = purpose === "person" ? actor.fullName : actor.organisationName;
  const key = certificate.remoteProvider
    ? await remoteKey(certificate, name)
    : { signer: createLocalSigner(await unlocked(db, actor, certificate.id, pin)) };
  return {
    certificateId: certificate.id,
    ...key,
    authority: await ensureAuthority(db),
    crls: [await currentCrl(db)],
    image: await imageFor(db, {
      organisationId: actor.organisationId,
      userId: purpose === "person" ? actor.userId : null,
      name,
    }),
    signerName: name,
    now: new Date(),
  };
}

async function unlocked(db: Db, actor: Actor, certificateId: string, pin: string | undefined) {
  if (!pin) throw fieldError({ pin: "signing.pinRequired" });
  return (await unlockForSigning(db, actor, { certificateId, pin })).unlocked;
}

/** A key held by a remote signing service: no PIN here, the holder approves on their phone. */
async function remoteKey(certificate: CertificateRow, name: string) {
  const provider = remoteProvider(certificate.remoteProvider!);
  if (!provider) throw refuse("signing.remoteUnavailable");
  const now = new Date();
  if (certificate.notAfter <= now || certificate.notBefore > now) {
    throw refuse("signing.certificateExpired");
  }
  return {
    signer: remoteSigner(
      provider,
      { keyId: certificate.remoteKeyId!, ...certificateAndChain(certificate) },
      `Liên Thông: ${name} ký văn bản`,
    ),
    remote: { provider: provider.id, approvalSeconds: provider.approvalSeconds },
  };
}

const signWith = (db: Db, actor: Actor, item: SignItem, material: SigningMaterial) =>
  applyAction(
    db,
    actor,
    outgoingWorkflow,
    { id: item.documentId, version: item.version, input: { action: "sign" } },
    { ...material, now: new Date() },
  );

/**
 * The leader signs the draft with their PIN. Idempotent: a repeated request after the signature
 * (a double tap, a retry after a dropped connection) answers with the signed document and signs
 * nothing again.
 */
export async function signDraft(
  db: Db,
  actor: Actor,
  input: SignItem & { pin?: string },
): Promise<SignResult> {
  assertCan(actor, "outgoing.approve");
  const { doc, done } = await toSign(db, actor, input);
  if (done) return signResult(doc);
  return signResult(
    await signWith(db, actor, input, await materialFor(db, actor, "person", input.pin)),
  );
}

type SignResult = DocumentActionResult & {
  /** Still on the route: the remote signing service waits for the leader's approval. */
  awaitingApproval: boolean;
};

const signResult = (doc: DocumentActionResult): SignResult => ({
  id: doc.id,
  status: doc.status,
  version: doc.version,
  awaitingApproval: doc.status === "on_route",
});

export type SignManyResult = {
  documentId: string;
  ok: boolean;
  status?: string;
  version?: number;
  awaitingApproval?: boolean;
  /** Why this one was not signed (or that it waits for approval), in the reader's language. */
  message?: string;
};

/**
 * Batch signing: the leader signs several waiting documents with one PIN. The key is opened
 * once; each document is still checked (visible to them, at their signature step, the version
 * they read) and signed and recorded on its own, so one refused does not stop the others, and
 * each answer says what became of it. Repeats are idempotent as for one signature.
 */
export async function signMany(
  db: Db,
  actor: Actor,
  input: { items: SignItem[]; pin?: string },
  locale: Locale,
): Promise<SignManyResult[]> {
  assertCan(actor, "outgoing.approve");
  const items = [...new Map(input.items.map((i) => [i.documentId, i])).values()];
  const failed = (item: SignItem, error: unknown): SignManyResult => {
    if (!(error instanceof AppError)) throw error;
    return {
      documentId: item.documentId,
      ok: false,
      message: translate(locale, error.messageKey, error.params),
    };
  };
  const checked = await Promise.all(
    items.map(async (item) => {
      try {
        const { doc, done } = await toSign(db, actor, item);
        return done
          ? { item, result: { documentId: doc.id, ok: true, ...signResult(doc) } }
          : { item, result: null };
      } catch (error) {
        return { item, result: failed(item, error) };
      }
    }),
  );
  const pending = checked.filter((c) => c.result === null);
  // A wrong PIN refuses the whole request, counted once.
  const material = pending.length > 0 ? await materialFor(db, actor, "person", input.pin) : null;
  const results: SignManyResult[] = [];
  for (const { item, result } of checked) {
    if (result) {
      results.push(result);
      continue;
    }
    try {
      const signed = signResult(await signWith(db, actor, item, material!));
      results.push({
        documentId: item.documentId,
        ok: true,
        ...signed,
        ...(signed.awaitingApproval
          ? { message: translate(locale, "signing.pendingApproval") }
          : {}),
      });
    } catch (error) {
      results.push(failed(item, error));
    }
  }
  return results;
}

type IssueResult = DocumentActionResult & {
  /** The number and notation given, and the date of issue. */
  numberNotation: string;
  documentDate: string | null;
};

const issuedResult = (doc: DocumentRow): IssueResult => ({
  id: doc.id,
  status: doc.status,
  version: doc.version,
  numberNotation: formatNumberNotation(doc.codeNumber, doc.codeNotation),
  documentDate: doc.documentDate,
});

/**
 * The clerk numbers, seals and issues a signed document with the seal's PIN, and is told the
 * number and date it got. Idempotent too: a repeat answers with the number already given.
 */
export async function issueSigned(
  db: Db,
  actor: Actor,
  input: { documentId: string; version: number; pin?: string; registryId?: string | null },
): Promise<IssueResult> {
  assertCan(actor, "outgoing.issue");
  const doc = await outgoingDocument(db, actor, input.documentId);
  if (doc.status === "issued") return issuedResult(doc);
  if (doc.status !== "signed") throw refuse("outgoing.notAllowedNow", { status: doc.status });
  if (doc.version !== input.version) throw stale();
  const material = await materialFor(db, actor, "seal", input.pin);
  await applyAction(
    db,
    actor,
    outgoingWorkflow,
    {
      id: doc.id,
      version: input.version,
      input: { action: "issue", registryId: input.registryId ?? null },
    },
    material,
  );
  return issuedResult(await outgoingDocument(db, actor, doc.id));
}
