// A document of the demo that has already travelled: Phường Hoàng Liệt's clerk drafted a công văn,
// its chairman signed it and the clerk sealed and issued it to Phường Định Công, Quận Hoàng Mai
// and Xã Nam Đàn. Each recipient is at another place: Định Công's clerk has it waiting to be
// registered, the district registered it and its leader gave it to its clerk to handle, Nam Đàn
// sent it back with a reason. Hoàng Liệt's page of the document shows the three statuses. Made
// through the real services (signatures, numbering, deliveries, status reports), like the other
// demo documents; it needs the demo's certificates.
import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { delivery } from "../schema/delivery";
import { document } from "../schema/documents";
import { vietnamToday } from "@/lib/dates";
import { draftInput } from "@/lib/schemas/outgoing";
import type { IncomingActionRequest } from "@/lib/schemas/incoming-actions";
import { loadActor, type Actor } from "@/server/authz/actor";
import { loadVisibleDocument } from "@/server/incoming/visibility";
import { applyIncomingAction } from "@/server/incoming/workflow";
import { createDraft } from "@/server/outgoing/drafts";
import { issueSigned, signDraft } from "@/server/outgoing/sign-requests";
import { applyOutgoingAction } from "@/server/outgoing/workflow";
import { myCertificate, setPin } from "@/server/signing/service/holder";

/** The PINs Hoàng Liệt's chairman and clerk chose for the document the demo has already sent. */
export const DEMO_SENDER_PINS = { chair: "246810", seal: "135790" } as const;

export async function seedDemoExchange(
  db: Db,
  seeded: { orgs: Record<string, string>; users: Record<string, string> },
): Promise<{ id: string; numberNotation: string }> {
  const as = async (username: string): Promise<Actor> => {
    const actor = await loadActor(db, { userId: seeded.users[username]!, sessionEpoch: 1 });
    if (!actor) throw new Error(`The demo account ${username} is missing`);
    return actor;
  };
  const version = async (id: string) =>
    (await db.select({ v: document.version }).from(document).where(eq(document.id, id)))[0]!.v;

  // Next year's rainy season, whenever the demo is loaded.
  const year = Number(vietnamToday().slice(0, 4)) + 1;
  const subject = `V/v phối hợp rà soát hộ dân sinh sống ven kênh mương trước mùa mưa bão năm ${year}`;
  const clerk = await as("vanthu.hl");
  const chair = await as("chutich.hl");
  const chairCertificate = await myCertificate(db, chair, "person");
  const seal = await myCertificate(db, clerk, "seal");
  if (!chairCertificate || !seal) throw new Error("Hoàng Liệt's demo certificates are missing");
  await setPin(db, chair, { certificateId: chairCertificate.id, pin: DEMO_SENDER_PINS.chair });
  await setPin(db, clerk, { certificateId: seal.id, pin: DEMO_SENDER_PINS.seal });

  const recipients = [
    { key: "dinhcong", name: "Ủy ban nhân dân phường Định Công" },
    { key: "hoangmai", name: "Ủy ban nhân dân quận Hoàng Mai" },
    { key: "namdan", name: "Ủy ban nhân dân xã Nam Đàn" },
  ];
  const text = (t: string) => ({ type: "paragraph", content: [{ type: "text", text: t }] });
  const created = await createDraft(
    db,
    clerk,
    draftInput.parse({
      documentType: "cong_van",
      subject,
      recipients: recipients.map((r) => ({
        kind: "organisation",
        organisationId: seeded.orgs[r.key],
        name: r.name,
      })),
      copiesTo: ["- Như trên;", "- Lưu: VT."],
      signerId: seeded.users["chutich.hl"],
      signingAuthority: "tm",
      signerTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
      answersDocumentId: null,
      attachments: [],
      urgency: "urgent",
      body: {
        type: "doc",
        content: [
          text(
            "Để chủ động phòng, chống lụt bão, Ủy ban nhân dân phường Hoàng Liệt đề nghị các cơ quan phối hợp rà soát các hộ dân sinh sống ven kênh mương giáp ranh địa bàn.",
          ),
          text(
            `Kết quả rà soát đề nghị gửi về Ủy ban nhân dân phường Hoàng Liệt qua hệ thống quản lý văn bản trước ngày 15 tháng 01 năm ${year}.`,
          ),
        ],
      },
    }),
  );
  await applyOutgoingAction(db, clerk, {
    documentId: created.id,
    version: await version(created.id),
    input: {
      action: "sendOnRoute",
      steps: [{ kind: "sign", rule: "any", userIds: [chair.userId] }],
      comment: null,
    },
  });
  await signDraft(db, chair, {
    documentId: created.id,
    version: await version(created.id),
    pin: DEMO_SENDER_PINS.chair,
  });
  const issued = await issueSigned(db, clerk, {
    documentId: created.id,
    version: await version(created.id),
    pin: DEMO_SENDER_PINS.seal,
  });

  // Each recipient's copy, and what its people did with it.
  const copyAt = async (key: string) => {
    const [row] = await db
      .select({ id: delivery.incomingDocumentId })
      .from(delivery)
      .where(
        and(
          eq(delivery.documentId, created.id),
          eq(delivery.recipientOrganisationId, seeded.orgs[key]!),
        ),
      );
    if (!row?.id) throw new Error(`The demo document did not reach ${key}`);
    return row.id;
  };
  const actOn = async (username: string, id: string, input: IncomingActionRequest) => {
    const actor = await as(username);
    const doc = await loadVisibleDocument(db, actor, id);
    await applyIncomingAction(db, actor, { documentId: id, version: doc.version, input });
  };
  const district = await copyAt("hoangmai");
  await actOn("vanthu.hoangmai", district, { action: "register" });
  await actOn("vanthu.hoangmai", district, {
    action: "present",
    leaderId: seeded.users["lanhdao.hoangmai"]!,
  });
  await actOn("lanhdao.hoangmai", district, {
    action: "direct",
    direction: "Văn phòng tổng hợp danh sách các hộ ven kênh thuộc quận, phối hợp với phường.",
    lead: { userId: seeded.users["vanthu.hoangmai"]! },
    co: [],
    info: [],
  });
  await actOn("vanthu.namdan", await copyAt("namdan"), {
    action: "returnToSender",
    reason:
      "Xã Nam Đàn thuộc tỉnh Nghệ An, không giáp ranh phường Hoàng Liệt; đề nghị kiểm tra lại nơi nhận.",
  });
  // Định Công's copy stays where it arrived: in the clerk's reception queue, to register.
  return { id: created.id, numberNotation: issued.numberNotation };
}
