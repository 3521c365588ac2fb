// The arrival of an electronic document at its recipient, however it came (from inside the
// deployment, from a peer deployment, brought in by a clerk): the incoming copy with its files,
// its metadata, its history and audit, and a bell for the recipient's clerks.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/db/client";
import { document, documentEvent, documentFile } from "@/db/schema/documents";
import { documentParticipant } from "@/db/schema/participants";
import { notification } from "@/db/schema/notify";
import { isSecret } from "@/lib/documents";
import { appendAuditMany } from "../audit/append";
import type { Actor } from "../authz/actor";
import { clerksOfMany } from "../incoming/workflow-support";

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
