// A hash names bytes; it is not a right to them. Finding: a clerk of Phường Hoàng Liệt who knew
// the SHA-256 of a secret PDF of Phường Định Công registered a document "with" it, then
// downloaded Định Công's bytes through their own document. These tests replay that attack and
// its variants through the tRPC procedures and the download route.
import { Readable } from "node:stream";
import { count, eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { document, documentFile } from "@/db/schema/documents";
import { fileUpload } from "@/db/schema/files";
import { userRole } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import { vietnamToday } from "@/lib/dates";
import { createCaller } from "@/server/api/root";
import { loadActor, type Actor } from "@/server/authz/actor";
import { findDocumentFile } from "@/server/files/download";
import { freshDatabase } from "@/server/testing/test-db";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { receiveUpload } from "./upload";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;
let secretSha: string;
let secretPdf: Uint8Array;
let secretDocumentId: string;

const caller = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });
const actorOf = async (username: string): Promise<Actor> =>
  (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;

async function pdfWith(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText(text, { x: 40, y: 780, size: 12, font });
  return pdf.save();
}

async function upload(username: string, bytes: Uint8Array, fileName = "van-ban.pdf") {
  return receiveUpload(db, await actorOf(username), {
    stream: Readable.from([Buffer.from(bytes)]),
    fileName,
    declaredType: "application/pdf",
  });
}

const registration = (sha256: string, codeNumber: string) => ({
  issuerName: "Công an thành phố Hà Nội",
  codeNumber,
  codeNotation: "CAHN-PV01",
  documentType: "cong_van" as const,
  subject: "Về việc phối hợp xác minh",
  documentDate: vietnamToday(),
  files: [{ sha256, fileName: "van-ban.pdf", kind: "main" as const }],
});

const documentCount = async (organisationId: string) =>
  (
    await db
      .select({ n: count() })
      .from(document)
      .where(eq(document.organisationId, organisationId))
  )[0]!.n;

/** A document registered by Định Công's clerk, presented to `leader` and directed to Tuấn. */
async function inProgress(sha256: string, codeNumber: string, leader: string): Promise<string> {
  const clerk = caller("vanthu.dc");
  const { id } = await clerk.reception.receive(registration(sha256, codeNumber));
  const registered = await clerk.incoming.get({ id });
  await clerk.incoming.act({
    documentId: id,
    version: registered.document.version,
    input: { action: "present", leaderId: users[leader]! },
  });
  const presented = await caller(leader).incoming.get({ id });
  await caller(leader).incoming.act({
    documentId: id,
    version: presented.document.version,
    input: {
      action: "direct",
      direction: "Giao đồng chí Tuấn xử lý.",
      lead: { userId: users["chuyenvien.kt"]! },
    },
  });
  return id;
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
  // Định Công's clerk receives a secret document with its PDF.
  secretPdf = await pdfWith("MAT - Ke hoach bao ve muc tieu 2026");
  secretSha = (await upload("vanthu.dc", secretPdf)).sha256;
  const received = await caller("vanthu.dc").reception.receive({
    ...registration(secretSha, "77"),
    confidentiality: "secret",
  });
  secretDocumentId = received.id;
});

describe("a file's hash is not a right to the file", () => {
  it("refuses another organisation's clerk who registers a document with Định Công's hash, as if the file did not exist", async () => {
    const before = await documentCount(orgs.hoangliet!);
    const foreign = await refusal(
      caller("vanthu.hl").reception.receive(registration(secretSha, "78")),
    );
    const unknown = await refusal(
      caller("vanthu.hl").reception.receive(registration("f".repeat(64), "78")),
    );
    expect(fieldKeys(foreign)).toEqual({ "files.0.sha256": ["reception.fileMissing"] });
    // The same answer as for bytes stored nowhere: the refusal tells nobody what is stored.
    expect(fieldKeys(foreign)).toEqual(fieldKeys(unknown));
    expect(foreign.message).toBe(unknown.message);
    expect(await documentCount(orgs.hoangliet!)).toBe(before);
    const onHoangLiet = await db
      .select({ id: documentFile.id })
      .from(documentFile)
      .where(eq(documentFile.sha256, secretSha));
    expect(onHoangLiet).toHaveLength(1);
  });

  it("refuses the hash in a handling note by someone who neither uploaded it nor can read it", async () => {
    const leader = caller("chutich.dc");
    const own = await inProgress(
      (await upload("vanthu.dc", await pdfWith("Van ban thuong 1"))).sha256,
      "79",
      "chutich.dc",
    );
    const specialist = caller("chuyenvien.kt");
    const before = await specialist.incoming.get({ id: own });
    const note = (sha256: string) =>
      specialist.incoming.act({
        documentId: own,
        version: before.document.version,
        input: { action: "addNote", note: "Kết quả", files: [{ sha256, fileName: "x.pdf" }] },
      });
    const foreign = await refusal(note(secretSha));
    const unknown = await refusal(note("e".repeat(64)));
    expect(fieldKeys(foreign)).toEqual({ files: ["files.missing"] });
    expect(fieldKeys(foreign)).toEqual(fieldKeys(unknown));
    const after = await leader.incoming.get({ id: own });
    expect(after.document.version).toBe(before.document.version);
    expect(after.files.map((f) => f.sha256)).not.toContain(secretSha);
  });

  it("refuses, inside Định Công, an admin who makes themselves a clerk and a specialist who is not on the secret document", async () => {
    await db
      .insert(userRole)
      .values({ userId: users["quantri.dc"]!, organisationId: orgs.dinhcong!, role: "clerk" });
    const admin = await refusal(
      caller("quantri.dc").reception.receive(registration(secretSha, "80")),
    );
    expect(fieldKeys(admin)).toEqual({ "files.0.sha256": ["reception.fileMissing"] });
    // Neither can reach the bytes through the secret document itself.
    const files = await db
      .select({ id: documentFile.id })
      .from(documentFile)
      .where(eq(documentFile.documentId, secretDocumentId));
    for (const username of ["quantri.dc", "chuyenvien.kt", "chutich.dc", "vanthu.hl"]) {
      await expect(findDocumentFile(db, await actorOf(username), files[0]!.id)).rejects.toThrow(
        "errors.notFound",
      );
    }
  });

  it("lets whoever holds the bytes attach them: the uploader, and someone who uploads the same bytes", async () => {
    // The clerk who uploaded the file may attach it again, to another document.
    const again = await caller("vanthu.dc").reception.receive({
      ...registration(secretSha, "81"),
      confidentiality: "secret",
    });
    expect(again.registryNumber).toBeGreaterThan(0);
    // Hoàng Liệt's clerk, given the same PDF on paper and scanning it to the same bytes, holds
    // them: uploading proves it, and the registration goes through.
    await upload("vanthu.hl", secretPdf);
    const hl = await caller("vanthu.hl").reception.receive(registration(secretSha, "82"));
    expect(hl.registryNumber).toBeGreaterThan(0);
    const uploaders = await db
      .select({ userId: fileUpload.userId })
      .from(fileUpload)
      .where(eq(fileUpload.sha256, secretSha));
    expect(uploaders.map((u) => u.userId).sort()).toEqual(
      [users["vanthu.dc"]!, users["vanthu.hl"]!].sort(),
    );
  });

  it("lets someone who can read a document attach its file to another one, as a reply's annex would", async () => {
    const sha = (await upload("vanthu.dc", await pdfWith("Giay moi hop"))).sha256;
    await caller("vanthu.dc").reception.receive(registration(sha, "83"));
    // The vice-chair never uploaded it, but sees the ordinary document that carries it.
    const second = await inProgress(
      (await upload("vanthu.dc", await pdfWith("Giay moi 2"))).sha256,
      "84",
      "phochutich.dc",
    );
    const leader = caller("phochutich.dc");
    const directed = await leader.incoming.get({ id: second });
    await leader.incoming.act({
      documentId: second,
      version: directed.document.version,
      input: {
        action: "addNote",
        note: "Kèm giấy mời",
        files: [{ sha256: sha, fileName: "gm.pdf" }],
      },
    });
    const after = await leader.incoming.get({ id: second });
    expect(after.files.map((f) => f.sha256)).toContain(sha);
  });
});
