// Receiving from peer deployments (POST /api/exchange/inbox). A package is taken only when its
// XML signature holds and its signer's chain ends at the root of a peer the deployment admin set
// up, and only about organisations that peer hosts: a document from one of them, a status from
// one of them about a document sent to it. Receiving is idempotent: a message already received
// (the same bytes, or a document whose identity has already arrived) is answered "already
// received" and changes nothing, so a sender that retries after a crash delivers once.
import { createHash, X509Certificate } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { delivery } from "@/db/schema/delivery";
import { document } from "@/db/schema/documents";
import { exchangeArrival, exchangeInbox } from "@/db/schema/exchange";
import { exchangePeer, organisation } from "@/db/schema/org";
import { statusCodes, type DeliveryStatus } from "@/lib/delivery";
import { recordArrivals, type Arrival } from "../delivery/arrival";
import { copiesAt } from "../delivery/copies";
import { recordStatus } from "../delivery/report";
import { successorsOf } from "../delivery/successors";
import { answered, arrivalValues, storeAttachments } from "../edxml/import";
import { fromEdxmlDate, type EdxmlDocumentFields, type EdxmlStatusFields } from "../edxml/model";
import { parseEdxml, type EdxmlNote } from "../edxml/parse";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { clerksOfMany } from "../incoming/workflow-support";
import { enqueueStatus } from "./outbox";

type Peer = typeof exchangePeer.$inferSelect;

export type Receipt = {
  kind: "document" | "status";
  duplicate: boolean;
  /** The copies made (a document) or the document reported on (a status). */
  documentIds: string[];
};

/** A refusal the sender should not retry: said in Vietnamese, the sender's admin reads it. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(key);
  }
}

/** The peer whose root the signer's chain ends at (the chain checked link by link). */
async function peerOf(db: Db, certificates: X509Certificate[]): Promise<Peer | null> {
  if (certificates.length === 0) return null;
  const now = new Date();
  const signer = certificates[0]!;
  if (new Date(signer.validFrom) > now || new Date(signer.validTo) < now) return null;
  for (let i = 0; i + 1 < certificates.length; i++) {
    if (!certificates[i]!.checkIssued(certificates[i + 1]!)) return null;
    if (!certificates[i]!.verify(certificates[i + 1]!.publicKey)) return null;
  }
  const last = certificates.at(-1)!;
  for (const peer of await db.select().from(exchangePeer).where(eq(exchangePeer.active, true))) {
    const root = new X509Certificate(peer.rootCertificate);
    if (last.fingerprint256 === root.fingerprint256) return peer;
    if (last.checkIssued(root) && last.verify(root.publicKey)) return peer;
  }
  return null;
}

/** An organisation the peer hosts, by its code: a peer speaks only for its own. */
async function hostedBy(tx: Tx, peer: Peer, code: string) {
  const [org] = await tx
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(eq(organisation.code, code), eq(organisation.peerId, peer.id)))
    .orderBy(organisation.status)
    .limit(1);
  return org ?? null;
}

/** Our organisations among the package's recipients, a merged one by its successor. */
async function localRecipients(tx: Tx, codes: string[]) {
  if (codes.length === 0) return [];
  const named = await tx
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(inArray(organisation.code, codes), isNull(organisation.peerId)));
  const successors = await successorsOf(
    tx,
    named.map((o) => o.id),
  );
  const out = new Map<string, { id: string; code: string }>();
  for (const target of successors.values()) {
    if (target && !target.peerId) out.set(target.id, { id: target.id, code: target.code });
  }
  return [...out.values()];
}

async function receiveDocument(
  tx: Tx,
  peer: Peer,
  fields: EdxmlDocumentFields,
  attachments: Parameters<typeof storeAttachments>[1],
  notes: EdxmlNote[],
  at: Date,
): Promise<string[]> {
  const sender = await hostedBy(tx, peer, fields.From.OrganId);
  if (!sender) throw new Refusal(403, "exchange.notHosted", { code: fields.From.OrganId });
  const recipients = await localRecipients(
    tx,
    fields.To.map((t) => t.OrganId),
  );
  if (recipients.length === 0) throw new Refusal(422, "exchange.noRecipientHere");
  const documentDate = fromEdxmlDate(fields.PromulgationDate);
  const identity = {
    issuerCode: fields.From.OrganId,
    codeNumber: fields.CodeNumber,
    codeNotation: fields.CodeNotation,
    documentDate,
  };
  const existing = documentDate
    ? await copiesAt(
        tx,
        recipients.map((r) => r.id),
        identity,
      )
    : new Map<string, string>();
  const fresh = recipients.filter((r) => !existing.has(r.id));
  if (fresh.length === 0) return [];
  // A copy is recorded as made by its organisation's first clerk: one with none cannot receive.
  const clerks = await clerksOfMany(
    tx,
    fresh.map((r) => r.id),
  );
  if (fresh.some((r) => !clerks.get(r.id)?.length)) throw new Refusal(422, "exchange.noClerk");
  const files = await storeAttachments(tx, attachments, notes);
  const { values } = await arrivalValues(tx, fields);
  const arrivals: Arrival[] = [];
  for (const r of fresh) {
    arrivals.push({
      recipientId: r.id,
      values: {
        ...values,
        issuerOrganisationId: sender.id,
        respondsToDocumentId: await answered(
          tx,
          { organisationId: r.id, organisationCode: r.code },
          fields.ResponseFor,
        ),
      },
      files,
      actor: null,
      createdById: clerks.get(r.id)![0]!,
      from: sender.name,
      data: {
        via: "exchange",
        peer: peer.name,
        edxmlDocumentId: fields.DocumentId,
        warnings: notes.map((n) => n.key),
      },
      at,
    });
  }
  const copies = await recordArrivals(tx, arrivals);
  await tx.insert(exchangeArrival).values(
    copies.map((copyId) => ({
      incomingDocumentId: copyId,
      peerId: peer.id,
      remoteDocumentId: fields.DocumentId,
      senderCode: fields.From.OrganId,
      codeNumber: fields.CodeNumber || null,
      codeNotation: fields.CodeNotation || null,
      documentDate,
    })),
  );
  for (const copyId of copies) await enqueueStatus(tx, copyId, "arrived", {});
  return copies;
}

const statusOfCode = new Map<string, DeliveryStatus>(
  Object.entries(statusCodes).map(([status, code]) => [code, status as DeliveryStatus]),
);

async function receiveStatus(tx: Tx, peer: Peer, fields: EdxmlStatusFields): Promise<string[]> {
  const reporter = await hostedBy(tx, peer, fields.From.OrganId);
  if (!reporter) throw new Refusal(403, "exchange.notHosted", { code: fields.From.OrganId });
  const status = statusOfCode.get(fields.StatusCode);
  if (!status) throw new Refusal(422, "edxml.unknownStatusCode", { code: fields.StatusCode });
  const answeredFor = fields.ResponseFor;
  const slash = answeredFor.Code?.indexOf("/") ?? -1;
  const date = fromEdxmlDate(answeredFor.PromulgationDate);
  if (slash < 1 || !date) throw new Refusal(422, "exchange.unknownDocument");
  const [row] = await tx
    .select({ delivery })
    .from(delivery)
    .innerJoin(document, eq(document.id, delivery.documentId))
    .where(
      and(
        eq(delivery.recipientOrganisationId, reporter.id),
        eq(document.direction, "outgoing"),
        eq(document.issuerCode, answeredFor.OrganId),
        eq(document.codeNumber, answeredFor.Code!.slice(0, slash)),
        eq(document.codeNotation, answeredFor.Code!.slice(slash + 1)),
        eq(document.documentDate, date),
      ),
    )
    .limit(1)
    .for("update", { of: delivery });
  if (!row) throw new Refusal(422, "exchange.unknownDocument");
  await recordStatus(tx, row.delivery, status, {
    at: new Date(),
    description: fields.Description ?? null,
    staffName: fields.StaffInfo?.Staff ?? null,
    staffId: null,
  });
  return [row.delivery.documentId];
}

/**
 * Takes one package from a peer. Answers the HTTP status and body: 200 received or already
 * received, 400 broken, 403 not from a peer (or about what it does not host), 422 nothing here
 * to deliver it to.
 */
export async function receiveMessage(
  db: Db,
  bytes: Buffer,
  at: Date = new Date(),
): Promise<{ status: number; body: Record<string, unknown> }> {
  const refuse = (status: number, key: string, params?: Record<string, string | number>) => ({
    status,
    body: { error: translate("vi", key, params), key },
  });
  const parsed = parseEdxml(bytes);
  if (!parsed.ok) return refuse(400, parsed.error.key, parsed.error.params);
  if (!parsed.signature.valid) return refuse(403, "exchange.unsigned");
  const peer = await peerOf(db, parsed.signature.certificates);
  if (!peer) return refuse(403, "exchange.unknownPeer");
  const messageKey = `${parsed.kind}:${createHash("sha256").update(bytes).digest("hex")}`;
  try {
    const receipt = await db.transaction(async (tx): Promise<Receipt> => {
      const [seen] = await tx
        .select({ documentIds: exchangeInbox.documentIds })
        .from(exchangeInbox)
        .where(and(eq(exchangeInbox.peerId, peer.id), eq(exchangeInbox.messageKey, messageKey)));
      if (seen) return { kind: parsed.kind, duplicate: true, documentIds: seen.documentIds };
      const documentIds =
        parsed.kind === "document"
          ? await receiveDocument(
              tx,
              peer,
              parsed.fields,
              parsed.attachments,
              [...parsed.warnings],
              at,
            )
          : await receiveStatus(tx, peer, parsed.fields);
      // Last, so that a receipt interrupted before it commits leaves nothing behind.
      const [kept] = await tx
        .insert(exchangeInbox)
        .values({ peerId: peer.id, kind: parsed.kind, messageKey, documentIds })
        .onConflictDoNothing()
        .returning({ id: exchangeInbox.id });
      if (!kept) throw new DuplicateReceipt();
      return {
        kind: parsed.kind,
        duplicate: parsed.kind === "document" && documentIds.length === 0,
        documentIds,
      };
    });
    return { status: 200, body: receipt };
  } catch (error) {
    if (error instanceof DuplicateReceipt) {
      return { status: 200, body: { kind: parsed.kind, duplicate: true, documentIds: [] } };
    }
    if (error instanceof Refusal) return refuse(error.status, error.key, error.params);
    if (error instanceof AppError) return refuse(422, error.messageKey, error.params);
    throw error;
  }
}

/** The same message received meanwhile by a concurrent request: its receipt rolls back. */
class DuplicateReceipt extends Error {}
