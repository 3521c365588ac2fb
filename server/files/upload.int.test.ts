import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import fontkit from "@pdf-lib/fontkit";
import { count, eq, sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { document, documentFile } from "@/db/schema/documents";
import { documentParticipant } from "@/db/schema/participants";
import { fileBlob } from "@/db/schema/files";
import { seedDemo } from "@/db/seed/demo";
import { loadActor, type Actor } from "@/server/authz/actor";
import { AppError } from "@/server/errors";
import { freshDatabase } from "@/server/testing/test-db";
import { attachFiles } from "./attach";
import { openDocumentFile } from "./download";
import { DiskFileStore } from "./store";
import { sweepOrphanBlobs } from "./sweep";
import { receiveUpload, type UploadSource } from "./upload";

const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const TITLE = "Quyết định về việc phê duyệt kế hoạch ứng dụng công nghệ thông tin năm 2026";
const SECOND_PAGE = "Ủy ban nhân dân phường Định Công giao Phòng Kinh tế chủ trì thực hiện";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;
let dir: string;
let store: DiskFileStore;
let pdf: Uint8Array;
const actors: Record<string, Actor> = {};

async function vietnamesePdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(FONT), { subset: true });
  for (const line of lines) doc.addPage().drawText(line, { x: 40, y: 780, size: 11, font });
  return doc.save();
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
  dir = mkdtempSync(path.join(tmpdir(), "lien-thong-files-"));
  store = new DiskFileStore(dir);
  for (const name of ["vanthu.dc", "chuyenvien.kt", "vanthu.hl", "quantri"]) {
    actors[name] = (await loadActor(db, { userId: users[name]!, sessionEpoch: 1 }))!;
  }
  pdf = await vietnamesePdf([TITLE, SECOND_PAGE]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function upload(
  bytes: Uint8Array | UploadSource["stream"],
  fileName: string,
  options: { as?: string; maxBytes?: number; declaredType?: string } = {},
) {
  const stream = bytes instanceof Uint8Array ? Readable.from([Buffer.from(bytes)]) : bytes;
  return receiveUpload(
    db,
    actors[options.as ?? "vanthu.dc"]!,
    { stream, fileName, declaredType: options.declaredType },
    { store, maxBytes: options.maxBytes },
  );
}

/** Everything an upload can leave behind: temporary files, blob rows, stored files. */
async function leftovers() {
  const storedFiles = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === "tmp" ? [] : storedFiles(path.join(folder, e.name))) : [e.name],
    );
  const temp = (() => {
    try {
      return readdirSync(store.tempDir);
    } catch {
      return [];
    }
  })();
  const [blobs] = await db.select({ n: count() }).from(fileBlob);
  return { temp, blobs: blobs!.n, stored: storedFiles(dir).sort() };
}

/** The domain error a call was refused with; fails the test when the call succeeds. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

describe("receiveUpload", () => {
  it("stores a Vietnamese PDF read-only under its SHA-256 and keeps its text layer for search", async () => {
    const result = await upload(pdf, "Quyết định 125.pdf");
    expect(result).toEqual({
      sha256: sha(pdf),
      size: pdf.length,
      mimeType: "application/pdf",
      pageCount: 2,
      fileName: "Quyết định 125.pdf",
      signatures: null,
    });
    const file = store.pathOf(result.sha256);
    expect(file).toBe(
      path.join(dir, result.sha256.slice(0, 2), result.sha256.slice(2, 4), result.sha256),
    );
    expect(Buffer.compare(readFileSync(file), Buffer.from(pdf))).toBe(0);
    expect(statSync(file).mode & 0o222).toBe(0);
    const [blob] = await db.select().from(fileBlob).where(eq(fileBlob.sha256, result.sha256));
    expect(blob!.textContent).toContain(TITLE);
    expect(blob!.textContent).toContain(SECOND_PAGE);
    expect(blob!.pageCount).toBe(2);
    expect((await leftovers()).temp).toEqual([]);
  });

  it("keeps the same bytes uploaded twice, under another name and as a web stream, as one blob", async () => {
    const before = await leftovers();
    const again = await upload(new Blob([Buffer.from(pdf)]).stream(), "ban-sao.pdf");
    expect(again).toMatchObject({ sha256: sha(pdf), pageCount: 2, fileName: "ban-sao.pdf" });
    expect(await leftovers()).toEqual(before);
  });

  it("accepts an office attachment and an image by their content, and names a PDF .pdf", async () => {
    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from("word/document.xml"),
    ]);
    expect(await upload(docx, "Báo cáo.docx")).toMatchObject({
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      pageCount: null,
    });
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    expect(await upload(png, "chu-ky.png")).toMatchObject({ mimeType: "image/png" });
    const scan = await vietnamesePdf(["Bản quét"]);
    expect(await upload(scan, "van-ban-den")).toMatchObject({ fileName: "van-ban-den.pdf" });
  });

  describe("refuses, leaving no temporary file, no blob row and no stored file", () => {
    const ownerOnly = () => encrypt(["", "chu-so-huu"]);
    const withPassword = () => encrypt(["mat-khau", "chu-so-huu"]);
    function encrypt([user, owner]: string[]): Uint8Array {
      const work = mkdtempSync(path.join(tmpdir(), "lien-thong-qpdf-"));
      try {
        writeFileSync(path.join(work, "plain.pdf"), pdf);
        execFileSync("qpdf", ["--encrypt", user!, owner!, "256", "--", "plain.pdf", "locked.pdf"], {
          cwd: work,
        });
        return readFileSync(path.join(work, "locked.pdf"));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
    // An upload that would never end unless the limit stops it.
    const endless = () =>
      new Readable({
        read() {
          this.push(Buffer.alloc(64 * 1024, 0x25));
        },
      });

    const cases: [string, () => Promise<unknown>, string][] = [
      [
        "a truncated PDF",
        () => upload(pdf.slice(0, pdf.length / 2), "cat-do.pdf"),
        "files.brokenPdf",
      ],
      [
        "a PDF header and end marker around garbage",
        () =>
          upload(Buffer.from("%PDF-1.7\n1 0 obj << /Type /Cat >> garbage\n%%EOF\n"), "rong.pdf"),
        "files.brokenPdf",
      ],
      [
        "a text file renamed .pdf",
        () => upload(Buffer.from("Kính gửi: Ủy ban nhân dân phường"), "cong-van.pdf"),
        "files.brokenPdf",
      ],
      [
        "a text file sent as application/pdf",
        () => upload(Buffer.from("xin chào"), "cong-van", { declaredType: "application/pdf" }),
        "files.brokenPdf",
      ],
      [
        "a PDF encrypted with an owner password only",
        () => upload(ownerOnly(), "ma-hoa.pdf"),
        "files.encrypted",
      ],
      [
        "a PDF that needs a password to open",
        () => upload(withPassword(), "mat-khau.pdf"),
        "files.encrypted",
      ],
      ["an empty file", () => upload(new Uint8Array(0), "rong.pdf"), "files.empty"],
      [
        "a stream past the limit",
        () => upload(endless(), "lon.pdf", { maxBytes: 100_000 }),
        "files.tooLarge",
      ],
      [
        "a program",
        () => upload(Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), "setup.exe"),
        "files.typeNotAllowed",
      ],
      [
        "an image named as a Word file",
        () => upload(Buffer.from("89504e470d0a1a0a", "hex"), "anh.docx"),
        "files.typeNotAllowed",
      ],
      ["a file without a name", () => upload(pdf, " / "), "files.nameInvalid"],
      [
        "a member without access to documents",
        () => upload(pdf, "a.pdf", { as: "quantri" }),
        "errors.forbidden",
      ],
    ];

    it.each(cases)("%s", async (_what, attempt, key) => {
      const before = await leftovers();
      expect((await failure(attempt())).messageKey).toBe(key);
      expect(await leftovers()).toEqual({ ...before, temp: [] });
    });

    it("says what the limit is", async () => {
      const error = await failure(upload(endless(), "lon.pdf", { maxBytes: 2 * 1024 * 1024 }));
      expect(error).toMatchObject({ messageKey: "files.tooLarge", params: { maxMb: 2 } });
    });
  });
});

async function insertDocument(organisationId: string, createdById: string, subject: string) {
  const [row] = await db
    .insert(document)
    .values({
      organisationId,
      createdById,
      direction: "incoming",
      status: "registered",
      documentType: "quyet_dinh",
      subject,
      issuerName: "Ủy ban nhân dân quận Hoàng Mai",
      registeredAt: new Date(),
    })
    .returning();
  return row!;
}

const attach = (
  actor: string,
  documentId: string,
  files: Parameters<typeof attachFiles>[2]["files"],
) => db.transaction((tx) => attachFiles(tx, actors[actor]!, { documentId, files }));

describe("attachFiles", () => {
  it("attaches uploaded blobs and makes the document findable by its PDF's words, without diacritics", async () => {
    const doc = await insertDocument(
      orgs.dinhcong!,
      users["vanthu.dc"]!,
      "Về việc triển khai kế hoạch",
    );
    const png = await upload(Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), "so-do.png");
    const rows = await attach("vanthu.dc", doc.id, [
      { sha256: sha(pdf), fileName: "Quyết định 125.pdf", kind: "main" },
      { sha256: png.sha256, fileName: "so-do.png", kind: "attachment" },
    ]);
    expect(rows.map((r) => [r.kind, r.fileName, r.mimeType])).toEqual([
      ["main", "Quyết định 125.pdf", "application/pdf"],
      ["attachment", "so-do.png", "image/png"],
    ]);
    const [found] = await db
      .select({ id: document.id, contentText: document.contentText })
      .from(document)
      .where(
        sql`${document.searchVector} @@ plainto_tsquery('simple', 'ung dung cong nghe thong tin')`,
      );
    expect(found?.id).toBe(doc.id);
    expect(found?.contentText).toContain(TITLE);

    // The same file again is not attached twice, nor its text appended twice.
    expect(
      await attach("vanthu.dc", doc.id, [
        { sha256: sha(pdf), fileName: "lai.pdf", kind: "attachment" },
      ]),
    ).toEqual([]);
    const [after] = await db.select().from(document).where(eq(document.id, doc.id));
    expect(after!.contentText).toBe(found!.contentText);
  });

  it("refuses a blob that was never uploaded, a main file that is not a PDF, and another organisation's document", async () => {
    const doc = await insertDocument(orgs.dinhcong!, users["vanthu.dc"]!, "Về việc báo cáo");
    const missing = await failure(
      attach("vanthu.dc", doc.id, [{ sha256: "f".repeat(64), fileName: "x.pdf", kind: "main" }]),
    );
    expect(missing.fieldErrors).toEqual({
      files: [{ key: "files.missing", params: { name: "x.pdf" } }],
    });
    const png = sha(Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
    const notPdf = await failure(
      attach("vanthu.dc", doc.id, [{ sha256: png, fileName: "so-do.png", kind: "main" }]),
    );
    expect(notPdf.fieldErrors.files?.[0]?.key).toBe("files.mainMustBePdf");
    // Another organisation's clerk holds neither the bytes nor the document.
    const other = await failure(
      attach("vanthu.hl", doc.id, [{ sha256: sha(pdf), fileName: "a.pdf", kind: "main" }]),
    );
    expect(other.fieldErrors.files?.[0]?.key).toBe("files.missing");
    const theirs = await upload(await vietnamesePdf(["Phường Hoàng Liệt"]), "hl.pdf", {
      as: "vanthu.hl",
    });
    const otherDocument = await failure(
      attach("vanthu.hl", doc.id, [{ sha256: theirs.sha256, fileName: "hl.pdf", kind: "main" }]),
    );
    expect(otherDocument.code).toBe("NOT_FOUND");
    const [n] = await db
      .select({ n: count() })
      .from(documentFile)
      .where(eq(documentFile.documentId, doc.id));
    expect(n!.n).toBe(0);
  });
});

describe("sweepOrphanBlobs", () => {
  it("removes an old blob attached to no document, row and bytes, and keeps attached and recent ones", async () => {
    const draft = await vietnamesePdf(["Bản nháp bỏ dở"]);
    const orphan = await upload(draft, "nhap.pdf");
    const recent = await upload(await vietnamesePdf(["Vừa tải lên"]), "moi.pdf");
    const doc = await insertDocument(orgs.dinhcong!, users["vanthu.dc"]!, "Về việc lưu trữ");
    const kept = await upload(await vietnamesePdf(["Đã đính kèm"]), "kem.pdf");
    await attach("vanthu.dc", doc.id, [{ sha256: kept.sha256, fileName: "kem.pdf", kind: "main" }]);
    await db
      .update(fileBlob)
      .set({ createdAt: sql`now() - interval '2 days'` })
      .where(sql`${fileBlob.sha256} in (${orphan.sha256}, ${kept.sha256})`);

    expect(await sweepOrphanBlobs(db, 24, { store })).toBe(1);
    const remaining = await db.select({ sha256: fileBlob.sha256 }).from(fileBlob);
    const hashes = remaining.map((r) => r.sha256);
    expect(hashes).not.toContain(orphan.sha256);
    expect(hashes).toEqual(expect.arrayContaining([kept.sha256, recent.sha256]));
    expect(await store.has(orphan.sha256)).toBe(false);
    expect(await store.has(kept.sha256)).toBe(true);
    expect(await store.has(recent.sha256)).toBe(true);

    // The same bytes uploaded again after the sweep are stored anew.
    await upload(draft, "nhap.pdf");
    expect(await store.has(orphan.sha256)).toBe(true);
  });
});

describe("openDocumentFile", () => {
  it("serves a document's file only to those who may see the document", async () => {
    const doc = await insertDocument(
      orgs.dinhcong!,
      users["vanthu.dc"]!,
      "Về việc cấp phép xây dựng",
    );
    await db.insert(documentParticipant).values({
      documentId: doc.id,
      userId: users["vanthu.dc"]!,
      kind: "registrar",
      organisationId: orgs.dinhcong!,
      box: "none",
      urgency: "normal",
    });
    const [file] = await attach("vanthu.dc", doc.id, [
      { sha256: sha(pdf), fileName: "Giấy phép.pdf", kind: "main" },
    ]);
    const open = (who: string, id = file!.id) => openDocumentFile(db, actors[who]!, id, { store });

    const served = await open("vanthu.dc");
    expect(served).toMatchObject({
      fileName: "Giấy phép.pdf",
      mimeType: "application/pdf",
      size: pdf.length,
    });
    expect(Buffer.compare(await buffer(served.stream), Buffer.from(pdf))).toBe(0);

    for (const [who, id] of [
      ["vanthu.hl", file!.id], // another organisation
      ["chuyenvien.kt", file!.id], // a specialist with no role on the document
      ["vanthu.dc", "00000000-0000-4000-8000-000000000000"],
      ["vanthu.dc", "not-a-uuid"],
    ] as const) {
      expect((await failure(open(who, id))).code).toBe("NOT_FOUND");
    }

    await db.insert(documentParticipant).values({
      documentId: doc.id,
      userId: users["chuyenvien.kt"]!,
      kind: "lead",
      organisationId: orgs.dinhcong!,
      box: "to_handle",
      urgency: "normal",
    });
    const handled = await open("chuyenvien.kt");
    expect(sha(await buffer(handled.stream))).toBe(sha(pdf));
  });
});
