import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "../errors";
import { cleanText, createPdfInspector, inspectPdf, type PdfInspector } from "./pdf-inspect";

const BIG_PAGES = 300;
const LINE = "Ke hoach ung dung cong nghe thong tin nam 2026, dong";

let big: Uint8Array;
let small: Uint8Array;
let dir: string;
const inspectors: PdfInspector[] = [];

/** Pages full of text; they share one content stream, so making them is quick, reading them is not. */
async function textHeavyPdf(pages: number): Promise<Uint8Array> {
  const source = await PDFDocument.create();
  const font = await source.embedFont(StandardFonts.Helvetica);
  const page = source.addPage();
  for (let line = 0; line < 60; line++) {
    page.drawText(`${LINE} ${line + 1}`, { x: 30, y: 800 - line * 12, size: 9, font });
  }
  const doc = await PDFDocument.create();
  const [first] = await doc.copyPages(source, [0]);
  doc.addPage(first);
  for (let n = 1; n < pages; n++) {
    const next = doc.addPage();
    for (const key of ["Contents", "Resources"]) {
      next.node.set(PDFName.of(key), first!.node.get(PDFName.of(key))!);
    }
  }
  return doc.save();
}

async function onePagePdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(text, { x: 40, y: 780, size: 11, font });
  return doc.save();
}

function inspector(options: { workers: number; timeoutMs: number; script?: string }) {
  const created = createPdfInspector(options);
  inspectors.push(created);
  return created;
}

// The inspector takes the bytes it is given (without a copy); each call gets its own.
const copy = (bytes: Uint8Array) => new Uint8Array(bytes);

/** The domain error a call was refused with; fails the test when the call succeeds. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.messageKey;
    throw error;
  }
  throw new Error("expected the PDF to be refused");
}

beforeAll(async () => {
  big = await textHeavyPdf(BIG_PAGES);
  small = await onePagePdf("Giay moi hop giao ban tuan 47");
  dir = mkdtempSync(path.join(tmpdir(), "lien-thong-pdf-worker-"));
});

afterAll(async () => {
  await Promise.all(inspectors.map((i) => i.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe("inspectPdf", () => {
  it("reads the page count and text layer in a worker found from the project folder", async () => {
    expect(await inspectPdf(copy(small))).toEqual({
      pageCount: 1,
      text: "Giay moi hop giao ban tuan 47",
    });
    const facts = await inspectPdf(copy(big), { textMax: 500 });
    expect(facts.pageCount).toBe(BIG_PAGES);
    expect(facts.text).toHaveLength(500);
    expect(facts.text).toMatch(new RegExp(`^${LINE} 1\\n${LINE} 2\\n`));
  }, 30_000);

  it("hands the bytes over without copying them, but never a buffer shared with others", async () => {
    const own = copy(small);
    await inspectPdf(own);
    expect(own.byteLength).toBe(0);
    // Small Buffers are slices of one pool that other code is using.
    const pooled = Buffer.from(small);
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    expect((await inspectPdf(pooled)).pageCount).toBe(1);
    expect(Buffer.compare(pooled, Buffer.from(small))).toBe(0);
  }, 30_000);

  it("keeps the event loop free while a long PDF is read, and reads a short one meanwhile", async () => {
    const pool = inspector({ workers: 2, timeoutMs: 60_000 });
    const [bigBytes, smallBytes] = [copy(big), copy(small)];
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const busy = performance.eventLoopUtilization();
    const started = performance.now();
    let smallDone = 0;
    const [bigFacts, smallFacts] = await Promise.all([
      pool.inspect(bigBytes, { textMax: 100_000_000 }),
      pool.inspect(smallBytes).finally(() => (smallDone = performance.now() - started)),
    ]);
    const bigDone = performance.now() - started;
    const utilization = performance.eventLoopUtilization(busy).utilization;
    delay.disable();

    expect(bigFacts.pageCount).toBe(BIG_PAGES);
    expect(bigFacts.text!.length).toBeGreaterThan(BIG_PAGES * 60 * LINE.length);
    expect(smallFacts.pageCount).toBe(1);
    // Parsed on this thread, the PDF keeps the event loop busy nearly all the time (≈ 0.98).
    expect(utilization).toBeLessThan(0.25);
    expect(delay.max / 1e6).toBeLessThan(250);
    expect(smallDone).toBeLessThan(bigDone / 2);
  }, 30_000);

  it("refuses a PDF that takes longer than the time limit, and reads the next one", async () => {
    const pool = inspector({ workers: 1, timeoutMs: 400 });
    const started = performance.now();
    const [slow, next] = await Promise.allSettled([
      pool.inspect(copy(big), { textMax: 100_000_000 }),
      pool.inspect(copy(small)),
    ]);
    expect(slow).toMatchObject({
      status: "rejected",
      reason: { code: "VALIDATION", messageKey: "files.pdfTooSlow" },
    });
    expect(next).toMatchObject({ status: "fulfilled", value: { pageCount: 1 } });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await pool.inspect(copy(small))).text).toBe("Giay moi hop giao ban tuan 47");
  }, 30_000);

  it("refuses a broken PDF as broken, whether cut off, garbled or crashing its reader", async () => {
    const pool = inspector({ workers: 1, timeoutMs: 60_000 });
    expect(await refusal(pool.inspect(copy(small).subarray(0, small.length - 200)))).toBe(
      "files.brokenPdf",
    );
    const garbled = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Cat >> garbage\n%%EOF\n");
    expect(await refusal(pool.inspect(garbled))).toBe("files.brokenPdf");
    expect((await pool.inspect(copy(small))).pageCount).toBe(1);

    // A reader that dies on the file (as on a PDF that exhausts its memory) is replaced.
    const crashing = path.join(dir, "crashing-worker.mjs");
    writeFileSync(
      crashing,
      `import { parentPort } from "node:worker_threads";
       parentPort.on("message", () => process.exit(70));
       parentPort.postMessage("ready");`,
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const fragile = inspector({ workers: 1, timeoutMs: 60_000, script: crashing });
      expect(await refusal(fragile.inspect(copy(small)))).toBe("files.brokenPdf");
      expect(await refusal(fragile.inspect(copy(small)))).toBe("files.brokenPdf");
      expect(logged).toHaveBeenCalledWith("PDF inspection worker crashed", expect.any(Error));
    } finally {
      logged.mockRestore();
    }
  }, 30_000);

  it("cleans text for storage and search: NFC, no control characters, blanks collapsed", () => {
    expect(cleanText("Quy\u00ea\u0301t  \u0000đi\u0323nh \n\n\n\n số\t 5 ")).toBe(
      "Quyết định\n\nsố 5",
    );
  });
});
