import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { fileBlob } from "@/db/schema/files";
import type { SignatureCheck } from "@/lib/signature-check";
import { getFileStore, type FileStore } from "./store";
import { lockBlob } from "./upload";

/**
 * Keeps bytes the application made itself (a signed PDF) as a blob, in the caller's
 * transaction: stored under their hash, recorded in file_blob. Returns the hash.
 */
export async function storeGeneratedFile(
  tx: Tx,
  bytes: Uint8Array,
  facts: {
    mimeType: string;
    pageCount?: number | null;
    text?: string | null;
    /** What our verifier found of the signatures in it. */
    signatures?: SignatureCheck | null;
  },
  store: FileStore = getFileStore(),
): Promise<string> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await lockBlob(tx, sha256);
  if (!(await store.has(sha256))) {
    const temp = await store.tempPath();
    await writeFile(temp, bytes);
    await store.put(sha256, temp);
  }
  await tx
    .insert(fileBlob)
    .values({
      sha256,
      size: bytes.length,
      mimeType: facts.mimeType,
      pageCount: facts.pageCount ?? null,
      textContent: facts.text ?? null,
      signatureCheck: facts.signatures ?? null,
    })
    .onConflictDoUpdate({ target: fileBlob.sha256, set: { createdAt: sql`now()` } });
  return sha256;
}

/** The whole of a stored file, for one the application works on again (a PDF to sign further). */
export async function readStoredFile(
  sha256: string,
  store: FileStore = getFileStore(),
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.open(sha256)) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
