// Issued outgoing documents written straight into the tables for the outgoing book's tests, the
// way numberSealAndIssue leaves them: Phường Định Công's March 2026, its secret outgoing
// registry, a draft not yet numbered, and a neighbour's book.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { unit } from "@/db/schema/org";
import { delivery } from "@/db/schema/delivery";
import { outgoingDraft } from "@/db/schema/outgoing";
import { registry } from "@/db/schema/registry";
import { seedDemo } from "@/db/seed/demo";
import type { DraftRecipient } from "@/lib/outgoing";
import { loadActor } from "@/server/authz/actor";
import { upsertParticipant } from "@/server/incoming/participants";

export const MARCH = { from: "2026-03-01", to: "2026-03-31" };

async function defaultRegistryOf(
  db: Db,
  organisationId: string,
  kind: "outgoing" | "secret_outgoing",
) {
  const [found] = await db
    .select({ id: registry.id })
    .from(registry)
    .where(
      and(
        eq(registry.organisationId, organisationId),
        eq(registry.kind, kind),
        eq(registry.isDefault, true),
      ),
    );
  return found!.id;
}

type Issued = {
  organisationId: string;
  registryId: string;
  period?: string;
  number: number;
  notation: string;
  documentDate: string;
  documentType?: (typeof document.$inferInsert)["documentType"];
  subject: string;
  signerName?: string;
  confidentiality?: (typeof document.$inferInsert)["confidentiality"];
  notes?: string;
  recipients?: DraftRecipient[];
  copiesTo?: string[];
  draftingUnitId?: string | null;
  /** Who is on the document besides its drafter: the signer, the issuing clerk. */
  people: { userId: string; kind: "approver" | "issuing_clerk" }[];
  drafterId: string;
  issuerName?: string;
};

/** An issued outgoing document with its draft row, its participants and a delivery per outside recipient. */
async function insertIssued(db: Db, d: Issued): Promise<string> {
  const issuedAt = new Date(`${d.documentDate}T09:30:00+07:00`);
  const [row] = await db
    .insert(document)
    .values({
      organisationId: d.organisationId,
      direction: "outgoing",
      status: "issued",
      registryId: d.registryId,
      registryPeriod: d.period ?? d.documentDate.slice(0, 4),
      registryNumber: d.number,
      registeredAt: issuedAt,
      codeNumber: String(d.number).padStart(2, "0"),
      codeNotation: d.notation,
      documentType: d.documentType ?? "cong_van",
      subject: d.subject,
      documentDate: d.documentDate,
      issuerName: d.issuerName ?? "Ủy ban nhân dân phường Định Công",
      signerName: d.signerName ?? "Nguyễn Đức Thắng",
      confidentiality: d.confidentiality ?? "normal",
      notes: d.notes ?? null,
      completedAt: issuedAt,
      createdById: d.drafterId,
    })
    .returning({ id: document.id, urgency: document.urgency });
  const id = row!.id;
  const recipients = d.recipients ?? [];
  await db.insert(outgoingDraft).values({
    documentId: id,
    organisationId: d.organisationId,
    body: { type: "doc", content: [{ type: "paragraph" }] },
    recipients,
    copiesTo: d.copiesTo ?? [],
    draftingUnitId: d.draftingUnitId ?? null,
  });
  for (const p of [{ userId: d.drafterId, kind: "drafter" as const }, ...d.people]) {
    await upsertParticipant(db, {
      documentId: id,
      userId: p.userId,
      kind: p.kind,
      organisationId: d.organisationId,
      box: "none",
      urgency: row!.urgency,
    });
  }
  for (const r of recipients) {
    if (r.kind !== "organisation" && r.kind !== "outside") continue;
    await db.insert(delivery).values({
      documentId: id,
      organisationId: d.organisationId,
      recipientOrganisationId: r.kind === "organisation" ? r.organisationId : null,
      recipientName: r.name,
    });
  }
  return id;
}

export async function seedOutgoingBookFixtures(db: Db) {
  const { orgs, users } = await seedDemo(db);
  const dc = orgs.dinhcong!;
  const units = Object.fromEntries(
    (await db.select().from(unit).where(eq(unit.organisationId, dc))).map((u) => [
      u.shortName,
      u.id,
    ]),
  );
  const outgoing = await defaultRegistryOf(db, dc, "outgoing");
  const secret = await defaultRegistryOf(db, dc, "secret_outgoing");
  const signed = [
    { userId: users["chutich.dc"]!, kind: "approver" as const },
    { userId: users["vanthu.dc"]!, kind: "issuing_clerk" as const },
  ];
  const base = {
    organisationId: dc,
    registryId: outgoing,
    drafterId: users["chuyenvien.kt"]!,
    people: signed,
  };

  // Inserted out of number order: the book orders by number, not by insertion.
  const o3 = await insertIssued(db, {
    ...base,
    number: 3,
    notation: "KH-UBND",
    documentType: "ke_hoach",
    documentDate: "2026-03-20",
    subject: "Kế hoạch tổ chức Ngày hội đại đoàn kết toàn dân tộc năm 2026",
    signerName: "Hoàng Thị Mai",
    // Nobody named in the system: the copies went to the "Nơi nhận" lines only.
    copiesTo: ["- Các phòng, ban chuyên môn;", "- Lưu: VT, VHXH."],
    draftingUnitId: units.VHXH,
  });
  const o1 = await insertIssued(db, {
    ...base,
    number: 1,
    notation: "UBND-KT",
    documentDate: "2026-03-03",
    subject: "V/v phối hợp rà soát hộ nghèo, hộ cận nghèo năm 2026",
    recipients: [
      { kind: "organisation", organisationId: orgs.hoangliet!, name: "UBND phường Hoàng Liệt" },
      { kind: "outside", name: "Ngân hàng Chính sách xã hội quận Hoàng Mai" },
      { kind: "unit", unitId: units.VHXH!, name: "Phòng Văn hóa - Xã hội" },
      { kind: "person", userId: users["truongphong.kt"]!, name: "Trần Quốc Bảo" },
    ],
    copiesTo: ["- Như trên;", "- Chủ tịch UBND quận (để b/c);", "- Lưu: VT, KT."],
    draftingUnitId: units.KT,
  });
  const o2 = await insertIssued(db, {
    ...base,
    number: 2,
    notation: "QĐ-UBND",
    documentType: "quyet_dinh",
    documentDate: "2026-03-10",
    subject: "Về việc thành lập Tổ công tác chuyển đổi số phường",
    recipients: [{ kind: "outside", name: "Công ty Điện lực Hoàng Mai" }],
    // No drafting unit chosen: the "Lưu" line says who keeps the copy.
    copiesTo: ["- Như trên;", "- Lưu: VT, VP."],
    notes: "Gửi kèm bản giấy",
  });
  // A secret document numbered by mistake in the ordinary registry stays out of its book.
  const misfiled = await insertIssued(db, {
    ...base,
    number: 4,
    notation: "UBND-VP",
    documentDate: "2026-03-24",
    confidentiality: "confidential",
    subject: "Văn bản mật cấp số nhầm sổ",
  });
  const april = await insertIssued(db, {
    ...base,
    number: 5,
    notation: "TB-UBND",
    documentType: "thong_bao",
    documentDate: "2026-04-02",
    subject: "Thông báo lịch tiếp công dân tháng 4",
  });
  const last2025 = await insertIssued(db, {
    ...base,
    period: "2025",
    number: 412,
    notation: "BC-UBND",
    documentType: "bao_cao",
    documentDate: "2025-12-30",
    subject: "Báo cáo tổng kết công tác năm 2025",
  });
  // A draft on its route has no number yet and no place in the book.
  const [draft] = await db
    .insert(document)
    .values({
      organisationId: dc,
      direction: "outgoing",
      status: "on_route",
      documentType: "cong_van",
      subject: "Dự thảo chưa cấp số",
      issuerName: "Ủy ban nhân dân phường Định Công",
      documentDate: "2026-03-15",
      createdById: users["chuyenvien.kt"]!,
    })
    .returning({ id: document.id });

  // The secret one is seen by the drafter, the signer and the clerk who issued it, nobody else.
  const secretDoc = await insertIssued(db, {
    ...base,
    registryId: secret,
    number: 1,
    notation: "UBND-QS",
    documentDate: "2026-03-12",
    confidentiality: "secret",
    subject: "Kế hoạch bảo vệ mục tiêu trọng điểm dịp lễ",
    recipients: [{ kind: "outside", name: "Ban Chỉ huy Quân sự quận Hoàng Mai" }],
  });

  const neighbourRegistry = await defaultRegistryOf(db, orgs.hoangliet!, "outgoing");
  const neighbour = await insertIssued(db, {
    organisationId: orgs.hoangliet!,
    registryId: neighbourRegistry,
    drafterId: users["vanthu.hl"]!,
    people: [{ userId: users["chutich.hl"]!, kind: "approver" }],
    number: 1,
    notation: "UBND-VP",
    documentDate: "2026-03-05",
    issuerName: "Ủy ban nhân dân phường Hoàng Liệt",
    subject: "Văn bản đi của phường Hoàng Liệt",
  });

  const actorOf = async (username: string) =>
    (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;

  return {
    orgs,
    users,
    units,
    registries: { outgoing, secret, neighbour: neighbourRegistry },
    docs: { o1, o2, o3, misfiled, april, last2025, draft: draft!.id, secret: secretDoc, neighbour },
    actorOf,
  };
}
