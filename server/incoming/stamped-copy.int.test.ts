// The printed copy with the arrival stamp: the stamp on page 1 where the viewer shows it, the
// stored original untouched, a clear refusal for a PDF that cannot be stamped, and nothing for
// whoever may not see the document.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiskFileStore } from "@/server/files/store";
import { insertRegisteredDocument } from "@/server/testing/documents";
import {
  createWorkflowWorld,
  plusDays,
  type WorkflowWorld,
} from "@/server/testing/incoming-workflow";
import { letterPdf, receiveWithMainPdf, sha256Of } from "@/server/testing/stored-documents";
import { answerStampedCopy } from "./print-download";

const out = mkdtempSync(path.join(tmpdir(), "lien-thong-stamped-"));
const store = new DiskFileStore(path.join(out, "files"));
let w: WorkflowWorld;
let original: Uint8Array;
type Received = { id: string; registryNumber: number; arrivalDate: string };
const docs: Record<string, Received> = {};

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

beforeAll(async () => {
  w = await createWorkflowWorld();
  const clerk = await w.as("vanthu.dc");
  original = await letterPdf();
  const letter = await receiveWithMainPdf(w.db, store, clerk, original, {
    fileName: "Công văn 125-UBND-PCTT.pdf",
  });
  docs.letter = letter;
  await w.act("vanthu.dc", docs.letter.id, {
    action: "present",
    leaderId: w.users["chutich.dc"]!,
  });
  await w.act("chutich.dc", docs.letter.id, {
    action: "direct",
    direction: "Giao Phòng Kinh tế chủ trì.",
    lead: { unitId: w.units.KT, deadline: plusDays(10) },
  });
  docs.turned = await receiveWithMainPdf(w.db, store, clerk, await letterPdf({ rotate: 90 }));
  docs.secret = await receiveWithMainPdf(w.db, store, clerk, await letterPdf({ pages: 1 }), {
    confidentiality: "confidential",
  });

  // A file that says it is a PDF and is not, and one locked with a password.
  const broken = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF\n");
  docs.broken = await receiveWithMainPdf(w.db, store, clerk, broken);
  const plain = path.join(out, "plain.pdf");
  const locked = path.join(out, "locked.pdf");
  writeFileSync(plain, await letterPdf({ pages: 1 }));
  run("qpdf", ["--encrypt", "mat-khau", "chu-so-huu", "256", "--", plain, locked]);
  docs.locked = await receiveWithMainPdf(w.db, store, clerk, readFileSync(locked));

  // Registered on paper only: no PDF to stamp.
  const paper = await insertRegisteredDocument(w.db, {
    organisationId: w.orgs.dinhcong!,
    createdById: w.users["vanthu.dc"]!,
    registryId: letter.registryId,
    registryPeriod: letter.period,
    registryNumber: 999,
  });
  docs.paper = { id: paper.id, registryNumber: 999, arrivalDate: paper.arrivalDate! };
});

afterAll(() => {
  if (process.env.SLIP_KEEP_OUTPUT) console.info(`Stamped copies kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
});

function copy(username: string | null, id: string, query = "", locale: "vi" | "en" = "vi") {
  const request = new Request(`http://localhost/api/documents/${id}/stamped-copy${query}`, {
    headers: { cookie: `NEXT_LOCALE=${locale}` },
  });
  const session = username ? { userId: w.users[username]!, sessionEpoch: 1 } : null;
  return answerStampedCopy(w.db, session, request, id, { store });
}

async function saved(response: Response, name: string): Promise<string> {
  expect(response.status).toBe(200);
  const file = path.join(out, name);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

/** A page's text in the order it was drawn: the stamp's lines whole, after the letter's. */
const pageText = (file: string, page: number) =>
  run("pdftotext", ["-raw", "-f", `${page}`, "-l", `${page}`, file, "-"]);

/** Where poppler finds a word on page 1, in points from the top-left of the page as shown. */
function wordBox(file: string, word: string) {
  const html = run("pdftotext", ["-bbox", "-f", "1", "-l", "1", file, "-"]);
  const found = new RegExp(
    `<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}</word>`,
  ).exec(html);
  expect(found, `${word} on page 1`).not.toBeNull();
  const [xMin, yMin, xMax, yMax] = found!.slice(1).map(Number) as [number, number, number, number];
  return { xMin, yMin, xMax, yMax };
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe("the copy with the arrival stamp", () => {
  let file: string;
  let response: Response;

  beforeAll(async () => {
    response = await copy("vanthu.dc", docs.letter!.id);
    file = await saved(response.clone(), "ban-in.pdf");
    run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, path.join(out, "ban-in")]);
  });

  it("is a private, uncached PDF named after the original, in UTF-8", () => {
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const name = "Công văn 125-UBND-PCTT-ban-in.pdf";
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Cong van 125-UBND-PCTT-ban-in.pdf"; ` +
        `filename*=UTF-8''${encodeURIComponent(name)}`,
    );
  });

  it("passes qpdf --check and keeps every page", () => {
    expect(run("qpdf", ["--check", file])).toMatch(/No syntax or stream encoding errors found/);
    expect(run("pdfinfo", [file])).toMatch(/Pages:\s+2/);
  });

  it("carries the stamp on page 1, over the letter's own text, and nowhere else", () => {
    const letter = docs.letter!;
    const first = pageText(file, 1);
    for (const words of [
      "ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG",
      "ĐẾN",
      `Số: ${letter.registryNumber}`,
      `Ngày: ${dmy(letter.arrivalDate)}`,
      "Sổ: Sổ văn bản đến",
      "Chuyển: Phòng Kinh tế",
      "Lưu hồ sơ số:",
    ]) {
      expect(first).toContain(words);
    }
    expect(first).toMatch(/Giờ: \d{2}:\d{2}/);
    expect(first).toContain("Trang 1: đề nghị phường rà soát các điểm ngập úng.");
    const second = pageText(file, 2);
    expect(second).toContain("Trang 2: đề nghị phường rà soát các điểm ngập úng.");
    expect(second).not.toContain("ĐẾN");
  });

  it("leaves the stored original byte for byte as it was", async () => {
    const stored = readFileSync(store.pathOf(sha256Of(original)));
    expect(Buffer.compare(stored, Buffer.from(original))).toBe(0);
    expect(sha256Of(stored)).toBe(sha256Of(original));
    expect(sha256Of(new Uint8Array(readFileSync(file)))).not.toBe(sha256Of(original));
  });

  it("stamps the top-left corner of the page as shown, a page turned 90° included", async () => {
    const upright = wordBox(file, "ĐẾN");
    const turnedFile = await saved(await copy("vanthu.dc", docs.turned!.id), "xoay.pdf");
    const turned = wordBox(turnedFile, "ĐẾN");
    expect(run("pdfinfo", [turnedFile])).toMatch(/Page rot:\s+90/);
    for (const box of [upright, turned]) {
      expect(box.xMin).toBeGreaterThan(24);
      expect(box.xMin).toBeLessThan(60);
      expect(box.yMin).toBeGreaterThan(24);
      expect(box.yMin).toBeLessThan(80);
      // Upright: wider than tall.
      expect(box.xMax - box.xMin).toBeGreaterThan(box.yMax - box.yMin);
    }
  });

  it("goes where the viewer put it, never off the page", async () => {
    const moved = wordBox(
      await saved(await copy("vanthu.dc", docs.letter!.id, "?x=300&y=400"), "x.pdf"),
      "ĐẾN",
    );
    expect(moved.xMin).toBeCloseTo(306, 0);
    expect(moved.yMin).toBeGreaterThan(400);
    const far = wordBox(
      await saved(await copy("vanthu.dc", docs.letter!.id, "?x=5000&y=-3"), "far.pdf"),
      "ĐẾN",
    );
    // Pushed back inside the A4 page: the stamp is 156 points wide.
    expect(far.xMin).toBeGreaterThan(595 - 156);
    expect(far.xMin).toBeLessThan(595 - 100);
    expect(far.yMin).toBeGreaterThan(24);
  });
});

describe("files that cannot be stamped", () => {
  it("refuses a broken stored PDF in words the user can act on, not a 500", async () => {
    const vi = await copy("vanthu.dc", docs.broken!.id);
    expect(vi.status).toBe(409);
    expect((await errorOf(vi)).message).toMatch(/^Tệp PDF toàn văn đã lưu bị hỏng/);
    const en = await copy("vanthu.dc", docs.broken!.id, "", "en");
    expect((await errorOf(en)).message).toMatch(/^The stored main PDF is damaged/);
  });

  it("refuses a password-protected PDF, saying so", async () => {
    const response = await copy("vanthu.dc", docs.locked!.id);
    expect(response.status).toBe(409);
    expect((await errorOf(response)).message).toMatch(/đặt mật khẩu hoặc mã hóa/);
  });

  it("says a document registered on paper has no PDF to stamp", async () => {
    const response = await copy("vanthu.dc", docs.paper!.id);
    expect(response.status).toBe(409);
    expect((await errorOf(response)).message).toMatch(/chưa có tệp PDF toàn văn/);
  });
});

describe("who may print the stamped copy", () => {
  it("answers 404 to another organisation, to a leader not on a secret document, to a bad id", async () => {
    const unknown = await copy("chutich.dc", "2b1f0a4e-8d8c-4c53-9d3e-6b1a2f1e9c77");
    expect(unknown.status).toBe(404);
    const body = await errorOf(unknown);
    for (const [user, id] of [
      ["vanthu.hl", docs.letter!.id],
      ["chutich.dc", docs.secret!.id],
      ["vanthu.dc", "not-an-id"],
    ] as const) {
      const response = await copy(user, id);
      expect(response.status, `${user} ${id}`).toBe(404);
      expect(await errorOf(response)).toEqual(body);
    }
    expect((await copy("vanthu.dc", docs.secret!.id)).status).toBe(200);
    expect((await copy(null, docs.letter!.id)).status).toBe(401);
  });
});
