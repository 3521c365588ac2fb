// An outgoing draft taken along its route to the chairman's signature step, for the tests of
// signing and issuing.
import { eq } from "drizzle-orm";
import { document } from "@/db/schema/documents";
import { draftInput, type OutgoingActionInput } from "@/lib/schemas/outgoing";
import { createDraft } from "../outgoing/drafts";
import { applyOutgoingAction } from "../outgoing/workflow";
import { issueCertificate } from "../signing/service/certificates";
import { setPin } from "../signing/service/holder";
import type { WorkflowWorld } from "./incoming-workflow";

export const CHAIR_PIN = "246810";
export const SEAL_PIN = "135790";

/** A signing certificate for `signer` and the organisation's seal for `clerk`, PINs chosen. */
export async function giveKeys(
  world: WorkflowWorld,
  org: string,
  people: { signer: string; clerk: string },
) {
  const admin = await world.as("quantri");
  const leader = await issueCertificate(world.db, admin, {
    organisationId: world.orgs[org]!,
    userId: world.users[people.signer]!,
    title: "Chủ tịch",
  });
  await setPin(world.db, await world.as(people.signer), {
    certificateId: leader.id,
    pin: CHAIR_PIN,
  });
  const seal = await issueCertificate(world.db, admin, { organisationId: world.orgs[org]! });
  await setPin(world.db, await world.as(people.clerk), { certificateId: seal.id, pin: SEAL_PIN });
}

/** The chairman's certificate and Định Công's seal, each with its PIN chosen. */
export const giveSigningKeys = (world: WorkflowWorld) =>
  giveKeys(world, "dinhcong", { signer: "chutich.dc", clerk: "vanthu.dc" });

/** `world` is read at each call: the world is made in a `beforeAll`. */
export function outgoingRoute(worldOf: () => WorkflowWorld) {
  const version = async (id: string) =>
    (
      await worldOf().db.select({ v: document.version }).from(document).where(eq(document.id, id))
    )[0]!.v;

  async function act(username: string, id: string, input: OutgoingActionInput) {
    const world = worldOf();
    return applyOutgoingAction(world.db, await world.as(username), {
      documentId: id,
      version: await version(id),
      input,
    });
  }

  /** The draft's fields: a công văn to Hoàng Liệt answering `answers`, signed by the chairman. */
  function draftFor(
    subject: string,
    answers: string,
    attachments: { sha256: string; fileName: string }[] = [],
    text = "Ủy ban nhân dân phường Định Công đề nghị phối hợp rà soát.",
  ) {
    const world = worldOf();
    const { users, units } = world;
    return draftInput.parse({
      documentType: "cong_van",
      subject,
      recipients: [
        {
          kind: "organisation",
          organisationId: world.orgs.hoangliet!,
          name: "UBND phường Hoàng Liệt",
        },
        { kind: "unit", unitId: units.VHXH!, name: "Phòng Văn hóa - Xã hội" },
      ],
      copiesTo: ["- Như trên;", "- Lưu: VT, KT."],
      signerId: users["chutich.dc"],
      signingAuthority: "tm",
      signerTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
      draftingUnitId: units.KT,
      answersDocumentId: answers,
      attachments,
      body: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              {
                type: "text",
                text,
              },
            ],
          },
        ],
      },
    });
  }

  /** A công văn of the economic unit, along its whole route to the chairman's signature step. */
  async function draftAtSignature(
    subject: string,
    attachments: { sha256: string; fileName: string }[] = [],
  ) {
    const world = worldOf();
    const { db, users } = world;
    // It answers an incoming document the chairman gave the specialist.
    const incoming = await world.newDocument({ subject: "Về việc rà soát hộ nghèo" });
    await world.act("vanthu.dc", incoming.id, {
      action: "present",
      leaderId: users["chutich.dc"]!,
    });
    await world.act("chutich.dc", incoming.id, {
      action: "direct",
      direction: "Giao đồng chí Tuấn soạn công văn trả lời.",
      lead: { userId: users["chuyenvien.kt"]! },
      co: [],
      info: [],
    });
    const created = await createDraft(
      db,
      await world.as("chuyenvien.kt"),
      draftFor(subject, incoming.id, attachments),
    );
    await act("chuyenvien.kt", created.id, {
      action: "sendOnRoute",
      steps: [
        { kind: "review", rule: "all", userIds: [users["truongphong.kt"]!] },
        { kind: "format_check", rule: "any", userIds: [users["vanthu.dc"]!] },
        { kind: "sign", rule: "any", userIds: [users["chutich.dc"]!] },
      ],
      comment: null,
    });
    await act("truongphong.kt", created.id, { action: "approveStep", comment: null });
    await act("vanthu.dc", created.id, { action: "approveStep", comment: null });
    return { id: created.id, incomingId: incoming.id };
  }

  return { version, act, draftFor, draftAtSignature };
}
