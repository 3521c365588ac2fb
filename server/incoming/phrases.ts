// A leader's preset phrases for directions (ý kiến mẫu): the sentences they write every day,
// one tap away in the direction form. Until a leader keeps their own, the common ones are offered.
import { asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { directionPhrase } from "@/db/schema/workflow";
import { assertCan, type Actor } from "../authz/actor";

export const defaultPhrases = [
  "Giao chủ trì tham mưu, báo cáo kết quả trước hạn.",
  "Đề nghị phối hợp thực hiện.",
  "Nghiên cứu, đề xuất phương án xử lý.",
  "Triển khai thực hiện theo đúng nội dung văn bản.",
  "Tham mưu văn bản trả lời.",
  "Lưu, theo dõi.",
];

export async function listPhrases(db: DbOrTx, actor: Actor) {
  assertCan(actor, "incoming.direct");
  const rows = await db
    .select({ text: directionPhrase.text })
    .from(directionPhrase)
    .where(eq(directionPhrase.userId, actor.userId))
    .orderBy(asc(directionPhrase.position), asc(directionPhrase.createdAt));
  return rows.length > 0
    ? { phrases: rows.map((r) => r.text), own: true }
    : { phrases: defaultPhrases, own: false };
}

/** Replaces the leader's phrases with this list, in this order (duplicates dropped). */
export async function savePhrases(db: Db, actor: Actor, input: { phrases: string[] }) {
  assertCan(actor, "incoming.direct");
  const phrases = [...new Set(input.phrases)];
  await db.transaction(async (tx) => {
    await tx.delete(directionPhrase).where(eq(directionPhrase.userId, actor.userId));
    if (phrases.length > 0) {
      await tx
        .insert(directionPhrase)
        .values(phrases.map((text, position) => ({ userId: actor.userId, text, position })));
    }
  });
  return { phrases, own: true };
}
