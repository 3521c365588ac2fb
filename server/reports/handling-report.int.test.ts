import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { vietnamToday } from "@/lib/dates";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/authz/actor";
import type { AppError } from "@/server/errors";
import { freshDatabase } from "@/server/testing/test-db";
import { refusal } from "@/server/testing/trpc";
import { handlingReport } from "./handling-report";
import { MARCH, seedReportFixtures } from "./test-fixtures";

let db: Db;
let f: Awaited<ReturnType<typeof seedReportFixtures>>;
let clerk: Actor;
let leader: Actor;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  f = await seedReportFixtures(db);
  clerk = await f.actorOf("vanthu.dc");
  leader = await f.actorOf("chutich.dc");
});

const none = {
  total: 0,
  notDirected: 0,
  inProgressOnTime: 0,
  inProgressOverdue: 0,
  completedOnTime: 0,
  completedLate: 0,
};

describe("handling report", () => {
  it("counts the leader's documents of the period per lead unit and status, as of today in Vietnam", async () => {
    const report = await handlingReport(db, leader, MARCH);
    expect(report.asOf).toBe(vietnamToday());
    expect(report.rows).toEqual([
      {
        ...none,
        group: "unit",
        unitId: f.units.KT,
        unitName: "Phòng Kinh tế, Hạ tầng và Đô thị",
        // No. 1 on time, No. 2 and the secret one overdue, No. 6 completed a day late.
        total: 4,
        inProgressOnTime: 1,
        inProgressOverdue: 2,
        completedLate: 1,
      },
      {
        ...none,
        group: "unit",
        unitId: f.units.VHXH,
        unitName: "Phòng Văn hóa - Xã hội",
        total: 1,
        completedOnTime: 1,
      },
      // Led by the vice-chairwoman herself, completed after its deadline.
      { ...none, group: "individuals", unitId: null, unitName: null, total: 1, completedLate: 1 },
      // No. 5 presented, No. 7 (secret, the leader is on it) registered: neither directed yet.
      { ...none, group: "unassigned", unitId: null, unitName: null, total: 2, notDirected: 2 },
    ]);
    expect(report.totals).toEqual({
      total: 8,
      notDirected: 2,
      inProgressOnTime: 1,
      inProgressOverdue: 2,
      completedOnTime: 1,
      completedLate: 2,
    });
  });

  it("leaves out for a clerk the secret documents they are not on", async () => {
    const report = await handlingReport(db, clerk, MARCH);
    expect(report.totals).toEqual({
      total: 6,
      notDirected: 1,
      inProgressOnTime: 1,
      inProgressOverdue: 1,
      completedOnTime: 1,
      completedLate: 2,
    });
    expect(report.rows.find((r) => r.unitId === f.units.KT)).toMatchObject({
      total: 3,
      inProgressOverdue: 1,
    });
  });

  it("counts only documents that arrived in the range, never another organisation's, never those returned to the sender", async () => {
    const early = await handlingReport(db, leader, { from: "2026-03-01", to: "2026-03-05" });
    expect(early.totals).toMatchObject({ total: 2, inProgressOnTime: 1, inProgressOverdue: 1 });
    const december = await handlingReport(db, leader, { from: "2025-12-01", to: "2025-12-31" });
    expect(december).toMatchObject({ rows: [], totals: none });
    const neighbour = await handlingReport(db, await f.actorOf("chutich.hl"), MARCH);
    expect(neighbour.totals.total).toBe(1);
  });

  it("refuses a specialist, through the service and through tRPC", async () => {
    const specialist = await f.actorOf("chuyenvien.kt");
    await expect(handlingReport(db, specialist, MARCH)).rejects.toMatchObject({
      code: "FORBIDDEN",
    } satisfies Partial<AppError>);
    const caller = createCaller({
      db,
      locale: "vi",
      session: { userId: f.users["chuyenvien.kt"]!, sessionEpoch: 1 },
    });
    expect((await refusal(caller.reports.handling(MARCH))).code).toBe("FORBIDDEN");
    const clerkCaller = createCaller({
      db,
      locale: "vi",
      session: { userId: f.users["vanthu.dc"]!, sessionEpoch: 1 },
    });
    await expect(clerkCaller.reports.handling(MARCH)).resolves.toMatchObject({
      totals: { total: 6 },
    });
  });
});
