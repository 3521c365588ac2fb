// Documents written straight into the tables for the report tests: a March 2026 of Phường Định
// Công with every state a document can be in, a secret registry, and a neighbour's document.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { unit } from "@/db/schema/org";
import { registry } from "@/db/schema/registry";
import { seedDemo } from "@/db/seed/demo";
import { vietnamToday } from "@/lib/dates";
import { loadActor } from "@/server/authz/actor";
import { upsertParticipant } from "@/server/incoming/participants";
import { insertRegisteredDocument } from "@/server/testing/documents";

export const MARCH = { from: "2026-03-01", to: "2026-03-31" };

/** A day counted from today in Vietnam, so "overdue" and "on time" hold whenever the tests run. */
export function daysFromToday(days: number): string {
  const d = new Date(`${vietnamToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function registryOf(db: Db, organisationId: string, kind: "incoming" | "secret") {
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
  if (found) return found.id;
  const names = { incoming: "Sổ văn bản đến", secret: "Sổ văn bản mật đến" };
  const [created] = await db
    .insert(registry)
    .values({ organisationId, kind, name: names[kind], isDefault: true })
    .returning({ id: registry.id });
  return created!.id;
}

export async function seedReportFixtures(db: Db) {
  const { orgs, users } = await seedDemo(db);
  const dc = orgs.dinhcong!;
  const units = Object.fromEntries(
    (await db.select().from(unit).where(eq(unit.organisationId, dc))).map((u) => [
      u.shortName,
      u.id,
    ]),
  );
  const incoming = await registryOf(db, dc, "incoming");
  const secret = await registryOf(db, dc, "secret");
  const clerk = users["vanthu.dc"]!;
  const leader = users["chutich.dc"]!;

  const registered = (
    number: number,
    values: Partial<typeof document.$inferInsert>,
    period = "2026",
  ) =>
    insertRegisteredDocument(db, {
      organisationId: dc,
      createdById: clerk,
      registryId: incoming,
      registryPeriod: period,
      registryNumber: number,
      ...values,
    }).then((row) => row.id);

  const assign = (
    documentId: string,
    values: Partial<typeof assignment.$inferInsert> & Pick<typeof assignment.$inferInsert, "role">,
  ) =>
    db
      .insert(assignment)
      .values({ documentId, organisationId: dc, assignedById: leader, ...values })
      .returning({ id: assignment.id })
      .then((r) => r[0]!.id);

  // Inserted out of number order: the book orders by number, not by insertion.
  const d3 = await registered(3, {
    arrivalDate: "2026-03-10",
    issuerName: "Ủy ban nhân dân quận Hoàng Mai",
    codeNumber: "42",
    codeNotation: "KH-UBND",
    documentType: "ke_hoach",
    subject: "Kế hoạch tổng vệ sinh môi trường tháng 3",
    documentDate: "2026-03-08",
    status: "completed",
    deadline: "2026-03-20",
    // The office gave itself until the 20th; the district had asked for the 17th.
    issuerDeadline: "2026-03-17",
    completedAt: new Date("2026-03-18T10:00:00+07:00"),
    notes: "Đã trả lời bằng văn bản",
  });
  await assign(d3, {
    role: "lead",
    unitId: units.VHXH,
    deadline: "2026-03-20",
    status: "completed",
    createdAt: new Date("2026-03-11T08:00:00+07:00"),
  });
  // A co-handler still at work when the lead's result was accepted.
  await assign(d3, {
    role: "co",
    unitId: units.KT,
    status: "closed",
    createdAt: new Date("2026-03-11T08:00:01+07:00"),
  });
  const [reply] = await db
    .insert(document)
    .values({
      organisationId: dc,
      direction: "outgoing",
      status: "completed",
      documentType: "cong_van",
      subject: "Báo cáo kết quả tổng vệ sinh môi trường",
      issuerName: "Ủy ban nhân dân phường Định Công",
      codeNumber: "05",
      codeNotation: "UBND-VP",
      createdById: clerk,
    })
    .returning({ id: document.id });
  await db.update(document).set({ replyDocumentId: reply!.id }).where(eq(document.id, d3));

  const d1 = await registered(1, {
    arrivalDate: "2026-03-02",
    issuerName: "Ủy ban nhân dân quận Hoàng Mai",
    codeNumber: "15",
    codeNotation: "QĐ-UBND",
    documentType: "quyet_dinh",
    subject: "Về việc kiện toàn Ban chỉ đạo chuyển đổi số phường",
    documentDate: "2026-02-27",
    status: "in_progress",
    deadline: daysFromToday(5),
    // Within the office's own deadline, but past the one the issuer set.
    issuerDeadline: daysFromToday(-1),
  });
  await assign(d1, {
    role: "lead",
    unitId: units.KT,
    deadline: daysFromToday(5),
    createdAt: new Date("2026-03-03T09:00:00+07:00"),
  });
  await assign(d1, {
    role: "co",
    unitId: units.VHXH,
    createdAt: new Date("2026-03-03T09:00:01+07:00"),
  });
  await assign(d1, {
    role: "co",
    userId: users["chuyenvien.kt"],
    createdAt: new Date("2026-03-03T09:00:02+07:00"),
  });
  // Neither a withdrawn co-handler nor a for-information recipient receives the document to handle.
  await assign(d1, { role: "co", unitId: units.VP, status: "withdrawn" });
  await assign(d1, { role: "info", userId: users["phochutich.dc"], status: "read" });

  const d2 = await registered(2, {
    arrivalDate: "2026-03-05",
    issuerName: "Sở Tài chính",
    codeNumber: "318",
    codeNotation: "STC-NS",
    subject: "V/v hướng dẫn quyết toán ngân sách năm 2025",
    documentDate: "2026-03-03",
    status: "in_progress",
    deadline: daysFromToday(-3),
  });
  // 01:30 in Hà Nội on 5 March is still 4 March in UTC: the date transferred is Vietnam's.
  const lead2 = await assign(d2, {
    role: "lead",
    unitId: units.KT,
    deadline: daysFromToday(-3),
    status: "in_progress",
    createdAt: new Date("2026-03-05T01:30:00+07:00"),
  });
  // The unit head passing the work to a specialist does not change who leads.
  await assign(d2, {
    role: "lead",
    userId: users["chuyenvien.kt"],
    parentId: lead2,
    assignedById: users["truongphong.kt"]!,
    deadline: daysFromToday(-3),
    createdAt: new Date("2026-03-06T08:00:00+07:00"),
  });

  const d4 = await registered(4, {
    arrivalDate: "2026-03-12",
    issuerName: "Công an phường Định Công",
    codeNumber: "77",
    codeNotation: "BC-CAP",
    documentType: "bao_cao",
    subject: "Báo cáo tình hình an ninh trật tự tháng 02/2026",
    documentDate: "2026-03-10",
    status: "completed",
    deadline: "2026-03-15",
    completedAt: new Date("2026-03-20T15:00:00+07:00"),
  });
  await assign(d4, {
    role: "lead",
    userId: users["phochutich.dc"],
    deadline: "2026-03-15",
    status: "completed",
    createdAt: new Date("2026-03-12T14:00:00+07:00"),
  });

  const d5 = await registered(5, {
    arrivalDate: "2026-03-15",
    issuerName: "Mặt trận Tổ quốc phường Định Công",
    codeNumber: "09",
    codeNotation: "GM-MTTQ",
    documentType: "giay_moi",
    subject: "Mời dự hội nghị hiệp thương",
    documentDate: "2026-03-13",
    status: "presented",
  });

  // Completed 00:30 on 21 March in Hà Nội (still 20 March in UTC), deadline 20 March: late.
  const d6 = await registered(6, {
    arrivalDate: "2026-03-16",
    issuerName: "Sở Xây dựng",
    codeNumber: "1204",
    codeNotation: "SXD-QLN",
    subject: "V/v rà soát nhà ở xuống cấp",
    documentDate: "2026-03-12",
    status: "completed",
    deadline: "2026-03-20",
    completedAt: new Date("2026-03-21T00:30:00+07:00"),
  });
  await assign(d6, {
    role: "lead",
    unitId: units.KT,
    deadline: "2026-03-20",
    status: "completed",
    createdAt: new Date("2026-03-16T10:00:00+07:00"),
  });

  // A secret document numbered in the ordinary registry must not appear in its book.
  const d7 = await registered(7, {
    arrivalDate: "2026-03-20",
    createdById: leader,
    confidentiality: "confidential",
    subject: "Tài liệu mật đăng ký nhầm sổ",
    documentDate: "2026-03-18",
  });

  const d8 = await registered(8, {
    arrivalDate: "2026-04-02",
    issuerName: "Sở Y tế",
    subject: "Văn bản đến sau tháng 3",
    documentDate: "2026-03-30",
  });

  const last2025 = await registered(
    300,
    {
      arrivalDate: "2025-12-30",
      issuerName: "Ban Dân vận Quận ủy",
      subject: "Văn bản cuối năm 2025, trả lại nơi gửi",
      documentDate: "2025-12-26",
      status: "returned_to_sender",
    },
    "2025",
  );

  const secretDoc = await insertRegisteredDocument(db, {
    organisationId: dc,
    createdById: leader,
    registryId: secret,
    registryPeriod: "2026",
    registryNumber: 1,
    arrivalDate: "2026-03-06",
    confidentiality: "secret",
    issuerName: "Bộ Chỉ huy Quân sự thành phố",
    subject: "Kế hoạch diễn tập khu vực phòng thủ",
    status: "in_progress",
    deadline: daysFromToday(-1),
  });
  await assign(secretDoc.id, {
    role: "lead",
    unitId: units.KT,
    deadline: daysFromToday(-1),
    createdAt: new Date("2026-03-06T15:00:00+07:00"),
  });
  await upsertParticipant(db, {
    documentId: secretDoc.id,
    userId: users["truongphong.kt"]!,
    kind: "lead",
    organisationId: dc,
    box: "to_handle",
    urgency: "normal",
  });

  const neighbour = await insertRegisteredDocument(db, {
    organisationId: orgs.hoangliet!,
    createdById: users["vanthu.hl"]!,
    registryId: await registryOf(db, orgs.hoangliet!, "incoming"),
    registryPeriod: "2026",
    registryNumber: 1,
    arrivalDate: "2026-03-04",
    issuerName: "Sở Nội vụ",
    subject: "Văn bản của phường Hoàng Liệt",
    status: "in_progress",
  });

  const actorOf = async (username: string) =>
    (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;

  return {
    orgs,
    users,
    units,
    registries: {
      incoming,
      secret,
      neighbour: neighbour.registryId!,
    },
    docs: {
      d1,
      d2,
      d3,
      d4,
      d5,
      d6,
      d7,
      d8,
      last2025,
      secret: secretDoc.id,
      neighbour: neighbour.id,
    },
    actorOf,
  };
}
