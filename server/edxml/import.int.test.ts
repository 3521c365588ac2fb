import { eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { document, documentFile } from "@/db/schema/documents";
import { loadVisibleDocument } from "../incoming/visibility";
import { createTestPki, type TestPki } from "../signing/pki/test-support";
import { createWorkflowWorld, refusedWith, type WorkflowWorld } from "../testing/incoming-workflow";
import { buildDocumentPackage, buildStatusPackage } from "./build";
import { exchangeSigner } from "./exchange-key";
import { importPackage } from "./import";
import type { EdxmlDocumentFields } from "./model";

let world: WorkflowWorld;
let pki: TestPki;
let pdf: Buffer;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  world = await createWorkflowWorld();
  pki = await createTestPki();
  const made = await PDFDocument.create();
  const font = await made.embedFont(StandardFonts.Helvetica);
  made.addPage().drawText("Cong van so 120/UBND-VP", { x: 40, y: 780, size: 12, font });
  pdf = Buffer.from(await made.save());
}, 60_000);

const fields = (number: string): EdxmlDocumentFields => ({
  DocumentId: `000.00.28.H26,2026/11/30,${number}/UBND-VP`,
  From: { OrganId: "000.00.28.H26", OrganName: "UBND quận Hoàng Mai" },
  To: [{ OrganId: "000.11.28.H26", OrganName: "UBND phường Hoàng Liệt" }],
  CodeNumber: number,
  CodeNotation: "UBND-VP",
  PromulgationDate: "2026/11/30",
  TypeName: "Quyết định",
  Subject: "Về việc giao chỉ tiêu thu ngân sách năm 2027",
  SignerInfo: { FullName: "Lê Văn Hải" },
  DueDate: "2027/01/15",
  Priority: "1",
  PageAmount: "1",
});

const countOf = async (organisationId: string) =>
  (
    await world.db
      .select({ id: document.id })
      .from(document)
      .where(eq(document.organisationId, organisationId))
  ).length;

describe("bringing in an edXML package from another system", () => {
  it("puts it in the reception queue with its metadata and checked file, once", async () => {
    const { db } = world;
    const clerk = await world.as("vanthu.hl");
    const xml = buildDocumentPackage(
      fields("120"),
      [
        {
          ContentId: "cid:1",
          AttachmentName: "120-UBND-VP.pdf",
          ContentType: "application/pdf",
          bytes: pdf,
        },
      ],
      await exchangeSigner(db),
    );
    const first = await importPackage(db, clerk, Buffer.from(xml), "vi");
    expect(first).toMatchObject({ duplicate: false, warnings: [] });
    const doc = await loadVisibleDocument(db, clerk, first.documentId);
    expect(doc).toMatchObject({
      status: "received",
      receivedVia: "exchange",
      documentType: "quyet_dinh",
      codeNumber: "120",
      codeNotation: "UBND-VP",
      documentDate: "2026-11-30",
      issuerOrganisationId: world.orgs.hoangmai,
      issuerName: "Ủy ban nhân dân quận Hoàng Mai",
      issuerDeadline: "2027-01-15",
      urgency: "urgent",
      signerName: "Lê Văn Hải",
      pageCount: 1,
    });
    const files = await db.select().from(documentFile).where(eq(documentFile.documentId, doc.id));
    expect(files.map((f) => [f.kind, f.fileName])).toEqual([["main", "120-UBND-VP.pdf"]]);
    // Brought in again (a retry, or by another clerk): found, nothing new kept.
    const before = await countOf(world.orgs.hoangliet!);
    const again = await importPackage(db, clerk, Buffer.from(xml), "vi");
    expect(again).toMatchObject({ documentId: first.documentId, duplicate: true });
    expect(await countOf(world.orgs.hoangliet!)).toBe(before);
  });

  it("says what it could not check, and refuses what is broken without keeping anything", async () => {
    const { db } = world;
    const clerk = await world.as("vanthu.hl");
    const foreign = {
      key: pki.seal.privateKey,
      certificates: [pki.seal.certificate, pki.issuing.certificate, pki.root.certificate],
    };
    const attachment = {
      ContentId: "cid:1",
      AttachmentName: "121.pdf",
      ContentType: "application/pdf",
      bytes: pdf,
    };
    const outside = await importPackage(
      db,
      clerk,
      Buffer.from(buildDocumentPackage(fields("121"), [attachment], foreign)),
      "en",
    );
    expect(outside.warnings).toEqual([expect.stringMatching(/not from a trusted CA/)]);

    const before = await countOf(world.orgs.hoangliet!);
    const signed = buildDocumentPackage(fields("122"), [attachment], foreign);
    for (const [bytes, key] of [
      [signed.replace("ngân sách", "ngân quỹ"), "edxml.signatureMismatch"],
      [signed.slice(0, 200), "edxml.notWellFormed"],
      [
        buildDocumentPackage(
          fields("123"),
          [
            {
              ...attachment,
              AttachmentName: "ghi-chu.txt",
              ContentType: "text/plain",
              bytes: Buffer.from("ghi chú"),
            },
          ],
          foreign,
        ),
        "edxml.noPdf",
      ],
      [
        buildStatusPackage(
          {
            ResponseFor: { OrganId: "000.00.28.H26", DocumentId: fields("120").DocumentId },
            From: { OrganId: "000.11.28.H26" },
            StatusCode: "03",
            Timestamp: "2026/12/01 08:00:00",
          },
          foreign,
        ),
        "edxml.statusNotDocument",
      ],
    ] as const) {
      const refusal = await refusedWith(importPackage(db, clerk, Buffer.from(bytes), "vi"));
      expect(refusal.messageKey).toBe(key);
    }
    expect(await countOf(world.orgs.hoangliet!)).toBe(before);
    // Only those who receive documents may bring one in.
    expect(
      (
        await refusedWith(
          importPackage(db, await world.as("chuyenvien.kt"), Buffer.from(signed), "vi"),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
