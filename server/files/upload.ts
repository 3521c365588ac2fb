import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { fileBlob } from "@/db/schema/files";
import type { Action } from "@/lib/permissions";
import type { SignatureCheck } from "@/lib/signature-check";
import { assertCan, type Actor } from "../authz/actor";
import { env } from "../env";
import { AppError } from "../errors";
import { cleanFileName, detectFileType, SNIFF_BYTES } from "./file-type";
import { recordUpload } from "./ownership";
import { inspectPdf } from "./pdf-inspect";
import { checkSignatures } from "../signing/service/verify-file";
import { getFileStore, type FileStore } from "./store";

export type UploadSource = {
  stream: ReadableStream<Uint8Array> | Readable;
  fileName: string;
  /** The Content-Type the client sent: a hint only, the bytes decide. */
  declaredType?: string | null;
};

export type UploadedFile = {
  sha256: string;
  size: number;
  mimeType: string;
  pageCount: number | null;
  fileName: string;
  /** Our verifier's verdict on each digital signature of a PDF; null when it has none. */
  signatures: SignatureCheck | null;
};

export type UploadOptions = {
  store?: FileStore;
  maxBytes?: number;
  /** Who may upload: members who see documents, unless a route for another use says otherwise. */
  action?: Action;
};

const MB = 1024 * 1024;

/** The configured upload limit (UPLOAD_MAX_MB) in bytes. */
export const uploadLimitBytes = () => env.UPLOAD_MAX_MB * MB;

export const tooLarge = (maxBytes: number) =>
  new AppError("VALIDATION", "files.tooLarge", {
    maxMb: Number((maxBytes / MB).toFixed(maxBytes < MB ? 2 : 0)),
  });

const refuse = (key: string) => new AppError("VALIDATION", key);

/**
 * Receives one file: streams it to a temporary file while hashing and counting (never the
 * whole file in memory), stops as soon as it passes the limit, checks its type (and a PDF's
 * structure, reading its text layer), then stores the bytes under their SHA-256 and records the
 * blob. The same bytes uploaded twice are one blob. Any refusal leaves nothing behind.
 * Attaching the blob to a document is a separate call that checks its own permission.
 */
export async function receiveUpload(
  db: Db,
  actor: Actor,
  source: UploadSource,
  options: UploadOptions = {},
): Promise<UploadedFile> {
  assertCan(actor, options.action ?? "incoming.read");
  const cleanName = cleanFileName(source.fileName);
  if (!cleanName) throw refuse("files.nameInvalid");
  const store = options.store ?? getFileStore();
  const maxBytes = options.maxBytes ?? uploadLimitBytes();
  const temp = await store.tempPath();
  try {
    const { sha256, size, head } = await streamToFile(source.stream, temp, maxBytes);
    if (size === 0) throw refuse("files.empty");
    const type = detectFileType(head, cleanName, source.declaredType);
    if (!type.ok) throw refuse(type.key);

    const [known] = await db
      .select({
        mimeType: fileBlob.mimeType,
        pageCount: fileBlob.pageCount,
        signatureCheck: fileBlob.signatureCheck,
      })
      .from(fileBlob)
      .where(eq(fileBlob.sha256, sha256))
      .limit(1);
    // Same bytes, same verdict: only new content is parsed.
    const facts = known
      ? {
          mimeType: known.mimeType,
          pageCount: known.pageCount,
          text: null,
          signatures: known.signatureCheck,
        }
      : type.isPdf
        ? await inspectReceivedPdf(db, await readFile(temp), type.mimeType)
        : { mimeType: type.mimeType, pageCount: null, text: null, signatures: null };

    await db.transaction(async (tx) => {
      await lockBlob(tx, sha256);
      await store.put(sha256, temp);
      await tx
        .insert(fileBlob)
        .values({
          sha256,
          size,
          mimeType: facts.mimeType,
          textContent: facts.text,
          pageCount: facts.pageCount,
          signatureCheck: facts.signatures,
        })
        // Uploading known bytes again restarts the orphan sweep's clock for them.
        .onConflictDoUpdate({ target: fileBlob.sha256, set: { createdAt: sql`now()` } });
      // Only now may this person attach the blob: they have shown they hold its bytes.
      await recordUpload(tx, actor, sha256);
    });
    return {
      sha256,
      size,
      mimeType: facts.mimeType,
      pageCount: facts.pageCount,
      fileName: type.fileName,
      signatures: facts.signatures,
    };
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * What a received PDF holds: its pages and text, and the verdict of each of its digital
 * signatures (checked once, when the bytes first arrive; a signed PDF is never rewritten).
 */
async function inspectReceivedPdf(db: Db, bytes: Buffer, mimeType: string) {
  // First: reading the text hands the bytes over to a worker thread.
  const signatures = await checkSignatures(db, bytes);
  const inspected = await inspectPdf(bytes);
  return { mimeType, ...inspected, signatures };
}

/**
 * Serialises storing a blob with sweeping it (see sweep.ts), so the sweep never deletes bytes
 * that an upload has just been told are stored.
 */
export async function lockBlob(tx: DbOrTx, sha256: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`file_blob:${sha256}`}, 0))`,
  );
}

async function streamToFile(
  stream: UploadSource["stream"],
  target: string,
  maxBytes: number,
): Promise<{ sha256: string; size: number; head: Buffer }> {
  const source =
    stream instanceof Readable ? stream : Readable.fromWeb(stream as NodeWebReadableStream);
  const hash = createHash("sha256");
  let size = 0;
  let head = Buffer.alloc(0);
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(tooLarge(maxBytes));
        return;
      }
      hash.update(chunk);
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES)]);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(target, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    if (error instanceof AppError) throw error;
    // The disk failing is ours to report (500); the client going away mid-upload is not.
    if ((error as NodeJS.ErrnoException).syscall) throw error;
    throw refuse("files.uploadFailed");
  }
  return { sha256: hash.digest("hex"), size, head: head.subarray(0, SNIFF_BYTES) };
}
