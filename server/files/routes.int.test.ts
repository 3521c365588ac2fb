import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import { seedDemo } from "@/db/seed/demo";
import { loadActor } from "@/server/authz/actor";
import { freshDatabase } from "@/server/testing/test-db";
import type * as DbClient from "@/db/client";
import { attachFiles } from "./attach";

// The route handlers run as Next.js runs them, on real requests, a real database and real files;
// only the session cookie's decoding (next-auth) is replaced by the user the test names.
const state = vi.hoisted(() => {
  process.env.UPLOAD_MAX_MB = "1";
  process.env.FILES_DIR = `${process.env.TMPDIR ?? "/tmp"}/lien-thong-routes-${process.pid}`;
  return {
    db: undefined as unknown,
    session: null as { userId: string; sessionEpoch: number } | null,
  };
});
vi.mock("@/server/auth/auth", () => ({ currentSession: async () => state.session }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof DbClient>()),
  getDb: () => state.db,
}));

const { POST } = await import("@/app/api/files/route");
const { GET } = await import("@/app/api/files/[fileId]/route");
const { GET: GET_PREVIEW } = await import("@/app/api/files/[fileId]/preview/route");
const { POST: VERIFY } = await import("@/app/api/verify/route");

let db: Db;
let users: Record<string, string>;
let orgs: Record<string, string>;
let pdf: Uint8Array;
const base = "http://localhost:3000/api/files";

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
  state.db = db;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(
    readFileSync("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    { subset: true },
  );
  doc.addPage().drawText("Giấy mời họp giao ban tuần", { x: 40, y: 780, size: 12, font });
  pdf = await doc.save();
});

afterAll(() => rmSync(process.env.FILES_DIR!, { recursive: true, force: true }));

const signIn = (username: string | null) => {
  state.session = username ? { userId: users[username]!, sessionEpoch: 1 } : null;
};

function post(body: BodyInit, fileName: string, headers: Record<string, string> = {}) {
  return POST(
    new Request(base, {
      method: "POST",
      body,
      headers: { "x-file-name": encodeURIComponent(fileName), ...headers },
      duplex: "half",
    } as RequestInit),
  );
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe("POST /api/files", () => {
  it("streams an upload into the store and answers with the blob", async () => {
    signIn("vanthu.dc");
    const response = await post(new Blob([Buffer.from(pdf)]).stream(), "Giấy mời họp.pdf", {
      "content-type": "application/pdf",
    });
    expect(response.status).toBe(201);
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    expect(await response.json()).toEqual({
      sha256,
      size: pdf.length,
      mimeType: "application/pdf",
      pageCount: 1,
      fileName: "Giấy mời họp.pdf",
      // An unsigned letter: nothing to check.
      signatures: null,
    });
    const stored = path.join(
      process.env.FILES_DIR!,
      sha256.slice(0, 2),
      sha256.slice(2, 4),
      sha256,
    );
    expect(createHash("sha256").update(readFileSync(stored)).digest("hex")).toBe(sha256);
  });

  it("refuses with a translated message and the matching status", async () => {
    signIn(null);
    const anonymous = await post(Buffer.from(pdf), "a.pdf");
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).message).toMatch(/đăng nhập/);

    signIn("vanthu.dc");
    const broken = await post(Buffer.from("không phải PDF"), "a.pdf", { cookie: "NEXT_LOCALE=en" });
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toEqual({
      code: "VALIDATION",
      message: expect.stringMatching(/not a valid PDF/),
    });

    // UPLOAD_MAX_MB=1: the stream is cut off once it passes 1 MB.
    const big = await post(new Blob([new Uint8Array(3 * 1024 * 1024)]).stream(), "lon.pdf");
    expect(big.status).toBe(413);
    expect((await errorOf(big)).message).toContain("1 MB");

    // A declared size over the limit is refused before the body is read.
    const declared = await post(Buffer.from(pdf), "a.pdf", {
      "content-length": String(2 * 1024 * 1024),
    });
    expect(declared.status).toBe(413);
    expect(declared.bodyUsed).toBe(false);

    signIn("quantri");
    expect((await post(Buffer.from(pdf), "a.pdf")).status).toBe(403);
  });
});

describe("GET /api/files/:id", () => {
  async function attachedFile(): Promise<string> {
    const [doc] = await db
      .insert(document)
      .values({
        organisationId: orgs.dinhcong!,
        createdById: users["vanthu.dc"]!,
        direction: "incoming",
        status: "registered",
        documentType: "giay_moi",
        subject: "Mời họp giao ban",
        issuerName: "Ủy ban nhân dân quận Hoàng Mai",
      })
      .returning();
    const actor = (await loadActor(db, { userId: users["vanthu.dc"]!, sessionEpoch: 1 }))!;
    const [blob] = await db.select().from(fileBlob).where(eq(fileBlob.mimeType, "application/pdf"));
    const [file] = await db.transaction((tx) =>
      attachFiles(tx, actor, {
        documentId: doc!.id,
        files: [{ sha256: blob!.sha256, fileName: "Giấy mời họp (tuần 47).pdf", kind: "main" }],
      }),
    );
    return file!.id;
  }

  const get = (fileId: string, query = "", headers: Record<string, string> = {}) =>
    GET(new Request(`${base}/${fileId}${query}`, { headers }), {
      params: Promise.resolve({ fileId }),
    });

  it("streams the file with its type, size, name and hash to a member who may see the document", async () => {
    signIn("vanthu.dc");
    const id = await attachedFile();
    const response = await get(id);
    expect(response.status).toBe(200);
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      etag: `"${sha256}"`,
      "cache-control": "private, no-cache",
      "content-disposition":
        "attachment; filename=\"Giay moi hop (tuan 47).pdf\"; filename*=UTF-8''" +
        "Gi%E1%BA%A5y%20m%E1%BB%9Di%20h%E1%BB%8Dp%20%28tu%E1%BA%A7n%2047%29.pdf",
    });
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), Buffer.from(pdf))).toBe(0);

    const inline = await get(id, "?inline=1");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);
    await inline.body?.cancel();
    expect((await get(id, "", { "if-none-match": `"${sha256}"` })).status).toBe(304);
  });

  it("answers 404 to another organisation's member and to a specialist without a role on it", async () => {
    signIn("vanthu.dc");
    const id = await attachedFile();
    for (const username of ["vanthu.hl", "chuyenvien.kt"]) {
      signIn(username);
      const response = await get(id, "", { cookie: "NEXT_LOCALE=en" });
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("NOT_FOUND");
    }
  });

  const preview = (fileId: string, headers: Record<string, string> = {}) =>
    GET_PREVIEW(new Request(`${base}/${fileId}/preview`, { headers }), {
      params: Promise.resolve({ fileId }),
    });

  it("draws page 1 as a small picture for those who may see the file, the same to two at once", async () => {
    signIn("vanthu.dc");
    const id = await attachedFile();
    const [first, second] = await Promise.all([preview(id), preview(id)]);
    expect(first.status).toBe(200);
    const type = first.headers.get("content-type");
    expect(["image/png", "image/webp"]).toContain(type);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(Buffer.compare(bytes, Buffer.from(await second.arrayBuffer()))).toBe(0);
    const { default: sharp } = await import("sharp");
    const image = await sharp(bytes).metadata();
    expect(image.width).toBe(800);
    // An A4 page keeps its proportions.
    expect(image.height).toBe(Math.round((800 * 842) / 595));
    // The line of text is drawn: the picture is not a blank page.
    const { channels } = await sharp(bytes).greyscale().stats();
    expect(channels[0]!.min).toBeLessThan(100);
    expect(bytes.length).toBeLessThan(60_000);

    const sha256 = createHash("sha256").update(pdf).digest("hex");
    expect((await preview(id, { "if-none-match": `"${sha256}-p1"` })).status).toBe(304);

    for (const username of ["vanthu.hl", "chuyenvien.kt"]) {
      signIn(username);
      const refused = await preview(id, { cookie: "NEXT_LOCALE=en" });
      expect(refused.status).toBe(404);
      expect((await errorOf(refused)).code).toBe("NOT_FOUND");
    }
  });

  it("answers 404 with a translated message when the PDF cannot be drawn", async () => {
    signIn("vanthu.dc");
    const id = await attachedFile();
    const [row] = await db
      .select({ sha256: fileBlob.sha256 })
      .from(fileBlob)
      .where(eq(fileBlob.mimeType, "application/pdf"));
    // The stored bytes went missing (a restore without the files folder).
    const stored = path.join(
      process.env.FILES_DIR!,
      row!.sha256.slice(0, 2),
      row!.sha256.slice(2, 4),
      row!.sha256,
    );
    const { renameSync } = await import("node:fs");
    rmSync(path.join(process.env.FILES_DIR!, "previews"), { recursive: true, force: true });
    renameSync(stored, `${stored}.away`);
    try {
      const response = await preview(id, { cookie: "NEXT_LOCALE=vi" });
      expect(response.status).toBe(404);
      expect((await errorOf(response)).message).toBe(
        "Không có ảnh xem trước trang đầu của tệp này.",
      );
    } finally {
      renameSync(`${stored}.away`, stored);
    }
  });
});

describe("digital signatures of received PDFs", () => {
  async function signedPdf(): Promise<Uint8Array> {
    process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
    const { ensureAuthority } = await import("@/server/signing/service/authority");
    const { signPdfPades } = await import("@/server/signing/service/pades");
    const { buildFormPdf } = await import("@/server/signing/pdf/testing/form-pdf");
    const { createLocalSigner, issuePersonCertificate } = await import("@/server/signing/pki");
    const authority = await ensureAuthority(db);
    const leader = await issuePersonCertificate({
      issuer: authority.issuing,
      fullName: "Trần Văn Bình",
      title: "Chủ tịch",
      organizationName: "Ủy ban nhân dân quận Hoàng Mai",
      organizationCode: "000.00.28.H26",
      crlDistributionPointUrl: "http://localhost:3000/api/ca/crl",
    });
    const form = await buildFormPdf({ texts: [] });
    return signPdfPades({
      pdf: form.bytes,
      signer: createLocalSigner({
        key: leader.privateKey,
        certificate: leader.certificate,
        chain: [authority.issuing.certificate, authority.root.certificate],
      }),
      authority,
      crls: [],
      signature: {
        fieldName: "LanhDaoKy",
        signerName: "Trần Văn Bình",
        reason: "Ký ban hành",
        location: "Hoàng Mai",
        signingTime: new Date(),
      },
    });
  }

  it("tells the clerk on upload who signed a received PDF and whether it is intact", async () => {
    signIn("vanthu.dc");
    const pdfBytes = await signedPdf();
    const response = await post(new Blob([Buffer.from(pdfBytes)]), "57-UBND.pdf", {
      "content-type": "application/pdf",
    });
    expect(response.status).toBe(201);
    const uploaded = (await response.json()) as { signatures: { signatures: unknown[] } };
    expect(uploaded.signatures.signatures).toEqual([
      expect.objectContaining({ field: "LanhDaoKy", signer: "Trần Văn Bình", verdict: "valid" }),
    ]);

    // Changed after signing, on the verify page: invalid, said in Vietnamese, nothing kept.
    const tampered = Buffer.from(pdfBytes);
    // One byte inside the signed bytes (the first range starts at the file's start).
    tampered[100] = tampered[100] === 0x41 ? 0x42 : 0x41;
    const before = await db.select({ sha256: fileBlob.sha256 }).from(fileBlob);
    const verified = await VERIFY(
      new Request("http://localhost:3000/api/verify", {
        method: "POST",
        body: tampered,
        headers: { cookie: "NEXT_LOCALE=vi" },
      }),
    );
    expect(verified.status).toBe(200);
    const report = (await verified.json()) as {
      signatures: { verdict: string; reasons: { vi: string }[] }[];
    };
    expect(report.signatures[0]!.verdict).toBe("invalid");
    expect(report.signatures[0]!.reasons.length).toBeGreaterThan(0);
    expect(await db.select({ sha256: fileBlob.sha256 }).from(fileBlob)).toHaveLength(before.length);

    // Not a PDF: refused with the translated reason.
    const refused = await VERIFY(
      new Request("http://localhost:3000/api/verify", {
        method: "POST",
        body: "hello",
        headers: { cookie: "NEXT_LOCALE=en" },
      }),
    );
    expect(refused.status).toBe(400);
    signIn(null);
    const anonymous = await VERIFY(
      new Request("http://localhost:3000/api/verify", { method: "POST", body: tampered }),
    );
    expect(anonymous.status).toBe(401);
  });
});
