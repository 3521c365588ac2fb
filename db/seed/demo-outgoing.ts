// Demo outgoing documents of Phường Định Công, one at each place of the approval road: a draft
// being written, one waiting for the unit head's review mark, one returned with a remark, one
// at the clerk's format check answering a letter from the district, and two waiting for the
// chairman's signature (to sign one by one, or both in one go). Made through the real services,
// like the incoming demo documents, so their versions, routes, history and boxes agree.
import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { document } from "../schema/documents";
import { assignment } from "../schema/handling";
import { unit } from "../schema/org";
import { draftInput, type OutgoingActionInput } from "@/lib/schemas/outgoing";
import { loadActor, type Actor } from "@/server/authz/actor";
import { createDraft } from "@/server/outgoing/drafts";
import { applyOutgoingAction } from "@/server/outgoing/workflow";

type Stage = "drafting" | "review" | "returned" | "formatCheck" | "toSign";

type Plan = {
  stage: Stage;
  drafter: "chuyenvien.kt" | "chuyenvien.vhxh";
  unit: "KT" | "VHXH";
  subject: string;
  to: string;
  paragraphs: string[];
  /** Answers the demo letter whose subject starts so, handled by the drafter. */
  answers?: string;
  urgency?: "normal" | "urgent";
};

const plans: Plan[] = [
  {
    stage: "drafting",
    drafter: "chuyenvien.vhxh",
    unit: "VHXH",
    subject: "tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026 tại các tổ dân phố",
    to: "Ban Công tác Mặt trận các tổ dân phố",
    paragraphs: [
      "Thực hiện Kế hoạch của Ủy ban Mặt trận Tổ quốc Việt Nam quận Hoàng Mai,",
      "Ủy ban nhân dân phường đề nghị các tổ dân phố chủ động xây dựng chương trình, bố trí địa điểm và báo cáo kết quả tổ chức về Ủy ban nhân dân phường.",
    ],
  },
  {
    stage: "review",
    drafter: "chuyenvien.kt",
    unit: "KT",
    subject: "kế hoạch chỉnh trang đô thị tuyến phố Định Công Hạ",
    to: "Ủy ban nhân dân quận Hoàng Mai",
    paragraphs: [
      "Ủy ban nhân dân phường Định Công báo cáo kế hoạch chỉnh trang đô thị tuyến phố Định Công Hạ như sau:",
      "1. Lát lại vỉa hè đoạn từ số 1 đến số 120, hoàn thành trong quý I năm 2027.",
      "2. Sơn sửa mặt tiền các công trình công cộng dọc tuyến phố.",
    ],
    urgency: "urgent",
  },
  {
    stage: "returned",
    drafter: "chuyenvien.vhxh",
    unit: "VHXH",
    subject: "báo cáo kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026",
    to: "Phòng Lao động - Thương binh và Xã hội quận Hoàng Mai",
    paragraphs: [
      "Ủy ban nhân dân phường Định Công báo cáo kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026:",
      "Tổng số hộ nghèo: 12 hộ; hộ cận nghèo: 27 hộ.",
    ],
  },
  {
    stage: "formatCheck",
    drafter: "chuyenvien.kt",
    unit: "KT",
    subject: "báo cáo kết quả rà soát các điểm ngập úng cục bộ sau mùa mưa năm 2026",
    to: "Ủy ban nhân dân quận Hoàng Mai",
    answers: "V/v rà soát, xử lý các điểm ngập úng",
    paragraphs: [
      "Thực hiện văn bản chỉ đạo của Ủy ban nhân dân quận Hoàng Mai,",
      "Ủy ban nhân dân phường Định Công đã rà soát 9 điểm ngập úng cục bộ; 5 điểm đã được khơi thông, 4 điểm đề nghị quận hỗ trợ cải tạo hệ thống thoát nước.",
    ],
  },
  {
    stage: "toSign",
    drafter: "chuyenvien.kt",
    unit: "KT",
    subject: "kế hoạch trực Tết Nguyên đán Đinh Mùi năm 2027",
    to: "Các tổ dân phố trên địa bàn phường",
    paragraphs: [
      "Để bảo đảm an ninh trật tự trong dịp Tết Nguyên đán Đinh Mùi năm 2027,",
      "Ủy ban nhân dân phường phân công trực theo lịch kèm theo; các tổ dân phố báo cáo tình hình hằng ngày trước 16 giờ.",
    ],
  },
  {
    stage: "toSign",
    drafter: "chuyenvien.vhxh",
    unit: "VHXH",
    subject: "lịch tiếp công dân định kỳ tháng 01 năm 2027",
    to: "Các tổ dân phố trên địa bàn phường",
    paragraphs: [
      "Ủy ban nhân dân phường Định Công thông báo lịch tiếp công dân định kỳ tháng 01 năm 2027:",
      "Chủ tịch Ủy ban nhân dân phường tiếp công dân vào sáng thứ Năm các tuần, tại Trụ sở Ủy ban nhân dân phường.",
    ],
  },
];

const heads = { KT: "truongphong.kt", VHXH: "truongphong.vhxh" } as const;

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

/** The demo outgoing documents of Phường Định Công; returns how many were made. */
export async function seedDemoOutgoing(
  db: Db,
  { orgs, users }: { orgs: Record<string, string>; users: Record<string, string> },
): Promise<number> {
  const actors = new Map<string, Actor>();
  const as = async (username: string) => {
    if (!actors.has(username)) {
      const actor = await loadActor(db, { userId: users[username]!, sessionEpoch: 1 });
      if (!actor) throw new Error(`Demo user ${username} is missing.`);
      actors.set(username, actor);
    }
    return actors.get(username)!;
  };
  const unitIds = Object.fromEntries(
    (await db.select().from(unit).where(eq(unit.organisationId, orgs.dinhcong!))).map((u) => [
      u.shortName,
      u.id,
    ]),
  );
  const version = async (id: string) =>
    (await db.select({ v: document.version }).from(document).where(eq(document.id, id)))[0]!.v;
  const act = async (username: string, id: string, input: OutgoingActionInput) =>
    applyOutgoingAction(db, await as(username), {
      documentId: id,
      version: await version(id),
      input,
    });

  for (const plan of plans) {
    // A reply goes to whoever sent the letter it answers.
    const letter = plan.answers ? await answered(db, users[plan.drafter]!, plan) : null;
    const { id } = await createDraft(
      db,
      await as(plan.drafter),
      draftInput.parse({
        documentType: "cong_van",
        subject: plan.subject,
        urgency: plan.urgency ?? "normal",
        recipients: [{ kind: "outside", name: letter?.issuerName ?? plan.to }],
        copiesTo: ["- Như trên;", `- Lưu: VT, ${plan.unit}.`],
        signerId: users["chutich.dc"],
        signingAuthority: "tm",
        signerTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
        draftingUnitId: unitIds[plan.unit],
        answersDocumentId: letter?.id ?? null,
        body: { type: "doc", content: plan.paragraphs.map(paragraph) },
      }),
    );
    if (plan.stage === "drafting") continue;
    await act(plan.drafter, id, {
      action: "sendOnRoute",
      steps: [
        { kind: "review", rule: "all", userIds: [users[heads[plan.unit]]!] },
        { kind: "format_check", rule: "any", userIds: [users["vanthu.dc"]!] },
        { kind: "sign", rule: "any", userIds: [users["chutich.dc"]!] },
      ],
      comment: null,
    });
    if (plan.stage === "review") continue;
    if (plan.stage === "returned") {
      await act(heads[plan.unit], id, {
        action: "returnDraft",
        toPosition: null,
        comment: "Đề nghị bổ sung số liệu so sánh với năm 2025 và danh sách kèm theo.",
      });
      continue;
    }
    await act(heads[plan.unit], id, { action: "approveStep", comment: null });
    if (plan.stage === "formatCheck") continue;
    await act("vanthu.dc", id, { action: "approveStep", comment: "Đúng thể thức." });
  }
  return plans.length;
}

/** The demo letter this reply answers: one handled by the drafter, found by its subject. */
async function answered(db: Db, drafterId: string, plan: Plan) {
  const rows = await db
    .select({ id: document.id, subject: document.subject, issuerName: document.issuerName })
    .from(document)
    .innerJoin(assignment, eq(assignment.documentId, document.id))
    .where(and(eq(document.direction, "incoming"), eq(assignment.userId, drafterId)));
  return rows.find((r) => r.subject.startsWith(plan.answers!)) ?? null;
}
