// Demo weekly work schedules of Phường Định Công: this week's leadership schedule published
// (with one change after publication), next week's a draft the office is still writing.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { unit } from "../schema/org";
import { scheduleChange, scheduleEntry, scheduleSheet } from "../schema/schedule";
import { addDays, vietnamToday } from "@/lib/dates";
import { isoWeekMonday, isoWeekOf, sessionOfTime, shiftWeek, type IsoWeek } from "@/lib/schedule";
import { appendAudit } from "@/server/audit/append";

type Seeded = { orgs: Record<string, string>; users: Record<string, string> };

type DemoEntry = {
  /** 0 for Monday. */
  day: number;
  start: string;
  end?: string;
  content: string;
  chair?: string;
  chairText?: string;
  people?: string[];
  units?: string[];
  others?: string;
  location: string;
  preparing?: string;
  preparingText?: string;
};

const thisWeek: DemoEntry[] = [
  {
    day: 0,
    start: "07:30",
    end: "09:00",
    content: "Giao ban Thường trực UBND phường đầu tuần",
    chair: "chutich.dc",
    people: ["phochutich.dc"],
    units: ["kt", "vhxh"],
    location: "Phòng họp tầng 2, UBND phường",
    preparing: "vp",
  },
  {
    day: 0,
    start: "14:00",
    end: "16:30",
    content: "Tiếp công dân định kỳ",
    chair: "chutich.dc",
    others: "Cán bộ địa chính, tư pháp",
    location: "Phòng tiếp công dân",
    preparing: "vp",
  },
  {
    day: 1,
    start: "08:00",
    content: "Kiểm tra tiến độ cải tạo tuyến ống thoát nước phố Định Công Thượng",
    chair: "phochutich.dc",
    people: ["truongphong.kt", "chuyenvien.kt"],
    location: "Tổ dân phố số 5",
    preparing: "kt",
  },
  {
    day: 1,
    start: "14:00",
    end: "17:00",
    content: "Dự hội nghị trực tuyến triển khai chuyển đổi số của Thành phố",
    chairText: "Lãnh đạo UBND Thành phố",
    people: ["chutich.dc"],
    location: "Điểm cầu UBND phường",
    preparing: "vp",
  },
  {
    day: 2,
    start: "08:30",
    content: "Họp Ban chỉ đạo phòng, chống dịch bệnh phường",
    chair: "phochutich.dc",
    units: ["vhxh"],
    others: "Trạm Y tế phường",
    location: "Hội trường UBND phường",
    preparing: "vhxh",
  },
  {
    day: 3,
    start: "08:00",
    end: "11:00",
    content: "Làm việc với Đoàn kiểm tra của UBND quận về công tác cải cách hành chính",
    chair: "chutich.dc",
    people: ["phochutich.dc", "vanthu.dc"],
    location: "Phòng họp tầng 2, UBND phường",
    preparing: "vp",
  },
  {
    day: 3,
    start: "14:00",
    content: "Thăm, tặng quà gia đình chính sách",
    chair: "phochutich.dc",
    people: ["truongphong.vhxh"],
    location: "Các tổ dân phố",
    preparing: "vhxh",
  },
  {
    day: 4,
    start: "08:00",
    content: "Họp giao ban khối Văn hóa - Xã hội",
    chair: "phochutich.dc",
    units: ["vhxh"],
    location: "Phòng họp tầng 3",
    preparing: "vhxh",
  },
  {
    day: 4,
    start: "15:00",
    end: "17:00",
    content: "Lãnh đạo làm việc tại cơ quan, xử lý văn bản",
    chair: "chutich.dc",
    location: "UBND phường",
    preparingText: "Văn phòng",
  },
];

const nextWeek: DemoEntry[] = [
  {
    day: 0,
    start: "07:30",
    end: "09:00",
    content: "Giao ban Thường trực UBND phường đầu tuần",
    chair: "chutich.dc",
    people: ["phochutich.dc"],
    units: ["kt", "vhxh"],
    location: "Phòng họp tầng 2, UBND phường",
    preparing: "vp",
  },
  {
    day: 2,
    start: "14:00",
    content: "Sơ kết công tác quản lý trật tự xây dựng quý IV",
    chair: "phochutich.dc",
    units: ["kt"],
    location: "Hội trường UBND phường",
    preparing: "kt",
  },
];

async function unitsOf(db: DbOrTx, organisationId: string) {
  const rows = await db
    .select()
    .from(unit)
    .where(and(eq(unit.organisationId, organisationId)));
  return Object.fromEntries(rows.map((u) => [u.shortName.toLowerCase(), u.id]));
}

async function seedSheet(
  db: DbOrTx,
  seeded: Seeded,
  week: IsoWeek,
  entries: DemoEntry[],
  published: boolean,
) {
  const org = seeded.orgs.dinhcong!;
  const clerk = seeded.users["vanthu.dc"]!;
  const chair = seeded.users["chutich.dc"]!;
  const units = await unitsOf(db, org);
  const monday = isoWeekMonday(week);
  const now = new Date();
  const [sheet] = await db
    .insert(scheduleSheet)
    .values({
      organisationId: org,
      year: week.year,
      week: week.week,
      weekStart: monday,
      status: published ? "published" : "draft",
      createdById: clerk,
      ...(published
        ? { submittedById: clerk, submittedAt: now, publishedById: chair, publishedAt: now }
        : {}),
    })
    .onConflictDoNothing()
    .returning();
  if (!sheet) return null;
  const rows = await db
    .insert(scheduleEntry)
    .values(
      entries.map((e) => ({
        sheetId: sheet.id,
        organisationId: org,
        day: addDays(monday, e.day),
        session: sessionOfTime(e.start),
        startTime: e.start,
        endTime: e.end ?? null,
        content: e.content,
        chairUserId: e.chair ? seeded.users[e.chair]! : null,
        chairText: e.chairText ?? null,
        participantUserIds: (e.people ?? []).map((u) => seeded.users[u]!),
        participantUnitIds: (e.units ?? []).map((u) => units[u]!),
        participantText: e.others ?? null,
        location: e.location,
        preparingUnitId: e.preparing ? units[e.preparing]! : null,
        preparingText: e.preparingText ?? null,
        createdById: clerk,
      })),
    )
    .returning();
  for (const action of published
    ? ["schedule.created", "schedule.published"]
    : ["schedule.created"]) {
    await appendAudit(db, {
      organisationId: org,
      actor:
        action === "schedule.published"
          ? { userId: chair, fullName: "Nguyễn Đức Thắng" }
          : { userId: clerk, fullName: "Phạm Thị Thu" },
      action,
      entityType: "scheduleSheet",
      entityId: sheet.id,
      data: { year: week.year, week: week.week, unitId: null },
    });
  }
  return { sheet, rows };
}

/** This week's (published) and next week's (draft) leadership schedule of Phường Định Công. */
export async function seedDemoSchedule(db: DbOrTx, seeded: Seeded, today = vietnamToday()) {
  const current = isoWeekOf(today);
  const published = await seedSheet(db, seeded, current, thisWeek, true);
  await seedSheet(db, seeded, shiftWeek(current, 1), nextWeek, false);
  // One change after publication, as the office makes them: Wednesday's meeting moved.
  const moved = published?.rows.find((r) => r.content.startsWith("Họp Ban chỉ đạo"));
  if (published && moved) {
    await db
      .update(scheduleEntry)
      .set({ startTime: "09:30", location: "Phòng họp tầng 3, UBND phường", version: 2 })
      .where(eq(scheduleEntry.id, moved.id));
    await db.insert(scheduleChange).values({
      sheetId: published.sheet.id,
      entryId: moved.id,
      organisationId: published.sheet.organisationId,
      kind: "edited",
      fields: {
        startTime: { from: "08:30", to: "09:30" },
        location: { from: "Hội trường UBND phường", to: "Phòng họp tầng 3, UBND phường" },
      },
      changedById: seeded.users["vanthu.dc"]!,
    });
  }
}
