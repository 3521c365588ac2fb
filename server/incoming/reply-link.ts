import { and, eq, isNull } from "drizzle-orm";
import { document } from "@/db/schema/documents";
import { outgoingDraft } from "@/db/schema/outgoing";
import { formatNumberNotation } from "@/lib/documents";
import { subjectLine } from "@/lib/outgoing";
import { fieldError } from "../errors";
import { visibleTo } from "./visibility";
import type { ActionContext } from "./workflow-support";

/**
 * The reply a handler names when reporting their result: an outgoing document of the same
 * organisation, drafted as the answer to this one, that the handler sees. Once issued, it becomes
 * the document's reply of record (the follow-up book's column) unless one is already named.
 * Returns how the history names it.
 */
export async function nameReply(ctx: ActionContext, replyId: string): Promise<string> {
  const { tx, actor, doc } = ctx;
  const [reply] = await tx
    .select({
      id: document.id,
      status: document.status,
      documentType: document.documentType,
      subject: document.subject,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
    })
    .from(document)
    .innerJoin(outgoingDraft, eq(outgoingDraft.documentId, document.id))
    .where(
      and(
        eq(document.id, replyId),
        eq(document.direction, "outgoing"),
        eq(outgoingDraft.answersDocumentId, doc.id),
        visibleTo(actor),
      ),
    );
  if (!reply) throw fieldError({ replyDocumentId: "incoming.replyUnknown" });
  if (reply.status === "issued") {
    await tx
      .update(document)
      .set({ replyDocumentId: reply.id })
      .where(and(eq(document.id, doc.id), isNull(document.replyDocumentId)));
  }
  const number = formatNumberNotation(reply.codeNumber, reply.codeNotation);
  const subject = subjectLine(reply.documentType, reply.subject);
  return number ? `${number}: ${subject}` : subject;
}
