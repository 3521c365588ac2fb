import { PDFDocument } from "pdf-lib";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { AppError } from "../errors";

/** Longest text layer kept per file; beyond it a PDF is a book, and its start is enough for search. */
export const PDF_TEXT_MAX = 1_000_000;

export type PdfFacts = { pageCount: number; text: string | null };

const broken = () => new AppError("VALIDATION", "files.brokenPdf");
const encrypted = () => new AppError("VALIDATION", "files.encrypted");

/**
 * Checks that a PDF is whole and readable by both libraries the system relies on, and reads its
 * text layer. PDF.js must open every page because it is the viewer; pdf-lib must load it because
 * registration stamps and signatures are written with it. Encrypted PDFs are refused even when
 * only an owner password is set: pdf-lib cannot write into them, so they could be neither stamped
 * nor signed, and their text may be locked away from search.
 */
export async function inspectPdf(
  bytes: Uint8Array,
  options: { textMax?: number } = {},
): Promise<PdfFacts> {
  // A PDF ends with %%EOF (readers tolerate a little trailing junk); a cut-off upload does not.
  if (!endsWithEofMarker(bytes)) throw broken();
  return withPdfJs(bytes, async (pdf) => {
    // Asked of PDF.js first: pdf-lib logs a line per object it cannot decrypt.
    const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
    if ((info as { EncryptFilterName?: string | null }).EncryptFilterName) throw encrypted();
    await checkWithPdfLib(bytes);
    return {
      pageCount: pdf.numPages,
      text: await extractText(pdf, options.textMax ?? PDF_TEXT_MAX),
    };
  });
}

function endsWithEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1024);
  return tail.includes("%%EOF", 0, "latin1");
}

async function checkWithPdfLib(bytes: Uint8Array): Promise<void> {
  let doc: PDFDocument;
  try {
    // Encryption is read from the loaded document: pdf-lib's EncryptedPDFError cannot be told
    // apart with instanceof (its ES5 build loses the subclass).
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    throw broken();
  }
  if (doc.isEncrypted) throw encrypted();
  let pageCount: number;
  try {
    pageCount = doc.getPageCount();
  } catch {
    throw broken();
  }
  if (pageCount < 1) throw broken();
}

type PdfJs = typeof PdfJsModule;
let pdfjsModule: Promise<PdfJs> | undefined;

// PDF.js runs its "worker" in this thread under Node; importing the worker module up front
// registers it globally, so PDF.js never has to find the file by path (which bundling breaks).
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= (async () => {
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return pdfjsModule;
}

async function withPdfJs<T>(bytes: Uint8Array, read: (pdf: PDFDocumentProxy) => Promise<T>) {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // A copy: PDF.js takes ownership of (and may detach) the buffer it is given.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let pdf: PDFDocumentProxy;
    try {
      pdf = await task.promise;
    } catch (error) {
      if ((error as { name?: string }).name === "PasswordException") throw encrypted();
      throw broken();
    }
    return await read(pdf);
  } finally {
    await task.destroy();
  }
}

/** The text of every page (a page that does not load makes the PDF broken), up to `textMax`. */
async function extractText(pdf: PDFDocumentProxy, textMax: number): Promise<string | null> {
  const parts: string[] = [];
  let length = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    let page: PDFPageProxy;
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

async function pageText(page: PDFPageProxy): Promise<string> {
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
 * NFC (search and display compare composed Vietnamese), no NUL or other control characters
 * (PostgreSQL text refuses NUL), and runs of blanks collapsed.
 */
export function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, " ")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
