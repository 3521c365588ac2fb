import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { documentParticipant } from "@/db/schema/participants";
import type { Urgency } from "@/lib/documents";

type Kind = (typeof documentParticipant.$inferInsert)["kind"];
type Box = (typeof documentParticipant.$inferInsert)["box"];

export const NO_DEADLINE = "infinity";

/**
 * Puts a person on a document (or moves them to another box when they already are). The row is
 * both their right to see the document and its place in their inbox.
 */
export async function upsertParticipant(
  tx: DbOrTx,
  row: {
    documentId: string;
    userId: string;
    kind: Kind;
    organisationId: string;
    box: Box;
    urgency: Urgency;
    deadline?: string | null;
    assignmentId?: string | null;
    returned?: boolean;
  },
): Promise<void> {
  const values = {
    documentId: row.documentId,
    userId: row.userId,
    kind: row.kind,
    organisationId: row.organisationId,
    box: row.box,
    urgency: row.urgency,
    deadline: row.deadline ?? NO_DEADLINE,
    assignmentId: row.assignmentId ?? null,
    returned: row.returned ? 1 : 0,
  };
  await tx
    .insert(documentParticipant)
    .values(values)
    .onConflictDoUpdate({
      target: [
        documentParticipant.documentId,
        documentParticipant.userId,
        documentParticipant.kind,
      ],
      set: {
        box: values.box,
        urgency: values.urgency,
        deadline: values.deadline,
        assignmentId: values.assignmentId,
        returned: values.returned,
        updatedAt: sql`now()`,
      },
    });
}

/** Moves a set of a document's participants to another box. */
export async function moveParticipants(
  tx: DbOrTx,
  documentId: string,
  filter: { kinds?: Kind[]; userIds?: string[]; assignmentIds?: string[] },
  set: { box?: Box; deadline?: string | null; returned?: boolean },
): Promise<void> {
  await tx
    .update(documentParticipant)
    .set({
      ...(set.box ? { box: set.box } : {}),
      ...(set.deadline !== undefined ? { deadline: set.deadline ?? NO_DEADLINE } : {}),
      ...(set.returned !== undefined ? { returned: set.returned ? 1 : 0 } : {}),
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(documentParticipant.documentId, documentId),
        filter.kinds ? inArray(documentParticipant.kind, filter.kinds) : undefined,
        filter.userIds ? inArray(documentParticipant.userId, filter.userIds) : undefined,
        filter.assignmentIds
          ? inArray(documentParticipant.assignmentId, filter.assignmentIds)
          : undefined,
      ),
    );
}
