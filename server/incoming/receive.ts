import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { organisation } from "@/db/schema/org";
import { isSecret } from "@/lib/documents";
import {
  receptionDateErrors,
  type CheckDuplicateInput,
  type ReceiveDocumentInput,
} from "@/lib/schemas/incoming";
import { vietnamToday } from "@/lib/dates";
import type { RegistryKind } from "@/lib/schemas/registry";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError } from "../errors";
import { attachFiles } from "../files/attach";
import { loadAttachableBlobs } from "../files/ownership";
import { isPdfMime } from "../files/file-type";
import { chosenRegistryProblem, defaultRegistry, nextRegistryNumber } from "../registry/numbering";
import {
  findPossibleDuplicate,
  serialiseDuplicateCheck,
  type PossibleDuplicate,
} from "./duplicates";
import { recordDocumentEvent } from "./history";
import { upsertParticipant } from "./participants";

export type ReceivedDocument = {
  id: string;
  registryId: string;
  registryNumber: number;
  period: string;
  arrivalDate: string;
};

/** `now` is the registration clock; tests move it to another year. */
export type ReceiveOptions = { now?: Date };

/**
 * Registers a received document: it gets the next arrival number of its registry book and
 * today's arrival date, its files, and the registrar as its first participant, all in one
 * transaction. A possible duplicate is refused until the clerk confirms it is another document.
 * A secret document is numbered in the secret book and seen only by the people put on it: for
 * now, the registrar alone.
 */
export async function receiveDocument(
  db: Db,
  actor: Actor,
  input: ReceiveDocumentInput,
  options: ReceiveOptions = {},
): Promise<ReceivedDocument> {
  assertCan(actor, "incoming.receive");
  const now = options.now ?? new Date();
  const today = vietnamToday(now);
  return db.transaction(async (tx) => {
    const kind: RegistryKind = isSecret(input.confidentiality) ? "secret" : "incoming";
    const errors: Record<string, string> = receptionDateErrors(input, today);
    const issuer = await resolveIssuer(tx, input, errors);
    const chosen = await resolveChosenRegistry(tx, actor, input.registryId, kind, errors);
    const mainSha256 = await checkFiles(tx, actor, input.files, errors);
    if (Object.keys(errors).length > 0) throw fieldError(errors);

    await serialiseDuplicateCheck(tx, actor.organisationId, input);
    if (!input.acknowledgeDuplicate) {
      const duplicate = await findPossibleDuplicate(tx, actor, input);
      if (duplicate) throw duplicateError(duplicate);
    }

    const registryId = chosen ?? (await defaultRegistry(tx, actor.organisationId, kind)).id;
    const { period, number } = await nextRegistryNumber(tx, { registryId, on: now });
    const [row] = await tx
      .insert(document)
      .values({
        organisationId: actor.organisationId,
        direction: "incoming",
        status: "registered",
        registryId,
        registryPeriod: period,
        registryNumber: number,
        registeredAt: now,
        arrivalDate: today,
        codeNumber: input.codeNumber,
        codeNotation: input.codeNotation,
        documentType: input.documentType,
        subject: input.subject,
        documentDate: input.documentDate,
        issuerOrganisationId: issuer.id,
        issuerName: issuer.name,
        issuerCode: issuer.code,
        signerName: input.signerName,
        urgency: input.urgency,
        confidentiality: input.confidentiality,
        pageCount: input.pageCount,
        issuerDeadline: input.deadline,
        deadline: input.deadline,
        receivedVia: input.receivedVia,
        notes: input.notes,
        createdById: actor.userId,
      })
      .returning({ id: document.id });
    const documentId = row!.id;
    await attachFiles(tx, actor, { documentId, files: input.files });
    // The registrar is the only participant of a new document, which is what keeps a secret one
    // hidden from everyone else until someone is explicitly given it.
    await upsertParticipant(tx, {
      documentId,
      userId: actor.userId,
      kind: "registrar",
      organisationId: actor.organisationId,
      box: "none",
      urgency: input.urgency,
      deadline: input.deadline,
    });
    await recordDocumentEvent(tx, actor, {
      documentId,
      action: "registered",
      toStatus: "registered",
      data: {
        registryId,
        registryNumber: number,
        period,
        mainFileSha256: mainSha256,
      },
    });
    return { id: documentId, registryId, registryNumber: number, period, arrivalDate: today };
  });
}

/** For the reception form: the document this one may duplicate, before the clerk saves. */
export async function checkDuplicate(
  db: DbOrTx,
  actor: Actor,
  input: CheckDuplicateInput,
): Promise<{ duplicate: PossibleDuplicate | null }> {
  assertCan(actor, "incoming.receive");
  return { duplicate: (await findPossibleDuplicate(db, actor, input)) ?? null };
}

type Issuer = { id: string | null; name: string; code: string | null };

/** An organisation of the tree lends its current name and code; an outside body is as typed. */
async function resolveIssuer(
  tx: Tx,
  input: Pick<ReceiveDocumentInput, "issuerOrganisationId" | "issuerName">,
  errors: Record<string, string>,
): Promise<Issuer> {
  if (!input.issuerOrganisationId) return { id: null, name: input.issuerName ?? "", code: null };
  const [org] = await tx
    .select({ id: organisation.id, name: organisation.name, code: organisation.code })
    .from(organisation)
    .where(and(eq(organisation.id, input.issuerOrganisationId), eq(organisation.status, "active")));
  if (!org) {
    errors.issuerOrganisationId = "reception.issuerUnknown";
    return { id: null, name: "", code: null };
  }
  return org;
}

/**
 * The book the clerk chose, if any. A registry book named by id is a claim: it must be one of
 * their organisation's, open, of the document's kind.
 */
export async function resolveChosenRegistry(
  tx: DbOrTx,
  actor: Actor,
  registryId: string | null,
  kind: RegistryKind,
  errors: Record<string, string>,
): Promise<string | null> {
  if (!registryId) return null;
  const problem = await chosenRegistryProblem(tx, actor.organisationId, registryId, kind);
  if (problem === "unknown") errors.registryId = "reception.registryUnknown";
  else if (problem === "wrongKind") {
    errors.registryId =
      kind === "secret" ? "reception.registryNotSecret" : "reception.registrySecret";
  } else if (problem === "inactive") errors.registryId = "reception.registryInactive";
  return registryId;
}

/**
 * Every file must be one the clerk uploaded (or can already read on another document): a hash
 * alone names no file (files/ownership.ts). A foreign blob and a missing one get the same
 * answer. The main file must really be a PDF, not only be named so.
 */
async function checkFiles(
  tx: Tx,
  actor: Actor,
  files: ReceiveDocumentInput["files"],
  errors: Record<string, string>,
): Promise<string | null> {
  const blobs = await loadAttachableBlobs(
    tx,
    actor,
    files.map((f) => f.sha256),
  );
  let main: string | null = null;
  for (const [i, f] of files.entries()) {
    const blob = blobs.get(f.sha256);
    if (!blob) errors[`files.${i}.sha256`] = "reception.fileMissing";
    else if (f.kind === "main") {
      main = f.sha256;
      if (!isPdfMime(blob.mimeType)) {
        errors[`files.${i}.fileName`] = "reception.mainMustBePdf";
      }
    }
  }
  return main;
}

function duplicateError(d: PossibleDuplicate): AppError {
  return new AppError("CONFLICT", "reception.possibleDuplicate", {
    documentId: d.id,
    registryNumber: d.registryNumber ?? "",
    period: d.period ?? "",
    arrivalDate: d.arrivalDate ?? "",
    arrivalDateText: d.arrivalDate ? d.arrivalDate.split("-").reverse().join("/") : "",
  });
}
