// Delivery inside the deployment: issuing puts the document, at once and in the same
// transaction, into the reception queue of every recipient organisation, with its signed file,
// its attachments and its metadata, so that nothing is typed again there. A document that
// reaches an organisation twice (two paths, a resend) is recognised by its identity and kept once.
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { delivery, deliveryEvent } from "@/db/schema/delivery";
import { document, documentEvent, documentFile, documentParticipant } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import { organisation } from "@/db/schema/org";
import { outgoingDraft } from "@/db/schema/outgoing";
import { statusCodes } from "@/lib/delivery";
import { isSecret } from "@/lib/documents";
import { appendAudit } from "../audit/append";
import { enqueueDocument } from "../exchange/outbox";
import type { Actor } from "../authz/actor";
import { clerksOf } from "../incoming/workflow-support";
import type { DocumentRow } from "../incoming/visibility";
import { notifyUsers } from "../notify/notify";

type Recipient = { organisationId: string; name: string };

/** Following merges to the organisation that took the addressee over; null if it is closed. */
async function successorOf(
  tx: Tx,
  organisationId: string,
): Promise<{ id: string; name: string; code: string; peerId: string | null } | null> {
  let id: string | null = organisationId;
  for (let hops = 0; id && hops < 10; hops++) {
    const [org] = await tx
      .select({
        id: organisation.id,
        name: organisation.name,
        code: organisation.code,
        peerId: organisation.peerId,
        status: organisation.status,
        mergedIntoId: organisation.mergedIntoId,
      })
      .from(organisation)
      .where(eq(organisation.id, id));
    if (!org) return null;
    if (org.status === "active")
      return { id: org.id, name: org.name, code: org.code, peerId: org.peerId };
    id = org.status === "merged" ? org.mergedIntoId : null;
  }
  return null;
}

/**
 * The recipient's copy of a document with this identity (issuer code, number, notation, date),
 * however it arrived: a document is registered once. Arrivals of one identity at one
 * organisation queue on a lock, so two paths at the same moment still make one copy.
 */
export async function copyAt(
  tx: Tx,
  recipientId: string,
  sent: Pick<DocumentRow, "issuerCode" | "codeNumber" | "codeNotation" | "documentDate">,
): Promise<string | null> {
  const identity = [recipientId, sent.issuerCode, sent.codeNumber, sent.codeNotation];
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`arrival:${identity.join("|")}:${sent.documentDate}`}, 0))`,
  );
  const [existing] = await tx
    .select({ id: document.id })
    .from(document)
    .where(
      and(
        eq(document.organisationId, recipientId),
        eq(document.direction, "incoming"),
        eq(document.issuerCode, sent.issuerCode ?? ""),
        eq(document.codeNumber, sent.codeNumber ?? ""),
        eq(document.codeNotation, sent.codeNotation ?? ""),
        eq(document.documentDate, sent.documentDate ?? ""),
        // A copy the recipient refused does not stop the sender from sending it again.
        ne(document.status, "returned_to_sender"),
      ),
    )
    .limit(1);
  return existing?.id ?? null;
}

/** What an electronic document brings with it to its recipient. */
export type Arrival = {
  recipientId: string;
  values: Pick<
    typeof document.$inferInsert,
    | "codeNumber"
    | "codeNotation"
    | "documentType"
    | "subject"
    | "documentDate"
    | "issuerOrganisationId"
    | "issuerName"
    | "issuerCode"
    | "signerName"
    | "urgency"
    | "confidentiality"
    | "pageCount"
    | "issuerDeadline"
    | "respondsToDocumentId"
  >;
  files: { sha256: string; fileName: string; kind: "main" | "attachment" }[];
  /**
   * Who brought it: the sender's clerk inside the deployment, the importing clerk; nobody (the
   * system) when a peer deployment delivered it.
   */
  actor: Actor | null;
  /** Who the copy is recorded as made by: the bringer, or the recipient's clerk. */
  createdById: string;
  /** The name its history gives the one who sent it. */
  from: string;
  /** Anything else the arrival's history keeps (the package's warnings). */
  data?: Record<string, unknown>;
  at: Date;
};

/**
 * Creates the incoming copy at the recipient (status received: in its clerks' "to register"
 * box), with its files, an arrival in its history and audit chain, and a bell for its clerks. A
 * secret document is put on its clerks alone.
 */
export async function recordArrival(tx: Tx, a: Arrival): Promise<string> {
  const { recipientId, values, actor, at } = a;
  const [copy] = await tx
    .insert(document)
    .values({
      ...values,
      organisationId: recipientId,
      direction: "incoming",
      status: "received",
      receivedVia: "exchange",
      createdById: a.createdById,
      createdAt: at,
    })
    .returning({ id: document.id });
  const copyId = copy!.id;
  if (a.files.length > 0) {
    await tx.insert(documentFile).values(
      a.files.map((f) => ({
        documentId: copyId,
        organisationId: recipientId,
        sha256: f.sha256,
        fileName: f.fileName,
        kind: f.kind,
        uploadedById: a.createdById,
      })),
    );
  }
  const clerks = await clerksOf(tx, recipientId);
  if (values.confidentiality && isSecret(values.confidentiality) && clerks.length > 0) {
    await tx
      .insert(documentParticipant)
      .values(
        clerks.map((userId) => ({
          documentId: copyId,
          organisationId: recipientId,
          userId,
          kind: "registrar" as const,
          box: "none" as const,
          urgency: values.urgency ?? "normal",
        })),
      )
      .onConflictDoNothing();
  }
  const data = {
    issuer: a.from,
    numberNotation: [values.codeNumber, values.codeNotation].filter(Boolean).join("/"),
    ...a.data,
  };
  await tx.insert(documentEvent).values({
    documentId: copyId,
    organisationId: recipientId,
    actorId: actor?.userId ?? null,
    actorName: a.from,
    action: "arrived",
    toStatus: "received",
    data,
    createdAt: at,
  });
  await appendAudit(tx, {
    organisationId: recipientId,
    actor,
    action: "incoming.arrived",
    entityType: "document",
    entityId: copyId,
    data,
  });
  await notifyUsers(tx, {
    organisationId: recipientId,
    userIds: clerks,
    kind: "documentArrived",
    documentId: copyId,
    messageKey: "documentArrived",
    params: { subject: values.subject.slice(0, 120), issuer: a.from },
  });
  return copyId;
}

/**
 * When the issued document answers one that arrived from `recipientId`, that organisation's own
 * document: the reply then shows beside it there (edXML ResponseFor).
 */
async function answeredAt(tx: Tx, sentId: string, recipientId: string): Promise<string | null> {
  const [draft] = await tx
    .select({ answers: outgoingDraft.answersDocumentId })
    .from(outgoingDraft)
    .where(eq(outgoingDraft.documentId, sentId));
  if (!draft?.answers) return null;
  const [source] = await tx
    .select({ documentId: delivery.documentId })
    .from(delivery)
    .where(
      and(eq(delivery.incomingDocumentId, draft.answers), eq(delivery.organisationId, recipientId)),
    );
  return source?.documentId ?? null;
}

/** The issued document's copy at a recipient of the deployment, its files shared by hash. */
export async function arrive(
  tx: Tx,
  actor: Actor,
  sent: DocumentRow,
  recipientId: string,
  at: Date,
) {
  const files = await tx
    .select({
      sha256: documentFile.sha256,
      fileName: documentFile.fileName,
      kind: documentFile.kind,
      pages: fileBlob.pageCount,
    })
    .from(documentFile)
    .innerJoin(fileBlob, eq(fileBlob.sha256, documentFile.sha256))
    .where(
      and(eq(documentFile.documentId, sent.id), inArray(documentFile.kind, ["main", "attachment"])),
    );
  return recordArrival(tx, {
    recipientId,
    values: {
      codeNumber: sent.codeNumber,
      codeNotation: sent.codeNotation,
      documentType: sent.documentType,
      subject: sent.subject,
      documentDate: sent.documentDate,
      issuerOrganisationId: sent.organisationId,
      issuerName: actor.organisationName,
      issuerCode: sent.issuerCode,
      signerName: sent.signerName,
      urgency: sent.urgency,
      confidentiality: sent.confidentiality,
      pageCount: sent.pageCount ?? files.find((f) => f.kind === "main")?.pages ?? null,
      issuerDeadline: null,
      respondsToDocumentId: await answeredAt(tx, sent.id, recipientId),
    },
    files: files.map((f) => ({
      sha256: f.sha256,
      fileName: f.fileName,
      kind: f.kind === "main" ? ("main" as const) : ("attachment" as const),
    })),
    actor,
    createdById: actor.userId,
    from: actor.organisationName,
    at,
  });
}

/**
 * One delivery per recipient organisation of the issued document: inside the deployment the
 * copy arrives now (status arrived, code 01); a merged addressee's successor receives it (the
 * delivery names both); a closed one gets nothing (refused, with the reason). One hosted by a
 * peer deployment waits as pending until the peer reports it arrived; its package goes through
 * the outbox, one per peer. Outside bodies typed in by name wait as pending. Runs in the issuing
 * transaction.
 */
export async function deliverIssued(
  tx: Tx,
  actor: Actor,
  sent: DocumentRow,
  recipients: { organisations: Recipient[]; outside: string[] },
  at: Date,
): Promise<{ delivered: number }> {
  let delivered = 0;
  const seen = new Set<string>();
  const byPeer = new Map<string, string[]>();
  for (const r of recipients.organisations) {
    const successor = await successorOf(tx, r.organisationId);
    const target = successor?.id ?? r.organisationId;
    if (seen.has(target) || target === sent.organisationId) continue;
    seen.add(target);
    const [row] = await tx
      .insert(delivery)
      .values({
        documentId: sent.id,
        organisationId: sent.organisationId,
        recipientOrganisationId: target,
        recipientName: successor?.name ?? r.name,
        addressedOrganisationId:
          successor && successor.id !== r.organisationId ? r.organisationId : null,
        status: !successor ? "refused" : successor.peerId ? "pending" : "arrived",
        statusAt: at,
        reason: successor ? null : "Cơ quan nhận đã giải thể; văn bản không được gửi đến.",
      })
      .onConflictDoNothing()
      .returning({ id: delivery.id });
    if (!row || !successor) continue;
    if (successor.peerId) {
      byPeer.set(successor.peerId, [...(byPeer.get(successor.peerId) ?? []), successor.code]);
      continue;
    }
    const copyId = (await copyAt(tx, target, sent)) ?? (await arrive(tx, actor, sent, target, at));
    await tx.update(delivery).set({ incomingDocumentId: copyId }).where(eq(delivery.id, row.id));
    await tx.insert(deliveryEvent).values({
      deliveryId: row.id,
      code: statusCodes.arrived,
      status: "arrived",
      at,
    });
    delivered++;
  }
  for (const [peerId, codes] of byPeer) await enqueueDocument(tx, sent.id, peerId, codes);
  for (const name of recipients.outside) {
    await tx.insert(delivery).values({
      documentId: sent.id,
      organisationId: sent.organisationId,
      recipientName: name,
    });
  }
  return { delivered };
}
