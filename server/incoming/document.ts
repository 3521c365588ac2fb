import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { document, documentEvent } from "@/db/schema/documents";
import { assignment, extensionRequest } from "@/db/schema/handling";
import { documentParticipant } from "@/db/schema/participants";
import { unit } from "@/db/schema/org";
import { registry } from "@/db/schema/registry";
import { appUser } from "@/db/schema/users";
import { outgoingDraft } from "@/db/schema/outgoing";
import { formatNumberNotation } from "@/lib/documents";
import { can } from "@/lib/permissions";
import { assertCan, type Actor } from "../authz/actor";
import { recallOf } from "../delivery/recall";
import { replacementLinks } from "../delivery/replace";
import { documentFilesOf } from "../files/document-files";
import { incomingTransitions } from "./transitions";
import { loadVisibleDocument, visibleTo } from "./visibility";
import { handles, isOpen, isUnitHeadOf, type AssignmentRow } from "./workflow-support";

const assignee = alias(appUser, "assignee");
const assigner = alias(appUser, "assigner");
const requester = alias(appUser, "requester");
const decider = alias(appUser, "decider");

/** Everything the document page shows, and what this person may do with it now. */
export async function getIncomingDocument(db: Db, actor: Actor, input: { id: string }) {
  assertCan(actor, "incoming.read");
  const doc = await loadVisibleDocument(db, actor, input.id);
  const [files, parts, extensions, history, myRows, registryRow] = await Promise.all([
    documentFilesOf(db, doc.id),
    db
      .select({
        row: assignment,
        unitName: unit.name,
        userName: assignee.fullName,
        assignedBy: assigner.fullName,
      })
      .from(assignment)
      .leftJoin(unit, eq(unit.id, assignment.unitId))
      .leftJoin(assignee, eq(assignee.id, assignment.userId))
      .innerJoin(assigner, eq(assigner.id, assignment.assignedById))
      .where(eq(assignment.documentId, doc.id))
      .orderBy(asc(assignment.createdAt)),
    db
      .select({
        row: extensionRequest,
        requestedBy: requester.fullName,
        decidedBy: decider.fullName,
      })
      .from(extensionRequest)
      .innerJoin(requester, eq(requester.id, extensionRequest.requestedById))
      .leftJoin(decider, eq(decider.id, extensionRequest.decidedById))
      .where(eq(extensionRequest.documentId, doc.id))
      .orderBy(asc(extensionRequest.createdAt)),
    db
      .select()
      .from(documentEvent)
      .where(eq(documentEvent.documentId, doc.id))
      .orderBy(asc(documentEvent.id)),
    db
      .select({ box: documentParticipant.box })
      .from(documentParticipant)
      .where(
        and(
          eq(documentParticipant.documentId, doc.id),
          eq(documentParticipant.userId, actor.userId),
        ),
      ),
    doc.registryId
      ? db.select({ name: registry.name }).from(registry).where(eq(registry.id, doc.registryId))
      : Promise.resolve([]),
  ]);

  const rows = parts.map((p) => p.row);
  const recall = doc.receivedVia === "exchange" ? await recallOf(db, doc.id) : null;
  return {
    document: {
      ...doc,
      registryName: registryRow[0]?.name ?? null,
      // The document is held by the actor's organisation: nobody sees another's.
      organisationName: actor.organisationName,
    },
    files,
    assignments: parts.map((p) => ({
      ...p.row,
      unitName: p.unitName,
      userName: p.userName,
      assignedBy: p.assignedBy,
    })),
    extensions: extensions.map((e) => ({
      ...e.row,
      requestedBy: e.requestedBy,
      decidedBy: e.decidedBy,
    })),
    history,
    replies: await repliesTo(db, actor, doc.id),
    /** The copy it replaces and the copies that replace it (a replacement the sender issued). */
    replacement: await replacementLinks(db, actor, doc),
    /** The sender's request to recall (update, replace) this copy, and its answer, if any. */
    recall: recall
      ? {
          kind: recall.recallKind!,
          state: recall.recallState!,
          reason: recall.recallReason,
          at: recall.recallAt,
        }
      : null,
    /** Whether this person may draft the reply (from the document's page). */
    canReply: can(actor.roles, "outgoing.draft") && doc.registryNumber !== null,
    /** Whether this person drafts a work schedule, so may put the document (an invitation) on it. */
    canSchedule: can(actor.roles, "schedule.draft") && doc.registryNumber !== null,
    can: {
      ...availableActions(
        actor,
        doc.status,
        rows,
        myRows.map((r) => r.box),
        extensions.map((e) => e.row),
      ),
      answerRecall:
        recall?.recallState === "requested" &&
        incomingTransitions
          .find((t) => t.action === "answerRecall")!
          .from.includes(doc.status as never) &&
        can(actor.roles, "incoming.receive"),
    },
  };
}

/** The outgoing documents (drafts included) that answer this one, those the actor sees. */
async function repliesTo(db: Db, actor: Actor, documentId: string) {
  const rows = await db
    .select({
      id: document.id,
      subject: document.subject,
      status: document.status,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      documentDate: document.documentDate,
    })
    .from(outgoingDraft)
    .innerJoin(document, eq(document.id, outgoingDraft.documentId))
    .where(
      and(
        eq(outgoingDraft.answersDocumentId, documentId),
        eq(outgoingDraft.organisationId, actor.organisationId),
        visibleTo(actor),
      ),
    )
    .orderBy(asc(document.createdAt));
  return rows.map((r) => ({
    ...r,
    numberNotation: formatNumberNotation(r.codeNumber, r.codeNotation),
  }));
}

/**
 * What the UI offers this person: the transitions allowed from the current state for their
 * permissions, narrowed to the parts they answer for. The server checks again on every action.
 */
export function availableActions(
  actor: Actor,
  status: string,
  parts: AssignmentRow[],
  myBoxes: string[],
  extensions: { id: string; status: string }[],
) {
  const allowed = new Set(
    incomingTransitions
      .filter((t) => t.from.includes(status as never) && can(actor.roles, t.who))
      .map((t) => t.action),
  );
  const mine = parts.filter((a) => handles(actor, a) && isOpen(a));
  const current = parts.filter((a) => a.status !== "withdrawn");
  return {
    present: allowed.has("present"),
    direct: allowed.has("direct"),
    // The server also checks that nothing was noted and that the actor directs this document.
    withdrawDirection:
      allowed.has("withdrawDirection") &&
      current.length > 0 &&
      current.every((a) => a.status === "pending" && a.parentId === null) &&
      !parts.some((a) => a.status === "completed"),
    forward:
      allowed.has("forward") &&
      (actor.roles.includes("leader") ||
        parts.some((a) => a.role !== "info" && handles(actor, a) && a.status !== "withdrawn")),
    /** The submitted results this person may accept or send back (the server checks authority again). */
    review: allowed.has("reviewResult")
      ? parts
          .filter(
            (a) =>
              a.status === "submitted" &&
              (a.assignedById === actor.userId ||
                (a.parentId !== null &&
                  isUnitHeadOf(actor, parts.find((x) => x.id === a.parentId)?.unitId ?? null)) ||
                (a.parentId === null && actor.roles.includes("leader"))),
          )
          .map((a) => a.id)
      : [],
    returnToSender: allowed.has("returnToSender"),
    register: allowed.has("register"),
    addNote:
      allowed.has("addNote") &&
      (mine.some((a) => a.role !== "info") || actor.roles.includes("leader")),
    markRead: allowed.has("markRead") && myBoxes.includes("info_unread"),
    decideExtensions: allowed.has("decideExtension")
      ? extensions.filter((e) => e.status === "pending").map((e) => e.id)
      : [],
    parts: mine
      .filter((a) => a.role !== "info" || (a.unitId !== null && !a.parentId))
      .map((a) => ({
        assignmentId: a.id,
        role: a.role,
        assignToSpecialist: allowed.has("assignToSpecialist") && a.unitId !== null && !a.parentId,
        submitResult: allowed.has("submitResult") && a.role !== "info",
        returnPart: allowed.has("returnToLeader") && a.role !== "info",
        requestExtension: allowed.has("requestExtension") && a.role !== "info",
      })),
  };
}
