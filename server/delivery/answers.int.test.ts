import { beforeAll, describe, expect, it } from "vitest";
import { buildDocumentPackage } from "../edxml/build";
import { exchangeSigner } from "../edxml/exchange-key";
import { exportPackage } from "../edxml/export";
import { importPackage } from "../edxml/import";
import { parseEdxml } from "../edxml/parse";
import { loadVisibleDocument } from "../incoming/visibility";
import { getOutgoingDocument } from "../outgoing/document";
import { createDraft } from "../outgoing/drafts";
import { issueSigned, signDraft } from "../outgoing/sign-requests";
import { issueCertificate } from "../signing/service/certificates";
import { setPin } from "../signing/service/holder";
import { sentDocuments } from "./sent";
import { deliveriesOf } from "./status";
import { createDeliveryWorld, deliveryMoves, type DeliveryWorld } from "./test-world";

let world: DeliveryWorld;
const { version, act, draftFor, issuedToThree, copyOf, actOn } = deliveryMoves(() => world);

beforeAll(async () => {
  world = await createDeliveryWorld();
});

describe("delivery between organisations of the deployment", () => {
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
    // The recipients' table names the answer beside the recipient that sent it.
    const replies = async (username: string) =>
      Object.fromEntries(
        (await deliveriesOf(db, await world.as(username), sent.id)).map((r) => [
          r.recipientName,
          r.reply,
        ]),
      );
    expect(await replies("vanthu.dc")).toEqual({
      "Ủy ban nhân dân phường Hoàng Liệt": { id: arrived.documentId, numberNotation: "31/UBND" },
      "Ủy ban nhân dân quận Hoàng Mai": null,
      "Công an phường Định Công": null,
    });
    // The drafter sees the table, not an answer they take no part in.
    expect(Object.values(await replies("chuyenvien.kt"))).toEqual([null, null, null]);
    // The list of documents sent counts it.
    const listed = await sentDocuments(db, clerk, { filter: "all", limit: 30 });
    expect(listed.items.find((r) => r.id === sent.id)).toMatchObject({ recipients: 3, replied: 1 });
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
