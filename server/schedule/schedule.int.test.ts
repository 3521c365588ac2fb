import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import { notification } from "@/db/schema/notify";
import { scheduleChange, scheduleEntry, scheduleSheet } from "@/db/schema/schedule";
import { isoWeekMonday } from "@/lib/schedule";
import { addDays } from "@/lib/dates";
import { createCaller } from "@/server/api/root";
import { verifyAuditChain } from "@/server/audit/verify";
import {
  createWorkflowWorld,
  refusedWith,
  type WorkflowWorld,
} from "@/server/testing/incoming-workflow";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { publishedSheetItems, scheduleItemsFor, todayScheduleFor } from "./items";

let world: WorkflowWorld;
// Weeks of 2030, far from the demo weeks, one per scenario.
const WEEK = (week: number) => ({ year: 2030, week });
const monday = (week: number) => isoWeekMonday(WEEK(week));

beforeAll(async () => {
  world = await createWorkflowWorld();
});

afterAll(async () => {
  await world.pool.end();
});

const as = (username: string) =>
  createCaller({
    db: world.db,
    locale: "vi",
    session: { userId: world.users[username]!, sessionEpoch: 1 },
  }).schedule;

async function versionOf(sheetId: string) {
  const [row] = await world.db
    .select({ version: scheduleSheet.version, status: scheduleSheet.status })
    .from(scheduleSheet)
    .where(eq(scheduleSheet.id, sheetId));
  return row!;
}

/** A leadership sheet of the week with one entry chaired by the chairman, KT taking part. */
async function draftWithEntry(week: number) {
  const clerk = as("vanthu.dc");
  const sheet = await clerk.createSheet({ unitId: null, ...WEEK(week) });
  const entry = await clerk.addEntry({
    sheetId: sheet.id,
    sheetVersion: sheet.version,
    day: monday(week),
    startTime: "07:30",
    endTime: "09:00",
    content: "Giao ban đầu tuần",
    chairUserId: world.users["chutich.dc"]!,
    participantUserIds: [world.users["phochutich.dc"]!],
    participantUnitIds: [world.units["KT"]!],
    location: "Phòng họp tầng 2",
  });
  return { sheetId: sheet.id, entryId: entry.id };
}

async function publish(sheetId: string) {
  await as("vanthu.dc").act({
    id: sheetId,
    version: (await versionOf(sheetId)).version,
    input: { action: "submit" },
  });
  await as("chutich.dc").act({
    id: sheetId,
    version: (await versionOf(sheetId)).version,
    input: { action: "publish" },
  });
}

async function stateOf(sheetId: string) {
  const entries = await world.db
    .select()
    .from(scheduleEntry)
    .where(eq(scheduleEntry.sheetId, sheetId))
    .orderBy(scheduleEntry.id);
  const [events] = await world.db
    .select({ n: count() })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, world.orgs.dinhcong!));
  return { sheet: await versionOf(sheetId), entries, events: events!.n };
}

describe("the weekly schedule's workflow", () => {
  it("goes from the office's draft through the leader's return and approval to all staff", async () => {
    const { sheetId } = await draftWithEntry(10);
    // A specialist sees that a sheet is being prepared, not its content.
    const early = await as("chuyenvien.kt").week({ unitId: null, ...WEEK(10) });
    expect(early.sheet).toBeNull();
    expect(early.inPreparation).toBe(true);

    await as("vanthu.dc").act({
      id: sheetId,
      version: (await versionOf(sheetId)).version,
      input: { action: "submit" },
    });
    // Submitted: the office cannot change it, nor may it publish it itself.
    const locked = await refusal(
      as("vanthu.dc").addEntry({
        sheetId,
        sheetVersion: (await versionOf(sheetId)).version,
        day: monday(10),
        startTime: "14:00",
        content: "Tiếp công dân",
      }),
    );
    expect(locked.code).toBe("CONFLICT");
    const notLeader = await refusal(
      as("vanthu.dc").act({
        id: sheetId,
        version: (await versionOf(sheetId)).version,
        input: { action: "publish" },
      }),
    );
    expect(notLeader.code).toBe("FORBIDDEN");

    await as("chutich.dc").act({
      id: sheetId,
      version: (await versionOf(sheetId)).version,
      input: { action: "return", reason: "Bổ sung lịch tiếp công dân chiều thứ Hai" },
    });
    const returned = await as("vanthu.dc").week({ unitId: null, ...WEEK(10) });
    expect(returned.sheet?.status).toBe("draft");
    expect(returned.sheet?.returnReason).toBe("Bổ sung lịch tiếp công dân chiều thứ Hai");
    const [bell] = await world.db
      .select({ key: notification.messageKey })
      .from(notification)
      .where(
        and(eq(notification.userId, world.users["vanthu.dc"]!), eq(notification.kind, "schedule")),
      );
    expect(bell?.key).toBe("scheduleReturned");

    await publish(sheetId);
    const seen = await as("chuyenvien.kt").week({ unitId: null, ...WEEK(10) });
    expect(seen.sheet?.status).toBe("published");
    expect(seen.sheet?.entries.map((e) => e.content)).toEqual(["Giao ban đầu tuần"]);
    expect(seen.canDraft).toBe(false);

    // Publishing twice: the second finds it published already.
    const again = await refusal(
      as("chutich.dc").act({
        id: sheetId,
        version: (await versionOf(sheetId)).version,
        input: { action: "publish" },
      }),
    );
    expect(again.code).toBe("CONFLICT");
    const actions = await world.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityType, "scheduleSheet"), eq(auditEvent.entityId, sheetId)))
      .orderBy(auditEvent.seq);
    expect(actions.map((a) => a.action)).toEqual([
      "schedule.created",
      "schedule.entryAdded",
      "schedule.submitted",
      "schedule.returned",
      "schedule.submitted",
      "schedule.published",
    ]);
    expect((await verifyAuditChain(world.db, world.orgs.dinhcong!)).ok).toBe(true);
  });

  it("lets a unit head draft their unit's sheet only, and no specialist draft at all", async () => {
    const leadership = await refusal(
      as("truongphong.kt").createSheet({ unitId: null, ...WEEK(11) }),
    );
    expect(leadership.code).toBe("FORBIDDEN");
    const otherUnit = await refusal(
      as("truongphong.kt").createSheet({ unitId: world.units["VHXH"]!, ...WEEK(11) }),
    );
    expect(otherUnit.code).toBe("FORBIDDEN");
    const specialist = await refusal(
      as("chuyenvien.kt").createSheet({ unitId: world.units["KT"]!, ...WEEK(11) }),
    );
    expect(specialist.code).toBe("FORBIDDEN");
    const own = await as("truongphong.kt").createSheet({ unitId: world.units["KT"]!, ...WEEK(11) });
    const view = await as("truongphong.kt").week({ unitId: world.units["KT"]!, ...WEEK(11) });
    expect(view.sheet?.id).toBe(own.id);
    expect(view.canDraft).toBe(true);
  });

  it("refuses to submit an empty sheet, and refuses stale versions", async () => {
    const sheet = await as("vanthu.dc").createSheet({ unitId: null, ...WEEK(12) });
    const empty = await refusal(
      as("vanthu.dc").act({ id: sheet.id, version: sheet.version, input: { action: "submit" } }),
    );
    expect(empty.code).toBe("CONFLICT");
    expect(empty.cause).toMatchObject({ messageKey: "schedule.errors.emptySheet" });

    const added = await as("vanthu.dc").addEntry({
      sheetId: sheet.id,
      sheetVersion: sheet.version,
      day: monday(12),
      startTime: "08:00",
      content: "Họp chi bộ",
    });
    // The same add sent twice (a double click): the second holds the old version.
    const twice = await refusal(
      as("vanthu.dc").addEntry({
        sheetId: sheet.id,
        sheetVersion: sheet.version,
        day: monday(12),
        startTime: "08:00",
        content: "Họp chi bộ",
      }),
    );
    expect(twice.cause).toMatchObject({ code: "STALE" });
    const staleSubmit = await refusal(
      as("vanthu.dc").act({ id: sheet.id, version: sheet.version, input: { action: "submit" } }),
    );
    expect(staleSubmit.cause).toMatchObject({ code: "STALE" });
    const staleEdit = await refusal(
      as("vanthu.dc").updateEntry({
        id: added.id,
        version: 7,
        day: monday(12),
        startTime: "09:00",
        content: "Họp chi bộ",
      }),
    );
    expect(staleEdit.cause).toMatchObject({ code: "STALE" });
    const entries = await world.db
      .select()
      .from(scheduleEntry)
      .where(eq(scheduleEntry.sheetId, sheet.id));
    expect(entries).toHaveLength(1);
    expect((await versionOf(sheet.id)).status).toBe("draft");
  });

  it("leaves one sheet when the same week is opened at once", async () => {
    const results = await Promise.all(
      ["vanthu.dc", "vanthu.dc", "quantri.dc", "vanthu.dc", "quantri.dc"].map((u) =>
        as(u).createSheet({ unitId: null, ...WEEK(13) }),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const [rows] = await world.db
      .select({ n: count() })
      .from(scheduleSheet)
      .where(
        and(
          eq(scheduleSheet.organisationId, world.orgs.dinhcong!),
          eq(scheduleSheet.year, 2030),
          eq(scheduleSheet.week, 13),
        ),
      );
    expect(rows!.n).toBe(1);
  });
});

describe("a change after publication", () => {
  it("is recorded field by field, shown marked, and told to the chair and participants", async () => {
    const { sheetId, entryId } = await draftWithEntry(20);
    await publish(sheetId);
    const before = await world.db.select({ id: notification.id }).from(notification);
    const [entry] = await world.db
      .select()
      .from(scheduleEntry)
      .where(eq(scheduleEntry.id, entryId));
    await as("vanthu.dc").updateEntry({
      id: entryId,
      version: entry!.version,
      day: monday(20),
      startTime: "08:00",
      endTime: "09:30",
      content: "Giao ban đầu tuần",
      chairUserId: world.users["chutich.dc"]!,
      participantUserIds: [world.users["phochutich.dc"]!],
      participantUnitIds: [world.units["KT"]!],
      location: "Hội trường UBND phường",
    });
    const [change] = await world.db
      .select()
      .from(scheduleChange)
      .where(eq(scheduleChange.entryId, entryId));
    expect(change?.kind).toBe("edited");
    expect(change?.changedById).toBe(world.users["vanthu.dc"]);
    expect(change?.fields).toEqual({
      startTime: { from: "07:30", to: "08:00" },
      endTime: { from: "09:00", to: "09:30" },
      location: { from: "Phòng họp tầng 2", to: "Hội trường UBND phường" },
    });

    const told = await world.db
      .select({
        userId: notification.userId,
        key: notification.messageKey,
        params: notification.params,
      })
      .from(notification)
      .where(eq(notification.kind, "schedule"));
    const newOnes = told.filter((n) => n.key === "scheduleEntryChanged");
    const people = new Set(newOnes.map((n) => n.userId));
    // The chair, the named participant and every member of the Economics unit.
    for (const u of ["chutich.dc", "phochutich.dc", "truongphong.kt", "chuyenvien.kt"]) {
      expect(people.has(world.users[u]!), u).toBe(true);
    }
    expect(people.has(world.users["vanthu.dc"]!)).toBe(false);
    expect(people.has(world.users["chuyenvien.vhxh"]!)).toBe(false);
    expect(newOnes[0]?.params).toMatchObject({ content: "Giao ban đầu tuần", time: "08:00" });
    expect(before.length).toBeLessThan(told.length + before.length);

    const seen = await as("chuyenvien.vhxh").week({ unitId: null, ...WEEK(20) });
    const shown = seen.sheet!.entries[0]!;
    expect(shown.change?.kind).toBe("edited");
    expect(shown.change?.fields.location).toEqual({
      from: "Phòng họp tầng 2",
      to: "Hội trường UBND phường",
    });

    // Cancelled: kept on the sheet, marked, and told again.
    await as("vanthu.dc").removeEntry({ id: entryId, version: entry!.version + 1 });
    const after = await as("chuyenvien.vhxh").week({ unitId: null, ...WEEK(20) });
    expect(after.sheet!.entries[0]!.cancelled).toBe(true);
    expect(after.sheet!.entries[0]!.change?.kind).toBe("cancelled");
    const cancelledNotes = await world.db
      .select({ userId: notification.userId })
      .from(notification)
      .where(eq(notification.messageKey, "scheduleEntryCancelled"));
    expect(cancelledNotes.map((n) => n.userId)).toContain(world.users["chutich.dc"]);
    // A cancelled entry cannot be edited again.
    const again = await refusal(
      as("vanthu.dc").updateEntry({
        id: entryId,
        version: entry!.version + 2,
        day: monday(20),
        startTime: "08:00",
        content: "X",
      }),
    );
    expect(again.code).toBe("CONFLICT");

    // An entry added after publication is marked as added.
    await as("vanthu.dc").addEntry({
      sheetId,
      sheetVersion: (await versionOf(sheetId)).version,
      day: addDays(monday(20), 2),
      startTime: "14:00",
      content: "Kiểm tra công trình trường mầm non",
      chairUserId: world.users["phochutich.dc"]!,
    });
    const last = await as("chuyenvien.kt").week({ unitId: null, ...WEEK(20) });
    expect(last.sheet!.entries.map((e) => e.change?.kind)).toEqual(["cancelled", "added"]);
  });
});

describe("another organisation", () => {
  it("cannot read, act on or change a sheet of Phường Định Công", async () => {
    const { sheetId, entryId } = await draftWithEntry(30);
    await publish(sheetId);
    const before = await stateOf(sheetId);
    const read = await refusal(as("chutich.hl").week({ unitId: world.units["KT"]!, ...WEEK(30) }));
    expect(read.code).toBe("NOT_FOUND");
    // Their own leadership week of the same number shows nothing of Định Công's.
    const own = await as("chutich.hl").week({ unitId: null, ...WEEK(30) });
    expect(own.sheet).toBeNull();
    expect(own.inPreparation).toBe(false);
    const act = await refusal(
      as("vanthu.hl").act({
        id: sheetId,
        version: before.sheet.version,
        input: { action: "submit" },
      }),
    );
    expect(act.code).toBe("NOT_FOUND");
    const edit = await refusal(
      as("vanthu.hl").updateEntry({
        id: entryId,
        version: 1,
        day: monday(30),
        startTime: "08:00",
        content: "Chiếm quyền",
      }),
    );
    expect(edit.code).toBe("NOT_FOUND");
    const items = await publishedSheetItems(world.db, await world.as("chutich.hl"), sheetId).catch(
      (e: unknown) => e,
    );
    expect(items).toMatchObject({ code: "NOT_FOUND" });
    expect(await stateOf(sheetId)).toEqual(before);
  });
});

describe("bad input", () => {
  it("is refused on its field with a clear message, and changes nothing", async () => {
    const sheet = await as("vanthu.dc").createSheet({ unitId: null, ...WEEK(40) });
    const base = {
      sheetId: sheet.id,
      sheetVersion: sheet.version,
      day: monday(40),
      startTime: "08:00",
      content: "Họp",
    };
    const before = await stateOf(sheet.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ endTime: "07:00" }, "endTime", "schedule.errors.endBeforeStart"],
      [{ day: addDays(monday(40), 7) }, "day", "schedule.errors.dayOutsideWeek"],
      [{ day: "2030-02-30" }, "day", "validation.dateNotReal"],
      [{ startTime: "25:00" }, "startTime", "schedule.errors.timeNotReal"],
      [{ startTime: "8h" }, "startTime", "schedule.errors.timeFormat"],
      [{ content: "Họp\u0007 giao ban" }, "content", "validation.controlCharacters"],
      [
        { participantUserIds: ["6f1c1f7e-1d3a-4b7e-9a51-8d2c9a0c1e11"] },
        "participantUserIds",
        "schedule.errors.unknownPerson",
      ],
      [
        { participantUserIds: [world.users["chutich.hl"]!] },
        "participantUserIds",
        "schedule.errors.unknownPerson",
      ],
      [{ chairUserId: world.users["vanthu.hl"]! }, "chairUserId", "schedule.errors.unknownPerson"],
      [
        { chairUserId: world.users["chutich.dc"]!, chairText: "Chủ tịch" },
        "chairText",
        "schedule.errors.chairOneOnly",
      ],
    ];
    for (const [change, field, key] of cases) {
      const error = await refusal(as("vanthu.dc").addEntry({ ...base, ...change } as never));
      expect(error.code, JSON.stringify(change)).toMatch(/BAD_REQUEST|VALIDATION/);
      expect(fieldKeys(error)[field], JSON.stringify(change)).toContain(key);
    }
    const week = await refusal(as("vanthu.dc").week({ unitId: null, year: 2030, week: 53 }));
    expect(fieldKeys(week).week).toContain("schedule.errors.weekNotReal");
    expect(await stateOf(sheet.id)).toEqual(before);
  });
});

describe("the published schedule elsewhere", () => {
  it("puts on a person's calendar the entries they chair or take part in, by name or unit", async () => {
    const { sheetId } = await draftWithEntry(45);
    const draft = await draftWithEntry(46); // never published
    await publish(sheetId);
    const range = {
      from: new Date(`${monday(45)}T00:00:00+07:00`),
      to: new Date(`${addDays(monday(46), 7)}T00:00:00+07:00`),
    };
    const mine = async (u: string) => scheduleItemsFor(world.db, await world.as(u), range);
    const chair = await mine("chutich.dc");
    expect(chair).toHaveLength(1);
    expect(chair[0]).toMatchObject({
      kind: "schedule",
      title: "Giao ban đầu tuần",
      start: new Date(`${monday(45)}T07:30:00+07:00`).toISOString(),
      end: new Date(`${monday(45)}T09:00:00+07:00`).toISOString(),
      location: "Phòng họp tầng 2",
      href: "/schedule?year=2030&week=45",
    });
    expect(await mine("chuyenvien.kt")).toHaveLength(1); // through the Economics unit
    expect(await mine("chuyenvien.vhxh")).toHaveLength(0);
    expect(draft.sheetId).toBeTruthy();

    const today = await todayScheduleFor(world.db, await world.as("chuyenvien.vhxh"), monday(45));
    expect(today.map((e) => e.content)).toEqual(["Giao ban đầu tuần"]);
    expect(await todayScheduleFor(world.db, await world.as("chuyenvien.vhxh"), monday(46))).toEqual(
      [],
    );

    const feed = await publishedSheetItems(world.db, await world.as("chuyenvien.vhxh"), sheetId);
    expect(feed.items.map((i) => i.title)).toEqual(["Giao ban đầu tuần"]);
    const unpublished = await refusedWith(
      publishedSheetItems(world.db, await world.as("chutich.dc"), draft.sheetId),
    );
    expect(unpublished.code).toBe("NOT_FOUND");
  });
});
