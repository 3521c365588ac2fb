import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "../env";
import { AppError } from "../errors";
import {
  createWorkerPool,
  WorkerCrashError,
  WorkerTimeoutError,
  type WorkerPool,
} from "./worker-pool";

export { cleanText } from "./pdf-text.mjs";

/** Longest text layer kept per file; beyond it a PDF is a book, and its start is enough for search. */
export const PDF_TEXT_MAX = 1_000_000;

export type PdfFacts = { pageCount: number; text: string | null };

/**
 * The inspection worker runs from the sources, unbundled: Next.js bundles this module into
 * .next/server/chunks, where a path relative to it would lead nowhere. The server (`npm start`,
 * which runs `next start` or `next dev` in the project folder), the tests and the benchmarks
 * all run in the project folder.
 */
export const PDF_WORKER_SCRIPT = path.join(process.cwd(), "server", "files", "pdf-worker.mjs");

type PdfWorkerRequest = { bytes: Uint8Array; textMax: number };
type PdfWorkerReply =
  { facts: PdfFacts } | { refusal: "files.brokenPdf" | "files.encrypted" } | { failure: string };

export type PdfInspector = {
  inspect(bytes: Uint8Array, options?: { textMax?: number }): Promise<PdfFacts>;
  close(): Promise<void>;
};

const refuse = (key: string) => new AppError("VALIDATION", key);

/**
 * Inspects PDFs in at most `workers` worker threads (the rest wait in line), each file within
 * `timeoutMs` of being taken up. A file that takes longer is refused as too slow to read, and
 * one whose worker crashes is refused as broken: either way its worker is replaced, and a retry
 * would only tie up a worker again with the same result. A worker that cannot start is the
 * system's fault, not the file's: that is an error, not a refusal.
 */
export function createPdfInspector(options: {
  workers: number;
  timeoutMs: number;
  script?: string;
}): PdfInspector {
  const script = options.script ?? PDF_WORKER_SCRIPT;
  // Checked at run time only: the bundler need not trace a file it never bundles.
  if (!existsSync(/* turbopackIgnore: true */ script)) {
    throw new Error(
      `The PDF inspection worker ${script} is missing: start the server from the project folder.`,
    );
  }
  const pool: WorkerPool<PdfWorkerRequest, PdfWorkerReply> = createWorkerPool({
    script,
    size: options.workers,
    timeoutMs: options.timeoutMs,
  });
  return {
    async inspect(bytes, { textMax = PDF_TEXT_MAX } = {}) {
      // A PDF ends with %%EOF (readers tolerate a little trailing junk); a cut-off upload does not.
      if (!endsWithEofMarker(bytes)) throw refuse("files.brokenPdf");
      let reply: PdfWorkerReply;
      try {
        reply = await pool.run({ bytes, textMax }, transferable(bytes));
      } catch (error) {
        if (error instanceof WorkerTimeoutError) throw refuse("files.pdfTooSlow");
        if (error instanceof WorkerCrashError) {
          console.error("PDF inspection worker crashed", error);
          throw refuse("files.brokenPdf");
        }
        throw error;
      }
      if ("facts" in reply) return reply.facts;
      if ("refusal" in reply) throw refuse(reply.refusal);
      throw new Error(`PDF inspection failed: ${reply.failure}`);
    },
    close: () => pool.close(),
  };
}

const globalForPdf = globalThis as unknown as { lienThongPdfInspector?: PdfInspector };

/**
 * Checks that a PDF is whole and readable by both libraries the system relies on (PDF.js, the
 * viewer; pdf-lib, which stamps and signs), refuses encrypted ones, and reads its text layer.
 * The parsing runs in a worker thread (PDF_WORKERS of them, PDF_INSPECT_TIMEOUT_S per file), so
 * a long PDF does not stop the server from answering everyone else.
 *
 * The bytes are handed to the worker without a copy when they fill their own ArrayBuffer (as a
 * file just read does): the caller must not use them afterwards.
 */
export function inspectPdf(
  bytes: Uint8Array,
  options: { textMax?: number } = {},
): Promise<PdfFacts> {
  // Kept across module reloads in development, so reloading does not strand running workers.
  globalForPdf.lienThongPdfInspector ??= createPdfInspector({
    workers: env.PDF_WORKERS,
    timeoutMs: env.PDF_INSPECT_TIMEOUT_S * 1000,
  });
  return globalForPdf.lienThongPdfInspector.inspect(bytes, options);
}

/** Stops the inspection workers, for a script that uploaded files and now wants to exit. */
export async function closePdfInspector(): Promise<void> {
  const inspector = globalForPdf.lienThongPdfInspector;
  globalForPdf.lienThongPdfInspector = undefined;
  await inspector?.close();
}

function endsWithEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1024);
  return tail.includes("%%EOF", 0, "latin1");
}

/**
 * The buffer to move rather than copy: only one the bytes fill entirely (a small Buffer may be
 * a slice of Node's shared pool, which must not be taken away from its other users).
 */
function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength;
  return buffer instanceof ArrayBuffer && whole ? [buffer] : [];
}
