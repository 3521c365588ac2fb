import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { fileBlob } from "@/db/schema/files";
import { noticeAttachment } from "@/db/schema/notices";
import { idField, sha256Field } from "@/lib/schemas/fields";
import type { Actor } from "../authz/actor";
import { notFound } from "../errors";
import { loadReadableNotice } from "./access";

/**
 * A file of a notice, for those who may read the notice (its recipients, its organisation's
 * office). The hash alone grants nothing: it must be one of this notice's files.
 */
export async function findNoticeFile(db: DbOrTx, actor: Actor, noticeId: string, sha256: string) {
  if (!idField.safeParse(noticeId).success || !sha256Field.safeParse(sha256).success) {
    throw notFound("file");
  }
  await loadReadableNotice(db, actor, noticeId);
  const [row] = await db
    .select({
      sha256: noticeAttachment.sha256,
      fileName: noticeAttachment.fileName,
      size: fileBlob.size,
      mimeType: fileBlob.mimeType,
    })
    .from(noticeAttachment)
    .innerJoin(fileBlob, eq(fileBlob.sha256, noticeAttachment.sha256))
    .where(and(eq(noticeAttachment.noticeId, noticeId), eq(noticeAttachment.sha256, sha256)));
  if (!row) throw notFound("file");
  return row;
}
