// PDF.js ships no types for its worker module; pdf-worker.mjs imports it only for its side effect
// of registering the PDF.js worker in that thread.
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs";
