// Delivery inside the deployment: issuing puts the document, at once and in the same
// transaction, into the reception queue of every recipient organisation, with its signed file,
// its attachments and its metadata, so that nothing is typed again there. A document that
// reaches an organisation twice (two paths, a resend) is recognised by its identity and kept once.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { delivery, deliveryEvent } from "@/db/schema/delivery";
import { document, documentEvent, documentFile, documentParticipant } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import { notification } from "@/db/schema/notify";
import { organisation } from "@/db/schema/org";
import { outgoingDraft } from "@/db/schema/outgoing";
import { statusCodes } from "@/lib/delivery";
import { isSecret } from "@/lib/documents";
import { appendAuditMany } from "../audit/append";
import { enqueueDocument } from "../exchange/outbox";
import type { Actor } from "../authz/actor";
import { clerksOfMany } from "../incoming/workflow-support";
import type { DocumentRow } from "../incoming/visibility";

type Recipient = { organisationId: string; name: string };

export type Target = { id: string; name: string; code: string; peerId: string | null };

/**
 * For each addressee, the organisation that receives for it: itself when active, the one that
 * took it over when merged (following merges), null when it is closed. One query for all of
 * them, and one per step along a merge.
 */
export async function successorsOf(tx: Tx, ids: string[]): Promise<Map<string, Target | null>> {
  const columns = {
    id: organisation.id,
    name: organisation.name,
    code: organisation.code,
    peerId: organisation.peerId,
    status: organisation.status,
    mergedIntoId: organisation.mergedIntoId,
  };
  type Row = { [K in keyof typeof columns]: (typeof organisation.$inferSelect)[K] };
  const known = new Map<string, Row>();
  const load = async (wanted: string[]) => {
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length === 0) return;
    const rows = await tx
      .select(columns)
      .from(organisation)
      .where(inArray(organisation.id, missing));
    for (const row of rows) known.set(row.id, row);
  };
  await load(ids);
  const out = new Map<string, Target | null>();
  for (const start of ids) {
    let id: string | null = start;
    let found: Target | null = null;
    for (let hops = 0; id && hops < 10; hops++) {
      await load([id]);
      const org = known.get(id);
      if (!org) break;
      if (org.status === "active") {
        found = { id: org.id, name: org.name, code: org.code, peerId: org.peerId };
        break;
      }
      id = org.status === "merged" ? org.mergedIntoId : null;
    }
    out.set(start, found);
  }
  return out;
}

type Identity = Pick<DocumentRow, "issuerCode" | "codeNumber" | "codeNotation" | "documentDate">;

/**
 * The recipients' copies of a document with this identity (issuer code, number, notation, date),
 * however they arrived: a document is registered once. Arrivals of one identity at one
 * organisation queue on a lock (taken in one order for all the recipients), so two paths at the
 * same moment still make one copy.
 */
export async function copiesAt(
  tx: Tx,
  recipientIds: string[],
  sent: Identity,
): Promise<Map<string, string>> {
  if (recipientIds.length === 0) return new Map();
  const keys = [...new Set(recipientIds)]
    .map(
      (id) =>
        `arrival:${[id, sent.issuerCode, sent.codeNumber, sent.codeNotation].join("|")}:${sent.documentDate}`,
    )
    .sort();
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(k, 0))
        from (select unnest(array[${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )}]::text[]) as k order by 1) as ordered`,
  );
  const existing = await tx
    .select({ id: document.id, organisationId: document.organisationId })
    .from(document)
    .where(
      and(
        inArray(document.organisationId, recipientIds),
        eq(document.direction, "incoming"),
        eq(document.issuerCode, sent.issuerCode ?? ""),
        eq(document.codeNumber, sent.codeNumber ?? ""),
        eq(document.codeNotation, sent.codeNotation ?? ""),
        eq(document.documentDate, sent.documentDate ?? ""),
        // A copy the recipient refused does not stop the sender from sending it again.
        ne(document.status, "returned_to_sender"),
      ),
    );
  const out = new Map<string, string>();
  for (const row of existing) if (!out.has(row.organisationId)) out.set(row.organisationId, row.id);
  return out;
}

/** The recipient's copy of a document with this identity, if it has already arrived. */
export async function copyAt(tx: Tx, recipientId: string, sent: Identity): Promise<string | null> {
  return (await copiesAt(tx, [recipientId], sent)).get(recipientId) ?? null;
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
  return (await recordArrivals(tx, [a]))[0]!;
}

/**
 * Creates several copies at once, in a fixed number of statements however many recipients there
 * are (a document issued to every ward of a district). Answers the copies' ids in order.
 */
export async function recordArrivals(tx: Tx, arrivals: Arrival[]): Promise<string[]> {
  if (arrivals.length === 0) return [];
  const ids = arrivals.map(() => randomUUID());
  await tx.insert(document).values(
    arrivals.map((a, i) => ({
      ...a.values,
      id: ids[i],
      organisationId: a.recipientId,
      direction: "incoming" as const,
      status: "received" as const,
      receivedVia: "exchange" as const,
      createdById: a.createdById,
      createdAt: a.at,
    })),
  );
  const files = arrivals.flatMap((a, i) =>
    a.files.map((f) => ({
      documentId: ids[i]!,
      organisationId: a.recipientId,
      sha256: f.sha256,
      fileName: f.fileName,
      kind: f.kind,
      uploadedById: a.createdById,
    })),
  );
  if (files.length > 0) await tx.insert(documentFile).values(files);
  const clerks = await clerksOfMany(tx, [...new Set(arrivals.map((a) => a.recipientId))]);
  const clerksAt = (a: Arrival) => clerks.get(a.recipientId) ?? [];
  const registrars = arrivals.flatMap((a, i) =>
    a.values.confidentiality && isSecret(a.values.confidentiality)
      ? clerksAt(a).map((userId) => ({
          documentId: ids[i]!,
          organisationId: a.recipientId,
          userId,
          kind: "registrar" as const,
          box: "none" as const,
          urgency: a.values.urgency ?? "normal",
        }))
      : [],
  );
  if (registrars.length > 0) {
    await tx.insert(documentParticipant).values(registrars).onConflictDoNothing();
  }
  const dataOf = arrivals.map((a) => ({
    issuer: a.from,
    numberNotation: [a.values.codeNumber, a.values.codeNotation].filter(Boolean).join("/"),
    ...a.data,
  }));
  await tx.insert(documentEvent).values(
    arrivals.map((a, i) => ({
      documentId: ids[i]!,
      organisationId: a.recipientId,
      actorId: a.actor?.userId ?? null,
      actorName: a.from,
      action: "arrived",
      toStatus: "received" as const,
      data: dataOf[i],
      createdAt: a.at,
    })),
  );
  await appendAuditMany(
    tx,
    arrivals.map((a, i) => ({
      organisationId: a.recipientId,
      actor: a.actor,
      action: "incoming.arrived",
      entityType: "document",
      entityId: ids[i]!,
      data: dataOf[i],
    })),
  );
  const bells = arrivals.flatMap((a, i) =>
    [...new Set(clerksAt(a))].map((userId) => ({
      organisationId: a.recipientId,
      userId,
      kind: "documentArrived",
      documentId: ids[i]!,
      messageKey: "documentArrived",
      params: { subject: a.values.subject.slice(0, 120), issuer: a.from },
    })),
  );
  if (bells.length > 0) await tx.insert(notification).values(bells).onConflictDoNothing();
  return ids;
}

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
