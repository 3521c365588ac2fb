import type * as PdfjsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFDocumentLoadingTask } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * pdf.js in the browser only: imported on first use, so neither server rendering nor the first
 * load of a page pays for it. The legacy build also runs on phones a few years old.
 */
export type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | null = null;

/**
 * Where the worker and data files of this pdf.js version are served from: static files that
 * `npm start` copies into public/pdfjs (scripts/pdfjs-assets.ts), compressed and cached for good.
 */
const assetUrl = (version: string, file: string) =>
  new URL(`/pdfjs/${version}/${file}`, window.location.origin).href;

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

/**
 * The bytes of the PDF at `url` (same origin, so the session cookie goes with it), fetched while
 * pdf.js itself is still loading. A refusal takes the shape of pdf.js's own, for
 * `classifyPdfError`.
 */
export async function fetchPdf(url: string, signal: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(new URL(url, window.location.origin), { signal });
  if (!response.ok) {
    await response.body?.cancel();
    throw Object.assign(new Error(`HTTP ${response.status}`), {
      name: "ResponseException",
      status: response.status,
    });
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Opens a PDF from its bytes (handed over to the worker). */
export function openPdf(pdfjs: Pdfjs, data: Uint8Array): PDFDocumentLoadingTask {
  return pdfjs.getDocument({
    data,
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
