// Finding: the audit log showed a secret document's details to the organisation's admin: the
// presenting clerk's note and the main file's hash. Details of a secret or restricted document
// now reach only the people on it, in the audit log and wherever the document's data is derived.
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { documentParticipant } from "@/db/schema/participants";
import { userRole } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import { vietnamToday } from "@/lib/dates";
import { createCaller } from "@/server/api/root";
import { loadActor } from "@/server/authz/actor";
import { receiveUpload } from "@/server/files/upload";
import { freshDatabase } from "@/server/testing/test-db";

const NOTE = "Đề nghị đồng chí Chủ tịch cho ý kiến về phương án bảo vệ mục tiêu CANARY-NOTE";
const TEXT = "CANARYTEXT phuong an bao ve muc tieu";
const ORDINARY_NOTE = "Kính trình đồng chí Chủ tịch giấy mời họp giao ban tuần";
const SUBJECT = "Kế hoạch bảo vệ mục tiêu trọng điểm CANARY-SUBJECT";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;
let secret: { id: string; sha256: string };
let ordinaryId: string;

const caller = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });

async function receiveWithFile(
  text: string,
  confidentiality: "normal" | "secret",
  subject: string,
  note: string,
) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText(text, { x: 40, y: 780, size: 12, font });
  const clerk = (await loadActor(db, { userId: users["vanthu.dc"]!, sessionEpoch: 1 }))!;
  const { sha256 } = await receiveUpload(db, clerk, {
    stream: Readable.from([Buffer.from(await pdf.save())]),
    fileName: "van-ban.pdf",
  });
  const received = await caller("vanthu.dc").reception.receive({
    issuerName: "Công an thành phố Hà Nội",
    codeNumber: confidentiality === "secret" ? "15" : "16",
    codeNotation: "CAHN-PV01",
    documentType: "ke_hoach",
    subject,
    documentDate: vietnamToday(),
    confidentiality,
    files: [{ sha256, fileName: "van-ban.pdf", kind: "main" }],
  });
  const doc = await caller("vanthu.dc").incoming.get({ id: received.id });
  await caller("vanthu.dc").incoming.act({
    documentId: received.id,
    version: doc.document.version,
    input: { action: "present", leaderId: users["chutich.dc"]!, note },
  });
  return { id: received.id, sha256 };
}

/** Everything the audit log answers, as one text to search for what must not be there. */
async function auditAnswer(username: string, organisationId?: string) {
  const page = await caller(username).audit.list({ organisationId, limit: 100 });
  return { page, text: JSON.stringify(page) };
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
  secret = await receiveWithFile(TEXT, "secret", SUBJECT, NOTE);
  ordinaryId = (
    await receiveWithFile("Giay moi hop", "normal", "Giấy mời họp giao ban", ORDINARY_NOTE)
  ).id;
});

describe("a secret document in the audit log", () => {
  it("shows the organisation's admin that events happened, not the clerk's note nor the file's hash", async () => {
    const { page, text } = await auditAnswer("quantri.dc");
    expect(text).not.toContain("CANARY");
    expect(text).not.toContain(secret.sha256);
    const events = page.items.filter((e) => e.entityId === secret.id);
    expect(events.map((e) => e.action)).toEqual(["incoming.presented", "incoming.registered"]);
    expect(events.every((e) => e.redacted && Object.keys(e.data).length === 0)).toBe(true);
    expect(events[0]!.actorName).toBe("Phạm Thị Thu");
  });

  it("keeps hiding them from an admin who gives themselves the clerk role, and from the deployment admin", async () => {
    await db
      .insert(userRole)
      .values({ userId: users["quantri.dc"]!, organisationId: orgs.dinhcong!, role: "clerk" });
    expect((await auditAnswer("quantri.dc")).text).not.toContain("CANARY");
    const deployment = await auditAnswer("quantri", orgs.dinhcong);
    expect(deployment.text).not.toContain("CANARY");
    expect(deployment.text).not.toContain(secret.sha256);
  });

  it("shows an ordinary document's details to the admin, and a secret one's to an admin who is on it", async () => {
    const { page } = await auditAnswer("quantri.dc");
    const ordinary = page.items.find(
      (e) => e.entityId === ordinaryId && e.action === "incoming.presented",
    );
    expect(ordinary).toMatchObject({ redacted: false, data: { note: ORDINARY_NOTE } });
    // The chair the secret document was presented to is on it; made an admin, they read it all.
    await db
      .insert(userRole)
      .values({ userId: users["chutich.dc"]!, organisationId: orgs.dinhcong!, role: "admin" });
    const { text } = await auditAnswer("chutich.dc");
    expect(text).toContain("CANARY-NOTE");
    expect(text).toContain(secret.sha256);
  });
});

describe("a secret document's data elsewhere", () => {
  it("is not found by its text or subject in search by someone not on it", async () => {
    // quantri.dc is a clerk now (above), which shows every ordinary document.
    for (const q of ["CANARYTEXT", "CANARY-SUBJECT", "bảo vệ mục tiêu trọng điểm"]) {
      const page = await caller("quantri.dc").search.documents({ q, limit: 50 });
      expect(JSON.stringify(page)).not.toContain("CANARY");
    }
    const forClerk = await caller("vanthu.dc").search.documents({ q: "CANARYTEXT", limit: 50 });
    expect(forClerk.items.map((i) => i.id)).toEqual([secret.id]);
  });

  it("keeps its subject out of the notifications of someone taken off it", async () => {
    const before = await caller("chutich.dc").notifications.list({ limit: 20 });
    expect(JSON.stringify(before)).toContain("CANARY-SUBJECT");
    await db
      .delete(documentParticipant)
      .where(
        and(
          eq(documentParticipant.documentId, secret.id),
          eq(documentParticipant.userId, users["chutich.dc"]!),
        ),
      );
    const after = await caller("chutich.dc").notifications.list({ limit: 20 });
    expect(JSON.stringify(after)).not.toContain("CANARY");
    const item = after.items.find((n) => n.documentId === secret.id);
    expect(item).toMatchObject({ restricted: true, messageKey: "presented" });
  });
});
