// @ts-check
// The PDF inspection worker (see pdf-inspect.ts and worker-pool.ts). Plain JavaScript that Node
// runs as it is, from the sources: Next.js bundles server code into .next/server/chunks, and a
// worker thread needs a file of its own. It imports only node_modules and pdf-text.mjs.
//
// It reports "ready" once its libraries are loaded, then answers each { bytes, textMax } with one
// PdfWorkerReply. Parsing runs here so that a long PDF keeps this thread busy, not the server's.
import { parentPort } from "node:worker_threads";
import { PDFDocument } from "pdf-lib";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
// PDF.js runs its own "worker" in this thread under Node; importing it registers it globally,
// so PDF.js never has to find it by path.
import "pdfjs-dist/legacy/build/pdf.worker.mjs";
import { cleanText } from "./pdf-text.mjs";

/** @typedef {import("pdfjs-dist/legacy/build/pdf.mjs").PDFDocumentProxy} PDFDocumentProxy */
/** @typedef {import("pdfjs-dist/legacy/build/pdf.mjs").PDFPageProxy} PDFPageProxy */
/** @typedef {"files.brokenPdf" | "files.encrypted"} RefusalKey */
/** @typedef {{ bytes: Uint8Array, textMax: number }} PdfWorkerRequest */
/**
 * @typedef {{ facts: { pageCount: number, text: string | null } }
 *   | { refusal: RefusalKey }
 *   | { failure: string }} PdfWorkerReply
 */

/** A verdict on the file, as opposed to a fault of the system. */
class Refusal extends Error {
  /** @param {RefusalKey} key */
  constructor(key) {
    super(key);
    this.key = key;
  }
}

const broken = () => new Refusal("files.brokenPdf");
const encrypted = () => new Refusal("files.encrypted");

/**
 * PDF.js must open every page because it is the viewer; pdf-lib must load the file because
 * registration stamps and signatures are written with it. Encrypted PDFs are refused even when
 * only an owner password is set: pdf-lib cannot write into them, so they could be neither stamped
 * nor signed, and their text may be locked away from search.
 *
 * @param {Uint8Array} bytes
 * @param {number} textMax
 * @returns {Promise<{ pageCount: number, text: string | null }>}
 */
async function inspect(bytes, textMax) {
  return withPdfJs(bytes, async (pdf) => {
    // Asked of PDF.js first: pdf-lib logs a line per object it cannot decrypt.
    const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
    if (/** @type {{ EncryptFilterName?: string | null }} */ (info).EncryptFilterName) {
      throw encrypted();
    }
    await checkWithPdfLib(bytes);
    return { pageCount: pdf.numPages, text: await extractText(pdf, textMax) };
  });
}

/** @param {Uint8Array} bytes */
async function checkWithPdfLib(bytes) {
  let doc;
  try {
    // Encryption is read from the loaded document: pdf-lib's EncryptedPDFError cannot be told
    // apart with instanceof (its ES5 build loses the subclass).
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    throw broken();
  }
  if (doc.isEncrypted) throw encrypted();
  let pageCount;
  try {
    pageCount = doc.getPageCount();
  } catch {
    throw broken();
  }
  if (pageCount < 1) throw broken();
}

/**
 * @template T
 * @param {Uint8Array} bytes
 * @param {(pdf: PDFDocumentProxy) => Promise<T>} read
 * @returns {Promise<T>}
 */
async function withPdfJs(bytes, read) {
  const task = getDocument({
    // A copy: PDF.js takes ownership of (and detaches) the buffer it is given, and pdf-lib
    // still needs the bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (error) {
      if (/** @type {{ name?: string }} */ (error)?.name === "PasswordException") throw encrypted();
      throw broken();
    }
    return await read(pdf);
  } finally {
    await task.destroy();
  }
}

/**
 * The text of every page (a page that does not load makes the PDF broken), up to `textMax`.
 *
 * @param {PDFDocumentProxy} pdf
 * @param {number} textMax
 * @returns {Promise<string | null>}
 */
async function extractText(pdf, textMax) {
  /** @type {string[]} */
  const parts = [];
  let length = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    /** @type {PDFPageProxy} */
    let page;
    try {
      page = await pdf.getPage(n);
    } catch {
      throw broken();
    }
    if (length < textMax) {
      const text = await pageText(page).catch(() => "");
      if (text) {
        parts.push(text);
        length += text.length + 2;
      }
    }
    page.cleanup();
  }
  return cleanText(parts.join("\n\n")).slice(0, textMax) || null;
}

/**
 * @param {PDFPageProxy} page
 * @returns {Promise<string>}
 */
async function pageText(page) {
  const content = await page.getTextContent();
  let out = "";
  for (const item of content.items) {
    if ("str" in item) {
      out += item.str;
      if (item.hasEOL) out += "\n";
    }
  }
  return out;
}

/**
 * @param {PdfWorkerRequest} request
 * @returns {Promise<PdfWorkerReply>}
 */
async function answer({ bytes, textMax }) {
  try {
    return { facts: await inspect(bytes, textMax) };
  } catch (error) {
    if (error instanceof Refusal) return { refusal: error.key };
    return { failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

const port = parentPort;
if (!port) throw new Error("pdf-worker.mjs runs as a worker thread (see pdf-inspect.ts).");
port.on("message", (/** @type {PdfWorkerRequest} */ request) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
port.postMessage("ready");
