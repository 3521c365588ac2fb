// What the handling slip (phiếu giải quyết văn bản đến) and the stamped printed copy say about
// a document: read for someone who may see it, in the order things happened.
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { documentEvent, documentFile } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { fileBlob } from "@/db/schema/files";
import { unit } from "@/db/schema/org";
import { registry } from "@/db/schema/registry";
import { appUser } from "@/db/schema/users";
import { arrivalStampOf, type ArrivalStampData } from "@/lib/arrival-stamp";
import { isUuid } from "@/lib/schemas/fields";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, notFound } from "../errors";
import { isPdfMime } from "../files/file-type";
import { loadVisibleDocument, type DocumentRow } from "./visibility";

export type SlipAssignment = {
  role: "lead" | "co" | "info";
  name: string;
  isUnit: boolean;
  /** A specialist given a unit's part by its head. */
  isSubAssignment: boolean;
  deadline: string | null;
  status: (typeof assignment.$inferSelect)["status"];
  result: string | null;
  completedAt: Date | null;
};

export type SlipEntry = { at: Date; by: string | null; text: string | null };

export type HandlingSlip = {
  organisationName: string;
  document: DocumentRow & { registryName: string | null };
  stamp: ArrivalStampData | null;
  /** The deadline the issuer set, before any direction replaced it with the lead's. */
  issuerDeadline: string | null;
  /** The clerk's last presentation to a leader, with the proposal written on it. */
  proposal: (SlipEntry & { leader: string | null }) | null;
  /** Every direction the leaders gave, the latest last. */
  directions: SlipEntry[];
  /** The parts of the current direction; each unit's specialists follow their unit. */
  assignments: SlipAssignment[];
  /** Progress notes of the handlers. */
  notes: SlipEntry[];
};

const assignee = alias(appUser, "assignee");

const roleOrder = { lead: 0, co: 1, info: 2 } as const;

/** Lead, co-handlers, then readers, each in the order made; children right after their parent. */
function nested<T extends { id: string; parentId: string | null; role: keyof typeof roleOrder }>(
  rows: T[],
): T[] {
  const top = rows.filter((r) => !r.parentId).sort((a, b) => roleOrder[a.role] - roleOrder[b.role]);
  return top.flatMap((parent) => [parent, ...rows.filter((r) => r.parentId === parent.id)]);
}

/** Everything the handling slip prints, for someone who may see the document. */
export async function loadHandlingSlip(
  db: DbOrTx,
  actor: Actor,
  documentId: string,
): Promise<HandlingSlip> {
  assertCan(actor, "incoming.read");
  if (!isUuid(documentId)) throw notFound("document");
  const doc = await loadVisibleDocument(db, actor, documentId);
  const [registryRow, parts, events] = await Promise.all([
    doc.registryId
      ? db.select({ name: registry.name }).from(registry).where(eq(registry.id, doc.registryId))
      : Promise.resolve([]),
    db
      .select({ row: assignment, unitName: unit.name, userName: assignee.fullName })
      .from(assignment)
      .leftJoin(unit, eq(unit.id, assignment.unitId))
      .leftJoin(assignee, eq(assignee.id, assignment.userId))
      .where(eq(assignment.documentId, doc.id))
      .orderBy(asc(assignment.createdAt), asc(assignment.id)),
    db
      .select()
      .from(documentEvent)
      .where(
        and(
          eq(documentEvent.documentId, doc.id),
          inArray(documentEvent.action, [
            "registered",
            "presented",
            "directed",
            "redirected",
            "noted",
          ]),
        ),
      )
      .orderBy(asc(documentEvent.id)),
  ]);
  const registryName = registryRow[0]?.name ?? null;
  const flat = parts.map((p) => ({ ...p.row, unitName: p.unitName, userName: p.userName }));
  const entry = (e: (typeof events)[number]): SlipEntry => ({
    at: e.createdAt,
    by: e.actorName,
    text: e.note,
  });
  const presented = events.findLast((e) => e.action === "presented");
  const directions = events.filter((e) => e.action === "directed" || e.action === "redirected");
  const issuerDeadline = doc.issuerDeadline;
  return {
    organisationName: actor.organisationName,
    document: { ...doc, registryName },
    stamp: arrivalStampOf({
      organisationName: actor.organisationName,
      registryName,
      registryNumber: doc.registryNumber,
      arrivalDate: doc.arrivalDate,
      registeredAt: doc.registeredAt,
      assignments: flat,
      history: events,
    }),
    issuerDeadline,
    proposal: presented
      ? {
          ...entry(presented),
          leader: typeof presented.data.leader === "string" ? presented.data.leader : null,
        }
      : null,
    directions: directions.map(entry),
    assignments: nested(flat.filter((a) => a.status !== "withdrawn")).map((a) => ({
      role: a.role,
      name: a.unitName ?? a.userName ?? "",
      isUnit: a.unitId !== null,
      isSubAssignment: a.parentId !== null,
      deadline: a.deadline,
      status: a.status,
      result: a.result,
      completedAt: a.completedAt,
    })),
    notes: events.filter((e) => e.action === "noted").map(entry),
  };
}

export type StampSource = {
  stamp: ArrivalStampData;
  file: { fileName: string; sha256: string; mimeType: string };
};

/**
 * The main PDF of a registered document and its stamp, for someone who may see the document.
 * A document not yet numbered has no stamp, and one without a PDF has nothing to stamp: both
 * are said in words the user can act on.
 */
export async function loadStampSource(
  db: DbOrTx,
  actor: Actor,
  documentId: string,
): Promise<StampSource> {
  const slip = await loadHandlingSlip(db, actor, documentId);
  if (!slip.stamp) throw new AppError("CONFLICT", "prints.notRegistered");
  const [main] = await db
    .select({
      fileName: documentFile.fileName,
      sha256: documentFile.sha256,
      mimeType: fileBlob.mimeType,
    })
    .from(documentFile)
    .innerJoin(fileBlob, eq(fileBlob.sha256, documentFile.sha256))
    .where(
      and(
        eq(documentFile.documentId, slip.document.id),
        eq(documentFile.organisationId, actor.organisationId),
        eq(documentFile.kind, "main"),
      ),
    )
    .orderBy(asc(documentFile.createdAt))
    .limit(1);
  if (!main || !isPdfMime(main.mimeType)) {
    throw new AppError("CONFLICT", "prints.noMainPdf");
  }
  return { stamp: slip.stamp, file: main };
}
