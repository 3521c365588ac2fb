// Delivery inside the deployment: issuing puts the document, at once and in the same
// transaction, into the reception queue of every recipient organisation, with its signed file,
// its attachments and its metadata, so that nothing is typed again there. A document that
// reaches an organisation twice (two paths, a resend) is recognised by its identity and kept once.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { delivery, deliveryEvent } from "@/db/schema/delivery";
import { documentFile } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import { outgoingDraft } from "@/db/schema/outgoing";
import { statusCodes } from "@/lib/delivery";
import { enqueueDocument } from "../exchange/outbox";
import type { Actor } from "../authz/actor";
import type { DocumentRow } from "../incoming/visibility";
import { recordArrivals } from "./arrival";
import { copiesAt } from "./copies";
import { successorsOf, type Target } from "./successors";

type Recipient = { organisationId: string; name: string };

/**
 * When the issued document answers one that arrived from another organisation of the
 * deployment: that organisation, and its own document, which the reply then shows beside there
 * (edXML ResponseFor).
 */
async function answered(
  tx: Tx,
  sentId: string,
): Promise<{ organisationId: string; documentId: string } | null> {
  const [draft] = await tx
    .select({ answers: outgoingDraft.answersDocumentId })
    .from(outgoingDraft)
    .where(eq(outgoingDraft.documentId, sentId));
  if (!draft?.answers) return null;
  const [source] = await tx
    .select({ organisationId: delivery.organisationId, documentId: delivery.documentId })
    .from(delivery)
    .where(eq(delivery.incomingDocumentId, draft.answers));
  return source ?? null;
}

/** The issued document's copies at recipients of the deployment, its files shared by hash. */
async function arriveAll(
  tx: Tx,
  actor: Actor,
  sent: DocumentRow,
  recipientIds: string[],
  at: Date,
): Promise<string[]> {
  if (recipientIds.length === 0) return [];
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
  const answers = await answered(tx, sent.id);
  return recordArrivals(
    tx,
    recipientIds.map((recipientId) => ({
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
        respondsToDocumentId: answers?.organisationId === recipientId ? answers.documentId : null,
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
    })),
  );
}

/** The issued document's copy at one recipient of the deployment. */
export async function arrive(
  tx: Tx,
  actor: Actor,
  sent: DocumentRow,
  recipientId: string,
  at: Date,
): Promise<string> {
  return (await arriveAll(tx, actor, sent, [recipientId], at))[0]!;
}

/**
 * One delivery per recipient organisation of the issued document: inside the deployment the
 * copy arrives now (status arrived, code 01); a merged addressee's successor receives it (the
 * delivery names both); a closed one gets nothing (refused, with the reason). One hosted by a
 * peer deployment waits as pending until the peer reports it arrived; its package goes through
 * the outbox, one per peer. Outside bodies typed in by name wait as pending. Runs in the issuing
 * transaction, in a fixed number of statements however many recipients there are.
 */
export async function deliverIssued(
  tx: Tx,
  actor: Actor,
  sent: DocumentRow,
  recipients: { organisations: Recipient[]; outside: string[] },
  at: Date,
): Promise<{ delivered: number }> {
  const successors = await successorsOf(
    tx,
    recipients.organisations.map((r) => r.organisationId),
  );
  type Planned = { addressed: Recipient; target: Target | null };
  const planned: Planned[] = [];
  const seen = new Set<string>();
  for (const r of recipients.organisations) {
    const target = successors.get(r.organisationId) ?? null;
    const key = target?.id ?? r.organisationId;
    if (seen.has(key) || key === sent.organisationId) continue;
    seen.add(key);
    planned.push({ addressed: r, target });
  }
  const rows =
    planned.length === 0
      ? []
      : await tx
          .insert(delivery)
          .values(
            planned.map(({ addressed, target }) => ({
              documentId: sent.id,
              organisationId: sent.organisationId,
              recipientOrganisationId: target?.id ?? addressed.organisationId,
              recipientName: target?.name ?? addressed.name,
              addressedOrganisationId:
                target && target.id !== addressed.organisationId ? addressed.organisationId : null,
              status: !target
                ? ("refused" as const)
                : target.peerId
                  ? ("pending" as const)
                  : ("arrived" as const),
              statusAt: at,
              reason: target ? null : "Cơ quan nhận đã giải thể; văn bản không được gửi đến.",
            })),
          )
          .onConflictDoNothing()
          .returning({ id: delivery.id, recipientId: delivery.recipientOrganisationId });
  const made = new Map(rows.map((r) => [r.recipientId!, r.id]));
  const local = planned.flatMap(({ target }) =>
    target && !target.peerId && made.has(target.id) ? [target.id] : [],
  );
  const byPeer = new Map<string, string[]>();
  for (const { target } of planned) {
    if (!target?.peerId || !made.has(target.id)) continue;
    byPeer.set(target.peerId, [...(byPeer.get(target.peerId) ?? []), target.code]);
  }
  // Each local recipient holds the document: its copy if it already had one, a new one otherwise.
  const existing = await copiesAt(tx, local, sent);
  const fresh = local.filter((id) => !existing.has(id));
  const copies = await arriveAll(tx, actor, sent, fresh, at);
  fresh.forEach((id, i) => existing.set(id, copies[i]!));
  if (local.length > 0) {
    const pairs = local.map((id) => sql`(${made.get(id)!}::uuid, ${existing.get(id)!}::uuid)`);
    await tx.execute(
      sql`update ${delivery} set incoming_document_id = v.copy
          from (values ${sql.join(pairs, sql`, `)}) as v(id, copy)
          where ${delivery.id} = v.id`,
    );
    await tx.insert(deliveryEvent).values(
      local.map((id) => ({
        deliveryId: made.get(id)!,
        code: statusCodes.arrived,
        status: "arrived" as const,
        at,
      })),
    );
  }
  for (const [peerId, codes] of byPeer) await enqueueDocument(tx, sent.id, peerId, codes);
  if (recipients.outside.length > 0) {
    await tx.insert(delivery).values(
      recipients.outside.map((name) => ({
        documentId: sent.id,
        organisationId: sent.organisationId,
        recipientName: name,
      })),
    );
  }
  return { delivered: local.length };
}
