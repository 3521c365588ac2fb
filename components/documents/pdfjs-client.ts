import type * as PdfjsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFDocumentLoadingTask } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * pdf.js in the browser only: imported on first use, so neither server rendering nor the first
 * load of a page pays for it. The legacy build also runs on phones a few years old.
 */
export type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | null = null;

/** Where app/api/pdfjs serves the worker and data files of this pdf.js version. */
const assetUrl = (version: string, file: string) =>
  new URL(`/api/pdfjs/${version}/${file}`, window.location.origin).href;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import("pdfjs-dist/legacy/build/pdf.mjs").then(
    (pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = assetUrl(pdfjs.version, "pdf.worker.min.mjs");
      return pdfjs;
    },
    (error: unknown) => {
      // A failed chunk load (the network dropped) may succeed when the user tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Starts reading the PDF at `url` (same origin, so the session cookie goes with it). */
export function openPdf(pdfjs: Pdfjs, url: string): PDFDocumentLoadingTask {
  return pdfjs.getDocument({
    url: new URL(url, window.location.origin).href,
    cMapUrl: assetUrl(pdfjs.version, "cmaps/"),
    cMapPacked: true,
    standardFontDataUrl: assetUrl(pdfjs.version, "standard_fonts/"),
    wasmUrl: assetUrl(pdfjs.version, "wasm/"),
    // A file from outside the organisation must not get to run code through its fonts.
    isEvalSupported: false,
  });
}

export type PdfLoadError = "noAccess" | "password" | "invalid" | "other";

/** What went wrong, by the names pdf.js gives its errors. */
export function classifyPdfError(error: unknown): PdfLoadError {
  const { name, status } = (error ?? {}) as { name?: string; status?: number };
  if (name === "PasswordException") return "password";
  if (name === "InvalidPDFException") return "invalid";
  if (name === "ResponseException" && (status === 401 || status === 403 || status === 404)) {
    return "noAccess";
  }
  return "other";
}
