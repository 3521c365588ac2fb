import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq, inArray } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { document, documentEvent, documentFile } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { delivery } from "@/db/schema/delivery";
import { registry } from "@/db/schema/registry";
import { documentSignature } from "@/db/schema/signing";
import { getFileStore } from "../files/store";
import { receiveUpload } from "../files/upload";
import { ensureAuthority } from "../signing/service/authority";
import { verifyPdf } from "../signing/verify/verify-pdf";
import { createWorkflowWorld, refusedWith, type WorkflowWorld } from "../testing/incoming-workflow";
import { giveSigningKeys, outgoingRoute } from "../testing/outgoing-route";
import { getOutgoingDocument } from "./document";
import { issueSigned, signDraft, signMany } from "./sign-requests";

let world: WorkflowWorld;
const dir = mkdtempSync(path.join(tmpdir(), "lien-thong-issue-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  world = await createWorkflowWorld();
  await giveSigningKeys(world);
});

async function readFile(sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getFileStore().open(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function annexPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText("Danh sach ho ngheo: 12 ho", { x: 40, y: 780, size: 12, font });
  return Buffer.from(await pdf.save());
}

const { version, draftAtSignature } = outgoingRoute(() => world);

describe("signing, numbering, sealing and issuing an outgoing document", () => {
  it("gives a file with both signatures valid to pdfsig, qpdf and our verifier, numbered from the outgoing registry", async () => {
    const { db } = world;
    const { id, incomingId } = await draftAtSignature("V/v phối hợp rà soát hộ nghèo năm 2026");
    const leader = await world.as("chutich.dc");

    // A wrong PIN: refused with the attempts left, nothing signed.
    const wrong = await refusedWith(
      signDraft(db, leader, { documentId: id, version: await version(id), pin: "000000" }),
    );
    expect(wrong.fieldErrors).toMatchObject({
      pin: [{ key: "signing.wrongPin", params: { left: 4 } }],
    });
    expect((await getOutgoingDocument(db, leader, { id })).status).toBe("on_route");
    // Out of turn: the clerk is not the signer.
    expect(
      (
        await refusedWith(
          signDraft(db, await world.as("vanthu.dc"), {
            documentId: id,
            version: await version(id),
            pin: "135790",
          }),
        )
      ).messageKey,
    ).toBe("signing.noCertificate");

    const at = await version(id);
    // Two taps at once: one signature; the other finds the document changed.
    const both = await Promise.allSettled([
      signDraft(db, leader, { documentId: id, version: at, pin: "246810" }),
      signDraft(db, leader, { documentId: id, version: at, pin: "246810" }),
    ]);
    const done = both.filter((r) => r.status === "fulfilled");
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of both) {
      if (r.status === "rejected") expect((r.reason as { code?: string }).code).toBe("STALE");
      else expect(r.value.status).toBe("signed");
    }
    const again = await signDraft(db, leader, { documentId: id, version: at, pin: "246810" });
    expect(again.status).toBe("signed");
    expect(
      await db.select().from(documentSignature).where(eq(documentSignature.documentId, id)),
    ).toHaveLength(1);
    expect(await world.boxOf(id, "vanthu.dc")).toContainEqual(
      expect.objectContaining({ kind: "issuing_clerk", box: "to_issue" }),
    );

    const clerk = await world.as("vanthu.dc");
    // A register named by id is checked: not an incoming one, not another organisation's.
    const books = await db.select().from(registry);
    for (const [book, key] of [
      [
        books.find((b) => b.organisationId === world.orgs.dinhcong && b.kind === "incoming"),
        "outgoing.registryWrongKind",
      ],
      [
        books.find((b) => b.organisationId === world.orgs.hoangliet && b.kind === "outgoing"),
        "reception.registryUnknown",
      ],
    ] as const) {
      const wrongBook = await refusedWith(
        issueSigned(db, clerk, {
          documentId: id,
          version: await version(id),
          pin: "135790",
          registryId: book!.id,
        }),
      );
      expect(wrongBook.fieldErrors.registryId?.[0]?.key).toBe(key);
    }
    expect((await getOutgoingDocument(db, clerk, { id })).status).toBe("signed");
    const issued = await issueSigned(db, clerk, {
      documentId: id,
      version: await version(id),
      pin: "135790",
    });
    expect(issued).toMatchObject({ status: "issued", numberNotation: "01/UBND-KT" });
    expect(issued.documentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [doc] = await db.select().from(document).where(eq(document.id, id));
    expect(doc).toMatchObject({ codeNumber: "01", codeNotation: "UBND-KT", registryNumber: 1 });
    // The incoming document it answers names it as its reply.
    const [answered] = await db.select().from(document).where(eq(document.id, incomingId));
    expect(answered!.replyDocumentId).toBe(id);
    // The specialist reports his part done by naming the reply; a document that does not answer
    // this one is refused at the field, nothing recorded.
    const [part] = await db
      .select({ id: assignment.id })
      .from(assignment)
      .where(
        and(
          eq(assignment.documentId, incomingId),
          eq(assignment.userId, world.users["chuyenvien.kt"]!),
        ),
      );
    const stray = await draftAtSignature("V/v một văn bản khác");
    const refused = await refusedWith(
      world.act("chuyenvien.kt", incomingId, {
        action: "submitResult",
        assignmentId: part!.id,
        result: "Đã soạn công văn trả lời.",
        replyDocumentId: stray.id,
      }),
    );
    expect(refused.fieldErrors.replyDocumentId?.[0]?.key).toBe("incoming.replyUnknown");
    await world.act("chuyenvien.kt", incomingId, {
      action: "submitResult",
      assignmentId: part!.id,
      result: "Đã soạn công văn trả lời.",
      replyDocumentId: id,
    });
    const [reported] = await db
      .select({ data: documentEvent.data })
      .from(documentEvent)
      .where(
        and(eq(documentEvent.documentId, incomingId), eq(documentEvent.action, "resultSubmitted")),
      );
    expect(reported!.data).toMatchObject({
      reply: "01/UBND-KT: V/v phối hợp rà soát hộ nghèo năm 2026",
    });
    expect(await db.select().from(delivery).where(eq(delivery.documentId, id))).toEqual([
      expect.objectContaining({
        recipientName: "Ủy ban nhân dân phường Hoàng Liệt",
        recipientOrganisationId: world.orgs.hoangliet,
        status: "arrived",
      }),
    ]);
    expect(await world.boxOf(id, "truongphong.vhxh")).toContainEqual(
      expect.objectContaining({ kind: "distributed", box: "info_unread" }),
    );

    const [main] = await db
      .select()
      .from(documentFile)
      .where(and(eq(documentFile.documentId, id), eq(documentFile.kind, "main")));
    const pdf = await readFile(main!.sha256);
    writeFileSync(path.join(dir, "issued.pdf"), pdf);
    const pdfsig = spawnSync("pdfsig", [path.join(dir, "issued.pdf")], { encoding: "utf8" }).stdout;
    expect(pdfsig.match(/Signature is Valid/g)).toHaveLength(2);
    expect(pdfsig).toContain("Nguyễn Đức Thắng");
    expect(pdfsig).toContain("Ủy ban nhân dân phường Định Công");
    expect(spawnSync("qpdf", ["--check", path.join(dir, "issued.pdf")]).status).toBe(0);
    const text = spawnSync("pdftotext", [path.join(dir, "issued.pdf"), "-"], {
      encoding: "utf8",
    }).stdout;
    expect(text).toContain("01/UBND-KT");

    const authority = await ensureAuthority(db);
    const report = verifyPdf(pdf, { trustAnchors: [authority.root.certificate.raw] });
    const verdicts = (await report).signatures;
    expect(verdicts.map((s) => [s.field, s.signer, s.verdict])).toEqual([
      ["LanhDaoKy", "Nguyễn Đức Thắng", "valid"],
      ["DauCoQuan", "Ủy ban nhân dân phường Định Công", "valid"],
    ]);
    // The page shows the signed file with both verdicts, and the number given.
    const view = await getOutgoingDocument(db, clerk, { id });
    expect(view.issued).toMatchObject({ numberNotation: "01/UBND-KT", registryNumber: 1 });
    expect(view.signatures.map((s) => s.kind)).toEqual(["leader", "seal"]);
    const mainView = view.files.find((f) => f.kind === "main");
    expect(mainView?.fileName).toBe("01-UBND-KT.pdf");
    expect(mainView?.signatures?.signatures.map((s) => s.verdict)).toEqual(["valid", "valid"]);
    // Issued is final: a second issue answers with the same document.
    expect(
      (await issueSigned(db, clerk, { documentId: id, version: await version(id), pin: "135790" }))
        .status,
    ).toBe("issued");
  });

  it("signs several waiting documents with one PIN, each checked and recorded on its own", async () => {
    const { db } = world;
    const leader = await world.as("chutich.dc");
    const annex = await receiveUpload(db, await world.as("chuyenvien.kt"), {
      stream: Readable.from([await annexPdf()]),
      fileName: "phu-luc.pdf",
      declaredType: "application/pdf",
    });
    const a = await draftAtSignature("V/v báo cáo hộ nghèo quý IV", [
      { sha256: annex.sha256, fileName: "phu-luc.pdf" },
    ]);
    const b = await draftAtSignature("V/v kế hoạch trực Tết");
    const c = await draftAtSignature("V/v lịch tiếp công dân");
    // Everyone on the route opens the annex; only the awaited signer is offered the signature.
    const seen = await getOutgoingDocument(db, await world.as("truongphong.kt"), { id: a.id });
    expect(seen.files.map((f) => [f.kind, f.fileName])).toEqual([["attachment", "phu-luc.pdf"]]);
    expect(seen.allowed).not.toContain("sign");
    expect((await getOutgoingDocument(db, leader, { id: a.id })).allowed).toContain("sign");

    const items = [
      { documentId: a.id, version: await version(a.id) },
      { documentId: b.id, version: await version(b.id) },
      // Read before a change: refused on its own.
      { documentId: c.id, version: (await version(c.id)) - 1 },
    ];
    // A wrong PIN refuses the whole batch; nothing is signed.
    const wrong = await refusedWith(signMany(db, leader, { items, pin: "999999" }, "vi"));
    expect(wrong.fieldErrors.pin?.[0]?.key).toBe("signing.wrongPin");
    const signedRows = () =>
      db
        .select({ documentId: documentSignature.documentId })
        .from(documentSignature)
        .where(inArray(documentSignature.documentId, [a.id, b.id, c.id]));
    expect(await signedRows()).toHaveLength(0);

    const results = await signMany(db, leader, { items, pin: "246810" }, "vi");
    expect(results.map((r) => [r.documentId, r.ok, r.status])).toEqual([
      [a.id, true, "signed"],
      [b.id, true, "signed"],
      [c.id, false, undefined],
    ]);
    expect(results[2]!.message).toMatch(/thay đổi|cập nhật/i);
    expect(await signedRows()).toHaveLength(2);
    // Sent again (a retry): answered, nothing signed twice; the third now at its version.
    const retried = await signMany(
      db,
      leader,
      {
        items: [items[0]!, items[1]!, { documentId: c.id, version: await version(c.id) }],
        pin: "246810",
      },
      "en",
    );
    expect(retried.every((r) => r.ok)).toBe(true);
    expect(await signedRows()).toHaveLength(3);
    // Another leader cannot sign in the chairman's place.
    const other = await signMany(
      db,
      await world.as("phochutich.dc"),
      { items: [{ documentId: a.id, version: await version(a.id) }], pin: "246810" },
      "en",
    );
    expect(other[0]!.ok).toBe(false);
  });
});
