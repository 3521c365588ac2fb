import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import sharp from "sharp";
import type { DbOrTx } from "@/db/client";
import { signatureImage } from "@/db/schema/signing";
import { getFileStore } from "../../files/store";

// The pictures a signature shows (Decree 30, Appendix I): the leader's handwritten signature in
// blue, the organisation's round red seal, each a PNG with a transparent background. Until one is
// uploaded, a stand-in is drawn: a flourish for a signature, a double ring with a star for a seal.

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

/** A round red seal: two rings and a star. */
export async function standInSeal(): Promise<Buffer> {
  const star = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? 60 : 24;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    return `${200 + radius * Math.cos(angle)},${200 + radius * Math.sin(angle)}`;
  }).join(" ");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
    <circle cx="200" cy="200" r="190" fill="none" stroke="#d0021b" stroke-width="10"/>
    <circle cx="200" cy="200" r="130" fill="none" stroke="#d0021b" stroke-width="5"/>
    <polygon points="${star}" fill="#d0021b"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function bytesOf(sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getFileStore().open(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The picture a signature shows: the uploaded one, else the stand-in. */
export async function imageFor(
  db: DbOrTx,
  who: { organisationId: string; userId: string | null; name: string },
): Promise<Buffer> {
  const kind = who.userId ? "signature" : "seal";
  const [row] = await db
    .select({ sha256: signatureImage.sha256 })
    .from(signatureImage)
    .where(
      and(
        eq(signatureImage.organisationId, who.organisationId),
        eq(signatureImage.kind, kind),
        who.userId ? eq(signatureImage.userId, who.userId) : isNull(signatureImage.userId),
        eq(signatureImage.active, true),
      ),
    )
    .limit(1);
  if (row) return bytesOf(row.sha256);
  return who.userId ? standInSignature(who.name) : standInSeal();
}
