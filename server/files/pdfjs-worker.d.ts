// PDF.js ships no types for its worker module; it is imported only for its side effect of
// registering the worker in this thread (see pdf-inspect.ts).
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs";
