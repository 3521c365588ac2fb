import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { calendarFeed } from "@/db/schema/calendar";
import { scheduleSheet } from "@/db/schema/schedule";
import { addDays } from "@/lib/dates";
import { vietnamInstant } from "@/lib/meetings";
import { isoWeekMonday, isoWeekOf } from "@/lib/schedule";
import { createCaller } from "../api/root";
import { createMeeting } from "../meetings/create";
import { applyMeetingAction } from "../meetings/workflow";
import { parseIcalendar } from "../testing/icalendar";
import { documentParticipant } from "@/db/schema/participants";
import { unit } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import {
  createWorkflowWorld,
  plusDays,
  refusedWith,
  type WorkflowWorld,
} from "../testing/incoming-workflow";
import { myCalendar } from "./calendar";
import { feedCalendar } from "./feed-content";
import { describeFeed, renewFeed, revokeFeed, unsafeOpenFeed } from "./feeds";

let world: WorkflowWorld;
beforeAll(async () => {
  world = await createWorkflowWorld();
});

const secretOf = (url: string) => /\/api\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;

describe("a person's calendar", () => {
  it("shows the documents waiting for them on their deadline, overdue ones marked, and nobody else's", async () => {
    const { act, as, users, units } = world;
    const soon = await world.newDocument({ subject: "Kế hoạch tiêm chủng tháng 12" });
    await act("vanthu.dc", soon.id, { action: "present", leaderId: users["chutich.dc"]! });
    await act("chutich.dc", soon.id, {
      action: "direct",
      direction: "Giao phòng Văn hóa - Xã hội.",
      lead: { unitId: units.VHXH!, deadline: plusDays(3) },
      co: [],
      info: [],
    });
    const head = await as("truongphong.vhxh");
    const range = { from: plusDays(-3), to: plusDays(10) };
    const mine = await myCalendar(world.db, head, range);
    const item = mine.find((i) => i.id === `document:${soon.id}`);
    expect(item).toMatchObject({
      kind: "document",
      title: "Kế hoạch tiêm chủng tháng 12",
      allDay: true,
      href: `/documents/${soon.id}`,
    });
    // All day on the deadline in Vietnam: from 00:00 there (17:00 UTC the day before).
    expect(item!.start).toBe(`${plusDays(2)}T17:00:00.000Z`);
    expect(item!.state).toBeUndefined();

    // Outside the range it is not asked for.
    const before = await myCalendar(world.db, head, { from: plusDays(-10), to: plusDays(2) });
    expect(before.some((i) => i.id === item!.id)).toBe(false);

    // Another unit's specialist has nothing of it.
    const other = await myCalendar(world.db, await as("chuyenvien.kt"), range);
    expect(other.some((i) => i.id === item!.id)).toBe(false);

    // Time passes: the deadline is behind, and the item says so.
    await world.db
      .update(documentParticipant)
      .set({ deadline: plusDays(-1) })
      .where(eq(documentParticipant.documentId, soon.id));
    const late = await myCalendar(world.db, head, range);
    expect(late.find((i) => i.id === item!.id)?.state).toBe("overdue");
  });

  it("refuses a range that ends before it starts or is longer than a month view", async () => {
    const person = await world.as("chuyenvien.kt");
    const { calendarRangeInput } = await import("@/lib/schemas/calendar");
    expect(calendarRangeInput.safeParse({ from: "2026-12-10", to: "2026-12-01" }).success).toBe(
      false,
    );
    expect(calendarRangeInput.safeParse({ from: "2026-01-01", to: "2026-12-31" }).success).toBe(
      false,
    );
    expect(calendarRangeInput.safeParse({ from: "2026-02-30", to: "2026-03-01" }).success).toBe(
      false,
    );
    expect(await myCalendar(world.db, person, { from: "2026-12-01", to: "2026-12-31" })).toEqual(
      expect.any(Array),
    );
  });
});

describe("calendar subscription addresses", () => {
  it("opens the owner's calendar until it is renewed; the old address then answers nothing", async () => {
    const person = await world.as("chuyenvien.kt");
    expect(await describeFeed(world.db, person, { scope: "mine" })).toBeNull();
    const first = await renewFeed(world.db, person, { scope: "mine", version: null });
    expect(first.url).toMatch(/^http.*\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const opened = await unsafeOpenFeed(world.db, secretOf(first.url));
    expect(opened?.actor.userId).toBe(person.userId);
    expect(opened?.scope).toBe("mine");
    expect((await describeFeed(world.db, person, { scope: "mine" }))?.lastFetchedAt).not.toBeNull();

    // Only the hash is kept.
    const [row] = await world.db
      .select()
      .from(calendarFeed)
      .where(eq(calendarFeed.userId, person.userId));
    expect(row!.tokenHash.toString("hex")).not.toContain(secretOf(first.url));

    const second = await renewFeed(world.db, person, { scope: "mine", version: first.version });
    expect(second.url).not.toBe(first.url);
    expect(await unsafeOpenFeed(world.db, secretOf(first.url))).toBeNull();
    expect((await unsafeOpenFeed(world.db, secretOf(second.url)))?.actor.userId).toBe(
      person.userId,
    );

    // A renewal from a tab that read the first version is refused, and changes nothing.
    const stale = await refusedWith(
      renewFeed(world.db, person, { scope: "mine", version: first.version }),
    );
    expect(stale.code).toBe("STALE");
    expect(await unsafeOpenFeed(world.db, secretOf(second.url))).not.toBeNull();

    await revokeFeed(world.db, person, { scope: "mine", version: second.version });
    expect(await unsafeOpenFeed(world.db, secretOf(second.url))).toBeNull();
  });

  it("keeps one address per person and calendar when two tabs create it at once", async () => {
    const person = await world.as("chuyenvien.vhxh");
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => renewFeed(world.db, person, { scope: "mine", version: null })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    const rows = await world.db
      .select()
      .from(calendarFeed)
      .where(eq(calendarFeed.userId, person.userId));
    expect(rows).toHaveLength(1);
  });

  it("serves a unit's schedule only inside its organisation, and stops with its owner", async () => {
    const person = await world.as("truongphong.kt");
    const [foreign] = await world.db
      .select({ id: unit.id })
      .from(unit)
      .where(eq(unit.organisationId, world.orgs.hoangliet!));
    const refused = await refusedWith(
      renewFeed(world.db, person, { scope: "schedule", unitId: foreign!.id, version: null }),
    );
    expect(refused.code).toBe("NOT_FOUND");

    const feed = await renewFeed(world.db, person, {
      scope: "schedule",
      unitId: world.units.KT!,
      version: null,
    });
    expect(await unsafeOpenFeed(world.db, secretOf(feed.url))).toMatchObject({
      scope: "schedule",
      unitId: world.units.KT,
    });
    // A deactivated person's addresses all stop at once.
    await world.db.update(appUser).set({ active: false }).where(eq(appUser.id, person.userId));
    expect(await unsafeOpenFeed(world.db, secretOf(feed.url))).toBeNull();
    await world.db.update(appUser).set({ active: true }).where(eq(appUser.id, person.userId));
  });

  it("answers nothing for a secret that is malformed or unknown", async () => {
    expect(await unsafeOpenFeed(world.db, "short")).toBeNull();
    expect(await unsafeOpenFeed(world.db, "../../etc/passwd")).toBeNull();
    expect(await unsafeOpenFeed(world.db, "A".repeat(43))).toBeNull();
  });
});

describe("subscribed calendars, as python3-icalendar reads them", () => {
  function mondayAfter(days: number): string {
    for (let n = days; ; n++) {
      const day = plusDays(n);
      if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1) return day;
    }
  }

  it("gives a person's weekly briefing as one series at 07:30 in Vietnam across a change of month, the cancelled Monday left out, and a secret document's deadline without its subject", async () => {
    const chair = await world.as("chutich.dc");
    const head = await world.as("truongphong.kt");
    const monday = mondayAfter(7);
    const briefing = await createMeeting(world.db, chair, {
      title: "Giao ban đầu tuần",
      agenda: "",
      day: monday,
      startTime: "07:30",
      endTime: "08:30",
      roomId: null,
      locationText: "Phòng họp tầng 2",
      recurrence: { kind: "weekly", days: ["MO"], end: { count: 6 } },
      participantIds: [head.userId],
    });
    const second = addDays(monday, 7);
    await applyMeetingAction(world.db, chair, {
      id: briefing.id,
      version: briefing.version,
      input: {
        action: "cancelOccurrence",
        occurrenceStart: vietnamInstant(second, "07:30").toISOString(),
      },
    });
    const secret = await world.newDocument({
      subject: "Phương án bảo vệ mục tiêu trọng điểm",
      confidentiality: "secret",
    });
    await world.act("vanthu.dc", secret.id, {
      action: "present",
      leaderId: world.users["chutich.dc"]!,
    });
    await world.act("chutich.dc", secret.id, {
      action: "direct",
      direction: "Giao phòng Kinh tế.",
      lead: { unitId: world.units.KT!, deadline: plusDays(5) },
      co: [],
      info: [],
    });

    const { url } = await renewFeed(world.db, head, { scope: "mine", version: null });
    const opened = (await unsafeOpenFeed(world.db, secretOf(url)))!;
    const ics = await feedCalendar(world.db, opened, "https://lienthong.example");
    const cal = parseIcalendar(ics);
    expect(cal.timezones).toEqual(["Asia/Ho_Chi_Minh"]);
    expect(cal.name).toContain(head.fullName);

    const series = cal.events.filter((e) => e.summary === "Giao ban đầu tuần");
    expect(series).toHaveLength(1);
    expect(series[0]!.start).toBe(`${monday}T07:30:00+07:00`);
    expect(series[0]!.tz).toBe("Asia/Ho_Chi_Minh");
    expect(series[0]!.rrule).toContain("FREQ=WEEKLY");
    expect(series[0]!.rrule).toContain("COUNT=6");
    expect(series[0]!.exdates).toEqual([`${second}T07:30:00+07:00`]);
    // Six Mondays always reach into the next month: the rule, not a list, carries them there.
    expect(addDays(monday, 35).slice(0, 7)).not.toBe(monday.slice(0, 7));

    const deadline = cal.events.find((e) => e.uid.startsWith(`document:${secret.id}`));
    expect(deadline?.start).toBe(plusDays(5));
    expect(deadline?.summary).not.toContain("Phương án");
    expect(ics).not.toContain("Phương án bảo vệ");
  });

  it("gives a published leadership schedule's entries at their local times to whoever subscribes to it", async () => {
    const week = isoWeekOf(plusDays(14));
    const firstDay = isoWeekMonday(week);
    const office = createCaller({
      db: world.db,
      locale: "vi",
      session: { userId: world.users["vanthu.dc"]!, sessionEpoch: 1 },
    }).schedule;
    const sheet = await office.createSheet({ unitId: null, ...week });
    await office.addEntry({
      sheetId: sheet.id,
      sheetVersion: sheet.version,
      day: addDays(firstDay, 2),
      startTime: "14:00",
      endTime: "16:30",
      content: "Làm việc với Đoàn kiểm tra của Quận",
      chairUserId: world.users["chutich.dc"]!,
      participantUserIds: [],
      participantUnitIds: [],
      location: "Hội trường UBND phường",
    });
    const versionOf = async () =>
      (await world.db.select().from(scheduleSheet).where(eq(scheduleSheet.id, sheet.id)))[0]!
        .version;
    await office.act({ id: sheet.id, version: await versionOf(), input: { action: "submit" } });
    await createCaller({
      db: world.db,
      locale: "vi",
      session: { userId: world.users["chutich.dc"]!, sessionEpoch: 1 },
    }).schedule.act({ id: sheet.id, version: await versionOf(), input: { action: "publish" } });

    const reader = await world.as("chuyenvien.vhxh");
    const { url } = await renewFeed(world.db, reader, { scope: "schedule", version: null });
    const cal = parseIcalendar(
      await feedCalendar(
        world.db,
        (await unsafeOpenFeed(world.db, secretOf(url)))!,
        "https://lienthong.example",
      ),
    );
    const entry = cal.events.find((e) => e.summary === "Làm việc với Đoàn kiểm tra của Quận");
    expect(entry).toMatchObject({
      start: `${addDays(firstDay, 2)}T14:00:00+07:00`,
      end: `${addDays(firstDay, 2)}T16:30:00+07:00`,
      location: "Hội trường UBND phường",
    });
    expect(cal.name).toContain("Lịch công tác lãnh đạo");
  });
});
