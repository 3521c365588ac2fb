import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document, documentEvent } from "@/db/schema/documents";
import { draftComment, draftVersion, outgoingDraft } from "@/db/schema/outgoing";
import { appUser } from "@/db/schema/users";
import { can } from "@/lib/permissions";
import type { DraftInput } from "@/lib/schemas/outgoing";
import { assertCan, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { recordDocumentEvent } from "../incoming/history";
import { loadVisibleDocument } from "../incoming/visibility";
import { draftColumns, saveVersion } from "./actions";
import { compareLines } from "./body-text";
import { checkDraftReferences } from "./references";
import { activeStep, loadRoute, placeDrafter } from "./route";
import { outgoingTransitions } from "./transitions";

/**
 * A new outgoing document in the actor's organisation, as its first version: the drafter is its
 * first participant, with it in their "drafting" box.
 */
export async function createDraft(
  db: Db,
  actor: Actor,
  draft: DraftInput,
): Promise<{ id: string; version: number }> {
  assertCan(actor, "outgoing.draft");
  return db.transaction(async (tx) => {
    await checkDraftReferences(tx, actor, draft);
    const columns = draftColumns(draft);
    const [doc] = await tx
      .insert(document)
      .values({
        organisationId: actor.organisationId,
        direction: "outgoing",
        status: "draft",
        ...columns.document,
        issuerOrganisationId: actor.organisationId,
        issuerName: actor.organisationName,
        createdById: actor.userId,
      })
      .returning();
    await tx.insert(outgoingDraft).values({
      documentId: doc!.id,
      organisationId: actor.organisationId,
      ...columns.outgoing,
      currentVersion: 1,
    });
    await saveVersion(tx, actor, doc!.id, draft, 1);
    await placeDrafter(tx, doc!, actor.userId, "drafting");
    await recordDocumentEvent(tx, actor, {
      documentId: doc!.id,
      area: "outgoing",
      action: "drafted",
      toStatus: "draft",
      data: { version: 1 },
    });
    return { id: doc!.id, version: doc!.version };
  });
}

/** Everything the draft's page shows: fields, body, route and decisions, comments, history. */
export async function getOutgoingDocument(db: Db, actor: Actor, input: { id: string }) {
  const doc = await loadVisibleDocument(db, actor, input.id);
  if (doc.direction !== "outgoing") throw new AppError("NOT_FOUND", "errors.notFound");
  const [draftRows, versions, comments, history] = await Promise.all([
    db.select().from(outgoingDraft).where(eq(outgoingDraft.documentId, doc.id)),
    db
      .select({
        number: draftVersion.number,
        createdAt: draftVersion.createdAt,
        author: appUser.fullName,
      })
      .from(draftVersion)
      .innerJoin(appUser, eq(appUser.id, draftVersion.createdById))
      .where(eq(draftVersion.documentId, doc.id))
      .orderBy(desc(draftVersion.number)),
    db
      .select()
      .from(draftComment)
      .where(eq(draftComment.documentId, doc.id))
      .orderBy(asc(draftComment.createdAt)),
    db
      .select()
      .from(documentEvent)
      .where(eq(documentEvent.documentId, doc.id))
      .orderBy(asc(documentEvent.createdAt), asc(documentEvent.id)),
  ]);
  const draft = draftRows[0];
  if (!draft) throw new AppError("NOT_FOUND", "errors.notFound");
  const route = await db.transaction((tx) => loadRoute(tx, doc.id));
  const names = new Map(
    (
      await db
        .select({ id: appUser.id, fullName: appUser.fullName })
        .from(appUser)
        .where(eq(appUser.organisationId, doc.organisationId))
    ).map((u) => [u.id, u.fullName]),
  );
  const active = activeStep(route);
  const mine = active?.members.find((m) => m.userId === actor.userId && m.decision === "pending");
  const isDrafter = doc.createdById === actor.userId;
  const allowed = outgoingTransitions
    .filter((t) => t.from.includes(doc.status as never) && can(actor.roles, t.who))
    .map((t) => t.action)
    .filter((action) => {
      if (action === "saveDraft" || action === "sendOnRoute") return isDrafter;
      if (action === "approveStep") return Boolean(mine) && active?.kind !== "sign";
      if (action === "returnDraft" || action === "refuse") return Boolean(mine);
      return true;
    });
  return {
    id: doc.id,
    version: doc.version,
    status: doc.status,
    documentType: doc.documentType,
    subject: doc.subject,
    urgency: doc.urgency,
    confidentiality: doc.confidentiality,
    issuerName: doc.issuerName,
    drafter: { id: doc.createdById, name: names.get(doc.createdById) ?? "" },
    draft: {
      body: draft.body,
      recipients: draft.recipients,
      copiesTo: draft.copiesTo,
      signerId: draft.signerId,
      signerName: draft.signerId ? (names.get(draft.signerId) ?? null) : null,
      signingAuthority: draft.signingAuthority,
      signerTitle: draft.signerTitle,
      draftingUnitId: draft.draftingUnitId,
      answersDocumentId: draft.answersDocumentId,
      currentVersion: draft.currentVersion,
    },
    versions,
    comments: comments.map((c) => ({
      id: c.id,
      versionNumber: c.versionNumber,
      author: c.authorName,
      body: c.body,
      createdAt: c.createdAt,
    })),
    route: route.map((s) => ({
      position: s.position,
      kind: s.kind,
      rule: s.rule,
      status: s.status,
      members: s.members.map((m) => ({
        userId: m.userId,
        name: names.get(m.userId) ?? "",
        decision: m.decision,
        comment: m.comment,
        decidedAt: m.decidedAt,
        versionNumber: m.versionNumber,
      })),
    })),
    /** Who holds the draft now: the active step's members still to decide, or the drafter. */
    heldBy:
      doc.status === "on_route" && active
        ? active.members
            .filter((m) => m.decision === "pending")
            .map((m) => names.get(m.userId) ?? "")
        : ["draft", "returned_to_drafter"].includes(doc.status)
          ? [names.get(doc.createdById) ?? ""]
          : [],
    history: history.map((e) => ({
      id: e.id,
      action: e.action,
      actorName: e.actorName,
      note: e.note,
      data: e.data,
      createdAt: e.createdAt,
    })),
    allowed,
  };
}

/** Two saved versions of a draft the actor sees, compared line by line. */
export async function compareDraftVersions(
  db: Db,
  actor: Actor,
  input: { id: string; from: number; to: number },
) {
  const doc = await loadVisibleDocument(db, actor, input.id);
  if (doc.direction !== "outgoing") throw new AppError("NOT_FOUND", "errors.notFound");
  const rows = await db
    .select({
      number: draftVersion.number,
      text: draftVersion.bodyText,
      fields: draftVersion.fields,
    })
    .from(draftVersion)
    .where(and(eq(draftVersion.documentId, doc.id)));
  const from = rows.find((r) => r.number === input.from);
  const to = rows.find((r) => r.number === input.to);
  if (!from || !to) throw new AppError("NOT_FOUND", "errors.notFound");
  const fieldsChanged = (Object.keys(to.fields) as (keyof typeof to.fields)[]).filter(
    (k) => JSON.stringify(from.fields[k]) !== JSON.stringify(to.fields[k]),
  );
  return { lines: compareLines(from.text, to.text), fieldsChanged };
}
