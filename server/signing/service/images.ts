import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import sharp from "sharp";
import type { DbOrTx } from "@/db/client";
import { signatureImage } from "@/db/schema/signing";
import { getFileStore } from "../../files/store";
import { generateSealPng } from "./seal-image";

// The pictures a signature shows (Decree 30, Appendix I): the leader's handwritten signature in
// blue, the organisation's round red seal, each a PNG with a transparent background. Until one is
// uploaded, a stand-in is drawn: a flourish for a signature, and for a seal the round seal drawn
// from the organisation's name (seal-image.ts).

function numbersFrom(seed: string, count: number): number[] {
  const out: number[] = [];
  let block = createHash("sha256").update(seed).digest();
  while (out.length < count) {
    for (const byte of block) out.push(byte / 255);
    block = createHash("sha256").update(block).digest();
  }
  return out.slice(0, count);
}

/** A blue flourish, the same for the same name. */
export async function standInSignature(name: string): Promise<Buffer> {
  const r = numbersFrom(name, 24);
  const y = (i: number) => 60 + r[i]! * 120;
  const path = `M 30 ${y(0)} C 90 ${y(1) - 80}, 120 ${y(2) + 80}, 170 ${y(3)} S 260 ${y(4) - 70}, 300 ${y(5)} S 400 ${y(6) + 60}, 450 ${y(7) - 20} S 540 ${y(8)}, 570 ${y(9) - 40}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240">
    <path d="${path}" fill="none" stroke="#1a3fb0" stroke-width="7" stroke-linecap="round"/>
    <path d="M 120 ${y(10) + 30} Q 330 ${y(11) + 60}, 520 ${y(12) + 10}" fill="none" stroke="#1a3fb0" stroke-width="5" stroke-linecap="round"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function bytesOf(sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getFileStore().open(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export type Holder = { organisationId: string; userId: string | null; name: string };

/** The active picture's blob for a leader (userId) or an organisation's seal, if one was set. */
export async function activeImage(
  db: DbOrTx,
  who: Pick<Holder, "organisationId" | "userId">,
): Promise<{ sha256: string; createdAt: Date } | null> {
  const [row] = await db
    .select({ sha256: signatureImage.sha256, createdAt: signatureImage.createdAt })
    .from(signatureImage)
    .where(
      and(
        eq(signatureImage.organisationId, who.organisationId),
        eq(signatureImage.kind, who.userId ? "signature" : "seal"),
        who.userId ? eq(signatureImage.userId, who.userId) : isNull(signatureImage.userId),
        eq(signatureImage.active, true),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The stand-in drawn when no picture was set: a flourish for the name, or the name's seal. */
export const standInFor = (who: Holder) =>
  who.userId ? standInSignature(who.name) : generateSealPng(who.name);

/** The picture a signature shows: the one set, else the stand-in. */
export async function imageFor(db: DbOrTx, who: Holder): Promise<Buffer> {
  const row = await activeImage(db, who);
  return row ? bytesOf(row.sha256) : standInFor(who);
}
