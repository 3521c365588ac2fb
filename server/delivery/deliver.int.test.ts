import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { delivery, deliveryEvent } from "@/db/schema/delivery";
import { assignment, document, documentFile, documentEvent } from "@/db/schema/documents";
import { notification } from "@/db/schema/notify";
import { organisation } from "@/db/schema/org";
import type { IncomingActionRequest } from "@/lib/schemas/incoming-actions";
import { loadVisibleDocument } from "../incoming/visibility";
import { applyIncomingAction } from "../incoming/workflow";
import { createDraft } from "../outgoing/drafts";
import { issueSigned, signDraft } from "../outgoing/sign-requests";
import { createWorkflowWorld, refusedWith, type WorkflowWorld } from "../testing/incoming-workflow";
import { giveSigningKeys, outgoingRoute } from "../testing/outgoing-route";
import { issueCertificate } from "../signing/service/certificates";
import { setPin } from "../signing/service/holder";
import { buildDocumentPackage } from "../edxml/build";
import { exchangeSigner } from "../edxml/exchange-key";
import { exportPackage } from "../edxml/export";
import { importPackage } from "../edxml/import";
import { getOutgoingDocument } from "../outgoing/document";
import { parseEdxml } from "../edxml/parse";
import { readStoredFile } from "../files/generated";
import { ensureAuthority } from "../signing/service/authority";
import { deliveriesOf, remindDelivery, resendDelivery } from "./status";

let world: WorkflowWorld;
const { version, act, draftFor } = outgoingRoute(() => world);
let mergedWard: string;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  world = await createWorkflowWorld();
  await giveSigningKeys(world);
  // A ward that merges into Hoàng Liệt while a document to it is being signed.
  const [ward] = await world.db
    .insert(organisation)
    .values({
      code: "000.12.28.H26",
      name: "Ủy ban nhân dân phường Hoàng Văn Thụ",
      shortName: "UBND",
      level: "commune",
      parentId: world.orgs.hoangmai!,
    })
    .returning({ id: organisation.id });
  mergedWard = ward!.id;
});

/**
 * A công văn to a ward (the one that merges on the way, unless told), the district and an
 * outside body, signed and issued.
 */
async function issuedToThree(subject: string, ward: "merging" | "hoangliet" = "merging") {
  const { db, users } = world;
  const base = draftFor(subject, (await world.newDocument({ subject: "Về việc báo cáo" })).id);
  const created = await createDraft(db, await world.as("chuyenvien.kt"), {
    ...base,
    answersDocumentId: null,
    recipients: [
      ward === "merging"
        ? { kind: "organisation", organisationId: mergedWard, name: "UBND phường Hoàng Văn Thụ" }
        : {
            kind: "organisation",
            organisationId: world.orgs.hoangliet!,
            name: "UBND phường Hoàng Liệt",
          },
      { kind: "organisation", organisationId: world.orgs.hoangmai!, name: "UBND quận Hoàng Mai" },
      { kind: "outside", name: "Công an phường Định Công" },
    ],
  });
  await act("chuyenvien.kt", created.id, {
    action: "sendOnRoute",
    steps: [{ kind: "sign", rule: "any", userIds: [users["chutich.dc"]!] }],
    comment: null,
  });
  if (ward === "merging") {
    await db
      .update(organisation)
      .set({ status: "merged", mergedIntoId: world.orgs.hoangliet! })
      .where(eq(organisation.id, mergedWard));
  }
  await signDraft(db, await world.as("chutich.dc"), {
    documentId: created.id,
    version: await version(created.id),
    pin: "246810",
  });
  const issued = await issueSigned(db, await world.as("vanthu.dc"), {
    documentId: created.id,
    version: await version(created.id),
    pin: "135790",
  });
  return { id: created.id, numberNotation: issued.numberNotation };
}

async function copyOf(sentId: string, organisationId: string) {
  const [row] = await world.db
    .select({ id: delivery.incomingDocumentId })
    .from(delivery)
    .where(
      and(eq(delivery.documentId, sentId), eq(delivery.recipientOrganisationId, organisationId)),
    );
  return row!.id!;
}

async function actOn(username: string, id: string, input: IncomingActionRequest) {
  const doc = await loadVisibleDocument(world.db, await world.as(username), id);
  return applyIncomingAction(world.db, await world.as(username), {
    documentId: id,
    version: doc.version,
    input,
  });
}

describe("delivery between organisations of the deployment", () => {
  it("puts the issued document in each recipient's reception queue and reports every step back", async () => {
    const { db, users } = world;
    const sent = await issuedToThree("V/v báo cáo kết quả rà soát hộ nghèo");
    const clerk = await world.as("vanthu.dc");
    let table = await deliveriesOf(db, clerk, sent.id);
    expect(table.map((d) => [d.recipientName, d.addressedName, d.status, d.outside])).toEqual([
      ["Công an phường Định Công", null, "pending", true],
      [
        "Ủy ban nhân dân phường Hoàng Liệt",
        "Ủy ban nhân dân phường Hoàng Văn Thụ",
        "arrived",
        false,
      ],
      ["Ủy ban nhân dân quận Hoàng Mai", null, "arrived", false],
    ]);
    // Times as the database holds them; a copy still unregistered a whole working day after it
    // arrived is late, and one that has not arrived never is.
    const [arrivedAt] = await db
      .select({ id: delivery.id, at: delivery.statusAt })
      .from(delivery)
      .where(and(eq(delivery.documentId, sent.id), eq(delivery.status, "arrived")));
    expect(table.find((d) => d.id === arrivedAt!.id)!.statusAt).toBe(arrivedAt!.at!.toISOString());
    expect(table.map((d) => d.late)).toEqual([false, false, false]);
    const fiveDaysOn = new Date(arrivedAt!.at!.getTime() + 5 * 24 * 3600_000);
    expect((await deliveriesOf(db, clerk, sent.id, fiveDaysOn)).map((d) => d.late)).toEqual([
      false,
      true,
      true,
    ]);

    // Hoàng Liệt's clerk finds it waiting, with the signed file and the metadata as issued.
    const hlCopy = await copyOf(sent.id, world.orgs.hoangliet!);
    const hlClerk = await world.as("vanthu.hl");
    const copy = await loadVisibleDocument(db, hlClerk, hlCopy);
    const [number, ...notation] = sent.numberNotation.split("/");
    expect(copy).toMatchObject({
      status: "received",
      direction: "incoming",
      receivedVia: "exchange",
      subject: "V/v báo cáo kết quả rà soát hộ nghèo",
      codeNumber: number,
      codeNotation: notation.join("/"),
      issuerName: "Ủy ban nhân dân phường Định Công",
      issuerCode: "000.10.28.H26",
      signerName: "Nguyễn Đức Thắng",
      pageCount: 1,
      registryNumber: null,
    });
    const files = await db.select().from(documentFile).where(eq(documentFile.documentId, hlCopy));
    expect(files.map((f) => f.kind)).toEqual(["main"]);
    expect(
      await db
        .select({ key: notification.messageKey })
        .from(notification)
        .where(
          and(eq(notification.userId, users["vanthu.hl"]!), eq(notification.documentId, hlCopy)),
        ),
    ).toEqual([{ key: "documentArrived" }]);
    // Another organisation's clerk cannot see it, nor remind anyone about it.
    expect(
      (await refusedWith(loadVisibleDocument(db, await world.as("vanthu.dc"), hlCopy))).code,
    ).toBe("NOT_FOUND");
    const hlRow = table.find((d) => d.recipientName.includes("Hoàng Liệt"))!;
    expect(
      (
        await refusedWith(
          remindDelivery(db, hlClerk, { deliveryId: hlRow.id, version: hlRow.version }),
        )
      ).code,
    ).toBe("NOT_FOUND");

    // The sender reminds once; a second reminder within the hour is refused.
    const reminded = await remindDelivery(db, clerk, {
      deliveryId: hlRow.id,
      version: hlRow.version,
    });
    expect(
      (
        await refusedWith(
          remindDelivery(db, clerk, { deliveryId: hlRow.id, version: reminded.version }),
        )
      ).messageKey,
    ).toBe("delivery.remindedRecently");

    // Registered with its own arrival number, nothing typed; then refused by the district.
    await actOn("vanthu.hl", hlCopy, { action: "register" });
    const registered = await loadVisibleDocument(db, hlClerk, hlCopy);
    expect(registered).toMatchObject({ status: "registered", registryNumber: expect.any(Number) });
    const hmCopy = await copyOf(sent.id, world.orgs.hoangmai!);
    await actOn("vanthu.hoangmai", hmCopy, {
      action: "returnToSender",
      reason: "Không thuộc thẩm quyền của quận.",
    });

    // Hoàng Liệt handles it to the end: assigned, in progress, completed.
    await actOn("vanthu.hl", hlCopy, { action: "present", leaderId: users["chutich.hl"]! });
    await actOn("chutich.hl", hlCopy, {
      action: "direct",
      direction: "Văn thư tổng hợp, báo cáo.",
      lead: { userId: users["vanthu.hl"]! },
      co: [],
      info: [],
    });
    await actOn("vanthu.hl", hlCopy, { action: "addNote", note: "Đang tổng hợp.", files: [] });
    const [part] = await db
      .select()
      .from(assignment)
      .where(and(eq(assignment.documentId, hlCopy), eq(assignment.role, "lead")));
    await actOn("vanthu.hl", hlCopy, {
      action: "submitResult",
      assignmentId: part!.id,
      result: "Đã báo cáo.",
      files: [],
    });
    await actOn("chutich.hl", hlCopy, {
      action: "reviewResult",
      assignmentId: part!.id,
      accept: true,
    });
    expect((await loadVisibleDocument(db, hlClerk, hlCopy)).status).toBe("completed");

    table = await deliveriesOf(db, clerk, sent.id);
    const hl = table.find((d) => d.recipientName.includes("Hoàng Liệt"))!;
    expect(hl.status).toBe("completed");
    expect(hl.events.map((e) => [e.code, e.status])).toEqual([
      ["01", "arrived"],
      ["03", "registered"],
      ["04", "assigned"],
      ["05", "in_progress"],
      ["06", "completed"],
    ]);
    expect(hl.events[1]!.staffName).toBe("Trương Thị Huyền");
    const hm = table.find((d) => d.recipientName.includes("Hoàng Mai"))!;
    expect(hm).toMatchObject({ status: "refused", reason: "Không thuộc thẩm quyền của quận." });
    expect(
      await db
        .select({ key: notification.messageKey })
        .from(notification)
        .where(
          and(eq(notification.userId, users["vanthu.dc"]!), eq(notification.documentId, sent.id)),
        ),
    ).toContainEqual({ key: "deliveryRefused" });

    // Sent again to the district: a new copy in its queue, a new round; the refused copy stays.
    const resent = await resendDelivery(db, clerk, { deliveryId: hm.id, version: hm.version });
    expect(
      (await refusedWith(resendDelivery(db, clerk, { deliveryId: hm.id, version: hm.version })))
        .code,
    ).toBe("STALE");
    expect(resent.version).toBe(hm.version + 1);
    const again = (await deliveriesOf(db, clerk, sent.id)).find((d) => d.id === hm.id)!;
    expect(again).toMatchObject({ status: "arrived", round: 2, reason: null });
    const newCopy = await copyOf(sent.id, world.orgs.hoangmai!);
    expect(newCopy).not.toBe(hmCopy);
    expect((await loadVisibleDocument(db, await world.as("vanthu.hoangmai"), newCopy)).status).toBe(
      "received",
    );
    expect((await loadVisibleDocument(db, await world.as("vanthu.hoangmai"), hmCopy)).status).toBe(
      "returned_to_sender",
    );
  });

  it("registers a document once when the same one reaches an organisation twice", async () => {
    const { db } = world;
    const sent = await issuedToThree("V/v kế hoạch trực Tết Nguyên đán", "hoangliet");
    const hlCopy = await copyOf(sent.id, world.orgs.hoangliet!);
    const before = await db
      .select({ id: document.id })
      .from(document)
      .where(eq(document.organisationId, world.orgs.hoangliet!));
    // The same document reaching Hoàng Liệt by a second path: the copy it holds is found again.
    const { copyAt } = await import("./deliver");
    const sentRow = await loadVisibleDocument(db, await world.as("vanthu.dc"), sent.id);
    const found = await db.transaction((tx) => copyAt(tx, world.orgs.hoangliet!, sentRow));
    expect(found).toBe(hlCopy);
    const after = await db
      .select({ id: document.id })
      .from(document)
      .where(eq(document.organisationId, world.orgs.hoangliet!));
    expect(after).toHaveLength(before.length);
    // The arrival is in the copy's history, and in Hoàng Liệt's audit chain.
    const events = await db
      .select()
      .from(documentEvent)
      .where(eq(documentEvent.documentId, hlCopy));
    expect(events.map((e) => [e.action, e.organisationId])).toEqual([
      ["arrived", world.orgs.hoangliet],
    ]);
    const codes = await db
      .select({ code: deliveryEvent.code })
      .from(deliveryEvent)
      .innerJoin(delivery, eq(delivery.id, deliveryEvent.deliveryId))
      .where(eq(delivery.incomingDocumentId, hlCopy));
    expect(codes).toEqual([{ code: "01" }]);
  });

  it("recalls an issued document: one recipient accepts and it leaves its inboxes, another refuses", async () => {
    const { db } = world;
    const sent = await issuedToThree("V/v thông báo lịch họp (ban hành nhầm)", "hoangliet");
    const hlCopy = await copyOf(sent.id, world.orgs.hoangliet!);
    const hmCopy = await copyOf(sent.id, world.orgs.hoangmai!);
    await actOn("vanthu.hl", hlCopy, { action: "register" });
    // Nothing asked yet: there is nothing to answer.
    expect(
      (await refusedWith(actOn("vanthu.hl", hlCopy, { action: "answerRecall", accept: true })))
        .messageKey,
    ).toBe("delivery.noRecall");
    // A specialist cannot ask; the clerk asks with a reason.
    expect(
      (
        await refusedWith(
          act("chuyenvien.kt", sent.id, {
            action: "requestRecall",
            kind: "recall",
            reason: "Ban hành nhầm",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    await act("vanthu.dc", sent.id, {
      action: "requestRecall",
      kind: "recall",
      reason: "Ban hành nhầm ngày họp.",
    });
    const hlView = await loadVisibleDocument(db, await world.as("vanthu.hl"), hlCopy);
    expect(hlView.status).toBe("registered");
    await actOn("vanthu.hl", hlCopy, { action: "answerRecall", accept: true });
    expect((await loadVisibleDocument(db, await world.as("vanthu.hl"), hlCopy)).status).toBe(
      "recalled",
    );
    expect(await world.boxOf(hlCopy, "vanthu.hl")).toEqual([
      expect.objectContaining({ box: "none" }),
    ]);
    // A refusal needs its reason.
    expect(
      (
        await refusedWith(
          actOn("vanthu.hoangmai", hmCopy, { action: "answerRecall", accept: false }),
        )
      ).code,
    ).toBe("VALIDATION");
    await actOn("vanthu.hoangmai", hmCopy, {
      action: "answerRecall",
      accept: false,
      note: "Đã triển khai theo văn bản.",
    });
    const table = await deliveriesOf(db, await world.as("vanthu.dc"), sent.id);
    const hl = table.find((d) => d.recipientName.includes("Hoàng Liệt"))!;
    const hm = table.find((d) => d.recipientName.includes("Hoàng Mai"))!;
    expect(hl).toMatchObject({ status: "recalled", recall: { state: "accepted", kind: "recall" } });
    expect(hl.events.map((e) => e.code)).toEqual(["01", "03", "13", "15"]);
    expect(hm).toMatchObject({ status: "arrived", recall: { state: "refused" } });
    expect(hm.events.map((e) => [e.code, e.description])).toEqual([
      ["01", null],
      ["13", "Ban hành nhầm ngày họp."],
      ["16", "Đã triển khai theo văn bản."],
    ]);
    // Asked again: only the district still holds it; once it accepts, there is nothing left.
    await act("vanthu.dc", sent.id, {
      action: "requestRecall",
      kind: "update",
      reason: "Sửa ngày.",
    });
    await actOn("vanthu.hoangmai", hmCopy, { action: "answerRecall", accept: true });
    expect(
      (
        await refusedWith(
          act("vanthu.dc", sent.id, { action: "requestRecall", kind: "recall", reason: "Lần nữa" }),
        )
      ).messageKey,
    ).toBe("delivery.nothingToRecall");
  });

  it("exports the issued document as a signed edXML package that our parser reads back whole", async () => {
    const { db } = world;
    const sent = await issuedToThree("V/v báo cáo số liệu dân cư quý IV", "hoangliet");
    const clerk = await world.as("vanthu.dc");
    const { xml, fileName } = await exportPackage(db, clerk, sent.id);
    expect(fileName).toBe(`${sent.numberNotation.replace("/", "-")}.edxml`);
    const parsed = parseEdxml(Buffer.from(xml));
    if (!parsed.ok || parsed.kind !== "document") throw new Error(JSON.stringify(parsed));
    const [number, notation] = sent.numberNotation.split("/");
    expect(parsed.fields).toMatchObject({
      From: { OrganId: "000.10.28.H26", OrganName: "Ủy ban nhân dân phường Định Công" },
      CodeNumber: number,
      CodeNotation: notation,
      Subject: "V/v báo cáo số liệu dân cư quý IV",
      SignerInfo: { FullName: "Nguyễn Đức Thắng" },
      BussinessDocType: "0",
    });
    expect(parsed.fields.DocumentId).toMatch(/^000\.10\.28\.H26,\d{4}\/\d{2}\/\d{2},/);
    expect(parsed.fields.To.map((t) => t.OrganId).sort()).toEqual([
      "000.00.28.H26",
      "000.11.28.H26",
    ]);
    expect(parsed.fields.ToPlaces).toContain("Công an phường Định Công");
    const [main] = await db
      .select()
      .from(documentFile)
      .where(and(eq(documentFile.documentId, sent.id), eq(documentFile.kind, "main")));
    expect(
      parsed.attachments[0]!.bytes.equals(Buffer.from(await readStoredFile(main!.sha256))),
    ).toBe(true);
    // Signed with the deployment's exchange key, whose chain ends at the deployment's root.
    expect(parsed.signature.valid).toBe(true);
    const root = (await ensureAuthority(db)).root.certificate;
    expect(parsed.signature.certificates.at(-1)!.fingerprint256).toBe(root.fingerprint256);
    // Only an issued document, and only one the caller sees.
    expect((await refusedWith(exportPackage(db, await world.as("vanthu.hl"), sent.id))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("shows the sender the answer that arrived for its document", async () => {
    const { db } = world;
    const sent = await issuedToThree("V/v đề nghị cung cấp số liệu hộ nghèo", "hoangliet");
    const clerk = await world.as("vanthu.dc");
    const issued = await loadVisibleDocument(db, clerk, sent.id);
    const { xml } = await exportPackage(db, clerk, sent.id);
    const parsed = parseEdxml(Buffer.from(xml));
    if (!parsed.ok || parsed.kind !== "document") throw new Error("export");
    // Hoàng Liệt answers from its own system: a package naming Định Công's document.
    const answer = buildDocumentPackage(
      {
        DocumentId: "000.11.28.H26,2026/12/07,31/UBND",
        From: { OrganId: "000.11.28.H26", OrganName: "UBND phường Hoàng Liệt" },
        To: [{ OrganId: "000.10.28.H26" }],
        CodeNumber: "31",
        CodeNotation: "UBND",
        PromulgationDate: "2026/12/07",
        Subject: "V/v cung cấp số liệu hộ nghèo",
        ResponseFor: {
          OrganId: "000.10.28.H26",
          Code: sent.numberNotation,
          PromulgationDate: issued.documentDate!.replaceAll("-", "/"),
          DocumentId: parsed.fields.DocumentId,
        },
      },
      parsed.attachments.slice(0, 1),
      await exchangeSigner(db),
    );
    const arrived = await importPackage(db, clerk, Buffer.from(answer), "vi");
    const page = await getOutgoingDocument(db, clerk, { id: sent.id });
    expect(page.responses).toEqual([
      expect.objectContaining({
        id: arrived.documentId,
        numberNotation: "31/UBND",
        issuerName: "Ủy ban nhân dân phường Hoàng Liệt",
      }),
    ]);
  });

  it("links a reply drafted from the copy to the sender's document when it arrives back", async () => {
    const { db, users } = world;
    const sent = await issuedToThree("V/v đề nghị báo cáo công tác dân vận", "hoangliet");
    const hlCopy = await copyOf(sent.id, world.orgs.hoangliet!);
    await actOn("vanthu.hl", hlCopy, { action: "register" });
    // Hoàng Liệt's clerk drafts the reply from its copy; its chairman signs; its clerk issues.
    const admin = await world.as("quantri");
    const chair = await issueCertificate(db, admin, {
      organisationId: world.orgs.hoangliet!,
      userId: users["chutich.hl"]!,
    });
    await setPin(db, await world.as("chutich.hl"), { certificateId: chair.id, pin: "246810" });
    const seal = await issueCertificate(db, admin, { organisationId: world.orgs.hoangliet! });
    await setPin(db, await world.as("vanthu.hl"), { certificateId: seal.id, pin: "135790" });
    const reply = await createDraft(db, await world.as("vanthu.hl"), {
      ...draftFor("V/v báo cáo công tác dân vận", hlCopy),
      recipients: [
        {
          kind: "organisation",
          organisationId: world.orgs.dinhcong!,
          name: "UBND phường Định Công",
        },
      ],
      signerId: users["chutich.hl"]!,
      draftingUnitId: null,
    });
    await act("vanthu.hl", reply.id, {
      action: "sendOnRoute",
      steps: [{ kind: "sign", rule: "any", userIds: [users["chutich.hl"]!] }],
      comment: null,
    });
    await signDraft(db, await world.as("chutich.hl"), {
      documentId: reply.id,
      version: await version(reply.id),
      pin: "246810",
    });
    await issueSigned(db, await world.as("vanthu.hl"), {
      documentId: reply.id,
      version: await version(reply.id),
      pin: "135790",
    });
    const page = await getOutgoingDocument(db, await world.as("vanthu.dc"), { id: sent.id });
    expect(page.responses).toEqual([
      expect.objectContaining({
        subject: "V/v báo cáo công tác dân vận",
        issuerName: "Ủy ban nhân dân phường Hoàng Liệt",
        status: "received",
      }),
    ]);
  });
});
