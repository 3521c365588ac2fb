import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { document } from "@/db/schema/documents";
import { organisation } from "@/db/schema/org";
import { registry } from "@/db/schema/registry";
import { vietnamToday } from "@/lib/dates";
import { createCaller } from "@/server/api/root";
import { insertRegisteredDocument } from "@/server/testing/documents";
import {
  createWorkflowWorld,
  plusDays,
  type WorkflowWorld,
} from "@/server/testing/incoming-workflow";
import { translate } from "@/server/i18n/translate";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { rollupReport, type RollupCounts } from "./rollup";

let w: WorkflowWorld;
/** Every document written here, to prove none of their ids or subjects leaves in an answer. */
const written: { id: string; subject: string }[] = [];
let giapBat: string;
let closedEmpty: string;

const Q1 = { from: "2025-01", to: "2025-03" };

const none: RollupCounts = {
  received: 0,
  issued: 0,
  completedOnTime: 0,
  completedLate: 0,
  overdue: 0,
};
const counts = (c: Partial<RollupCounts>): RollupCounts => ({ ...none, ...c });

/** A moment of a day in Vietnam (UTC+7). */
const vietnamTime = (day: string, time = "10:00") => new Date(`${day}T${time}:00+07:00`);

beforeAll(async () => {
  w = await createWorkflowWorld();
  const { db, orgs, users } = w;
  const registries = new Map<string, string>();
  const numbers = new Map<string, number>();

  async function registryOf(organisationId: string, kind: "incoming" | "outgoing") {
    const key = `${organisationId}:${kind}`;
    if (!registries.has(key)) {
      const [row] = await db
        .insert(registry)
        .values({ organisationId, kind, name: `Sổ ${kind} (tổng hợp)`, isDefault: false })
        .returning({ id: registry.id });
      registries.set(key, row!.id);
    }
    return registries.get(key)!;
  }

  /** A document of the organisation, numbered in its registry unless `registered` is false. */
  async function write(
    organisationId: string,
    clerk: string,
    values: Partial<typeof document.$inferInsert>,
    registered = true,
  ) {
    const kind = values.direction === "outgoing" ? "outgoing" : "incoming";
    const registryId = await registryOf(organisationId, kind);
    const number = (numbers.get(registryId) ?? 0) + 1;
    numbers.set(registryId, number);
    const subject = `Rà soát số liệu tổng hợp số ${written.length + 1}`;
    const row = await insertRegisteredDocument(db, {
      organisationId,
      createdById: users[clerk]!,
      subject,
      ...(registered ? { registryId, registryPeriod: "2025", registryNumber: number } : {}),
      ...values,
    });
    written.push({ id: row.id, subject });
  }

  const [merged] = await db
    .insert(organisation)
    .values({
      code: "000.11.28.H26",
      name: "Ủy ban nhân dân phường Giáp Bát",
      shortName: "UBND",
      level: "commune",
      parentId: orgs.hoangmai!,
      status: "merged",
      validFrom: "2020-01-01",
      validTo: "2025-06-30",
      mergedIntoId: orgs.dinhcong!,
    })
    .returning({ id: organisation.id });
  giapBat = merged!.id;
  const [closed] = await db
    .insert(organisation)
    .values({
      code: "000.12.28.H26",
      name: "Ủy ban nhân dân phường Tân Mai",
      shortName: "UBND",
      level: "commune",
      parentId: orgs.hoangmai!,
      status: "closed",
      validFrom: "2020-01-01",
      validTo: "2024-12-31",
    })
    .returning({ id: organisation.id });
  closedEmpty = closed!.id;

  const dc = orgs.dinhcong!;
  // January: one completed before its deadline, one still handled after it.
  await write(dc, "vanthu.dc", {
    arrivalDate: "2025-01-06",
    status: "completed",
    deadline: "2025-01-20",
    completedAt: vietnamTime("2025-01-15"),
  });
  await write(dc, "vanthu.dc", {
    arrivalDate: "2025-01-27",
    status: "in_progress",
    deadline: "2025-01-31",
  });
  // February: completed at 03:00 in Vietnam the day after its deadline (20:00 UTC on the
  // deadline itself), so late; one in progress with time left.
  await write(dc, "vanthu.dc", {
    arrivalDate: "2025-02-03",
    status: "completed",
    deadline: "2025-02-10",
    completedAt: new Date("2025-02-10T20:00:00Z"),
  });
  await write(dc, "vanthu.dc", {
    arrivalDate: "2025-02-28",
    status: "in_progress",
    deadline: plusDays(30),
  });
  // Never counted: secret, returned to its sender, not registered, outside the range, a draft.
  await write(dc, "vanthu.dc", {
    arrivalDate: "2025-02-12",
    status: "in_progress",
    deadline: "2025-02-14",
    confidentiality: "secret",
  });
  await write(dc, "vanthu.dc", { arrivalDate: "2025-02-13", status: "returned_to_sender" });
  await write(dc, "vanthu.dc", { arrivalDate: "2025-02-14", status: "received" }, false);
  await write(dc, "vanthu.dc", { arrivalDate: "2025-04-01" });
  await write(dc, "vanthu.dc", { arrivalDate: "2024-12-31" });
  await write(
    dc,
    "vanthu.dc",
    { direction: "outgoing", status: "draft", documentDate: null },
    false,
  );
  // March: one outgoing document issued (numbered on the day of issue).
  await write(dc, "vanthu.dc", {
    direction: "outgoing",
    status: "issued",
    documentDate: "2025-03-05",
    arrivalDate: null,
  });

  const hl = orgs.hoangliet!;
  await write(hl, "vanthu.hl", { arrivalDate: "2025-02-17", status: "presented" });
  await write(hl, "vanthu.hl", {
    direction: "outgoing",
    status: "issued",
    documentDate: "2025-03-31",
    arrivalDate: null,
  });

  // The merged ward kept its history: completed, no deadline, so on time.
  await write(giapBat, "vanthu.hoangmai", {
    arrivalDate: "2025-02-20",
    status: "completed",
    completedAt: vietnamTime("2025-02-25"),
  });

  // The district itself.
  await write(orgs.hoangmai!, "vanthu.hoangmai", {
    arrivalDate: "2025-01-02",
    status: "completed",
    deadline: "2025-01-10",
    completedAt: vietnamTime("2025-01-10", "23:30"),
  });

  // Another branch of the tree (Nghệ An), in the same months.
  for (const day of ["2025-01-05", "2025-01-06", "2025-02-07"]) {
    await write(orgs.namdan!, "vanthu.namdan", { arrivalDate: day });
  }
});

describe("roll-up of a parent's subtree", () => {
  it("counts the district's own documents and each ward's, by month, as of today", async () => {
    const report = await rollupReport(w.db, await w.as("lanhdao.hoangmai"), Q1);
    expect(report.asOf).toBe(vietnamToday());
    expect(report.months).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(
      report.organisations.map((o) => ({
        name: o.name,
        level: o.level,
        status: o.status,
        own: o.own,
        months: o.months,
      })),
    ).toEqual([
      {
        name: "Ủy ban nhân dân quận Hoàng Mai",
        level: "district",
        status: "active",
        own: true,
        months: [counts({ received: 1, completedOnTime: 1 }), none, none],
      },
      {
        name: "Ủy ban nhân dân phường Định Công",
        level: "commune",
        status: "active",
        own: false,
        months: [
          counts({ received: 2, completedOnTime: 1, overdue: 1 }),
          counts({ received: 2, completedLate: 1 }),
          counts({ issued: 1 }),
        ],
      },
      {
        name: "Ủy ban nhân dân phường Giáp Bát",
        level: "commune",
        status: "merged",
        own: false,
        months: [none, counts({ received: 1, completedOnTime: 1 }), none],
      },
      {
        name: "Ủy ban nhân dân phường Hoàng Liệt",
        level: "commune",
        status: "active",
        own: false,
        months: [none, counts({ received: 1 }), counts({ issued: 1 })],
      },
    ]);
    const dinhCong = report.organisations.find((o) => o.id === w.orgs.dinhcong);
    expect(dinhCong!.totals).toEqual(
      counts({ received: 4, issued: 1, completedOnTime: 1, completedLate: 1, overdue: 1 }),
    );
    expect(report.organisations.find((o) => o.id === giapBat)!.mergedIntoName).toBe(
      "Ủy ban nhân dân phường Định Công",
    );
    expect(report.monthTotals).toEqual([
      counts({ received: 3, completedOnTime: 2, overdue: 1 }),
      counts({ received: 4, completedOnTime: 1, completedLate: 1 }),
      counts({ issued: 2 }),
    ]);
    expect(report.totals).toEqual(
      counts({ received: 7, issued: 2, completedOnTime: 3, completedLate: 1, overdue: 1 }),
    );
  });

  it("leaves out a closed organisation with nothing in the range, and every other branch", async () => {
    const report = await rollupReport(w.db, await w.as("vanthu.hoangmai"), Q1);
    const ids = report.organisations.map((o) => o.id);
    expect(ids).not.toContain(closedEmpty);
    expect(ids).not.toContain(w.orgs.namdan);
    expect(ids).not.toContain(w.orgs.hanoi);
    const neighbour = await rollupReport(w.db, await w.as("vanthu.namdan"), Q1);
    expect(neighbour.organisations.map((o) => o.id)).toEqual([w.orgs.namdan]);
    expect(neighbour.totals).toEqual(counts({ received: 3 }));
  });

  it("shows a ward only itself, never its parent or its sibling", async () => {
    const dc = await rollupReport(w.db, await w.as("chutich.dc"), Q1);
    expect(dc.organisations.map((o) => [o.id, o.own])).toEqual([[w.orgs.dinhcong, true]]);
    expect(dc.totals).toEqual(
      counts({ received: 4, issued: 1, completedOnTime: 1, completedLate: 1, overdue: 1 }),
    );
    const hl = await rollupReport(w.db, await w.as("vanthu.hl"), Q1);
    expect(hl.organisations.map((o) => o.id)).toEqual([w.orgs.hoangliet]);
    expect(hl.monthTotals).toEqual([none, counts({ received: 1 }), counts({ issued: 1 })]);
  });

  it("shows the whole tree to the city and one level when asked", async () => {
    const city = await rollupReport(w.db, await w.as("lanhdao.hanoi"), Q1);
    expect(city.organisations.map((o) => o.level)).toEqual([
      "province",
      "district",
      "commune",
      "commune",
      "commune",
    ]);
    expect(city.totals.received).toBe(7);
    const wards = await rollupReport(w.db, await w.as("lanhdao.hoangmai"), {
      ...Q1,
      level: "commune",
    });
    expect(wards.organisations.map((o) => o.id)).toEqual([
      w.orgs.dinhcong,
      giapBat,
      w.orgs.hoangliet,
    ]);
    expect(wards.totals).toEqual(
      counts({ received: 6, issued: 2, completedOnTime: 2, completedLate: 1, overdue: 1 }),
    );
    const provinces = await rollupReport(w.db, await w.as("lanhdao.hoangmai"), {
      ...Q1,
      level: "province",
    });
    expect(provinces).toMatchObject({ organisations: [], totals: none });
  });

  it("counts a month with nothing as zeros, and sends no document's id, subject or number", async () => {
    const caller = createCaller({
      db: w.db,
      locale: "vi",
      session: { userId: w.users["lanhdao.hoangmai"]!, sessionEpoch: 1 },
    });
    const report = await caller.reports.rollup({ from: "2024-11", to: "2025-04" });
    expect(report.months).toHaveLength(6);
    expect(report.monthTotals[0]).toEqual(none);
    expect(report.monthTotals[1]).toEqual(counts({ received: 1 }));
    expect(report.monthTotals[5]).toEqual(counts({ received: 1 }));
    const answer = JSON.stringify(report);
    for (const doc of written) {
      expect(answer).not.toContain(doc.id);
      expect(answer).not.toContain(doc.subject);
    }
    expect(answer).not.toContain("UBND-LĐTBXH");
    const keys = new Set(report.organisations.flatMap((o) => Object.keys(o)));
    expect([...keys].sort()).toEqual(
      [
        "code",
        "id",
        "level",
        "mergedIntoName",
        "months",
        "name",
        "own",
        "parentId",
        "status",
        "totals",
        "validTo",
      ].sort(),
    );
  });

  it("refuses people without the report permission", async () => {
    await expect(rollupReport(w.db, await w.as("chuyenvien.kt"), Q1)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const caller = createCaller({
      db: w.db,
      locale: "vi",
      session: { userId: w.users["chuyenvien.kt"]!, sessionEpoch: 1 },
    });
    expect((await refusal(caller.reports.rollup(Q1))).code).toBe("FORBIDDEN");
  });

  it("refuses a range backwards, too long or of impossible months, with the reason and no figures", async () => {
    const caller = createCaller({
      db: w.db,
      locale: "en",
      session: { userId: w.users["lanhdao.hoangmai"]!, sessionEpoch: 1 },
    });
    const refused = async (input: { from: string; to: string }) => {
      const error = await refusal(caller.reports.rollup(input));
      // Refused by the input's rules, before any query ran.
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toBeInstanceOf(ZodError);
      return fieldKeys(error);
    };
    expect(await refused({ from: "2025-03", to: "2025-01" })).toEqual({
      to: ["rollup.errors.rangeOrder"],
    });
    expect(await refused({ from: "2022-12", to: "2025-12" })).toEqual({
      to: ["rollup.errors.rangeTooLong"],
    });
    expect(await refused({ from: "2025-13", to: "2025-12" })).toEqual({
      from: ["validation.monthNotReal"],
    });
    expect(await refused({ from: "2025-00", to: "2025-01" })).toEqual({
      from: ["validation.monthNotReal"],
    });
    expect(await refused({ from: "2025-1", to: "2025-02-01" })).toEqual({
      from: ["validation.monthFormat"],
      to: ["validation.monthFormat"],
    });
    expect(await refused({ from: "1899-12", to: "1900-01" })).toEqual({
      from: ["validation.dateYearRange"],
    });
    // Thirty-six months is the most, and allowed: Q1, December 2024 and April 2025.
    await expect(caller.reports.rollup({ from: "2023-01", to: "2025-12" })).resolves.toMatchObject({
      totals: { received: 9 },
    });
    for (const key of [
      "rollup.errors.rangeOrder",
      "rollup.errors.rangeTooLong",
      "validation.monthNotReal",
      "validation.monthFormat",
    ]) {
      for (const locale of ["vi", "en"] as const) expect(translate(locale, key)).not.toBe(key);
    }
  });
});
