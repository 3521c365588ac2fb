import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleEntry } from "@/db/schema/schedule";
import { addDays } from "@/lib/dates";
import { isoWeekMonday, isoWeekOf, scheduleHref } from "@/lib/schedule";
import { notification } from "@/db/schema/notify";
import { createCaller } from "@/server/api/root";
import { meeting } from "@/db/schema/meetings";
import { createMeeting } from "@/server/meetings/create";
import { applyMeetingAction } from "@/server/meetings/workflow";
import {
  createWorkflowWorld,
  plusDays,
  type WorkflowWorld,
} from "@/server/testing/incoming-workflow";
import { fieldKeys, refusal } from "@/server/testing/trpc";

let world: WorkflowWorld;

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

/** The leadership sheet of the week holding `day`, opened by the office. */
async function sheetOf(day: string) {
  return as("vanthu.dc").createSheet({ unitId: null, ...isoWeekOf(day) });
}

async function entriesFrom(column: "sourceDocumentId" | "sourceMeetingId", id: string) {
  const [row] = await world.db
    .select({ n: count() })
    .from(scheduleEntry)
    .where(eq(scheduleEntry[column], id));
  return row!.n;
}

/** The bells of one kind a person has, with what they say. */
async function bells(username: string, messageKey: string) {
  const rows = await world.db
    .select({ params: notification.params })
    .from(notification)
    .where(
      and(eq(notification.userId, world.users[username]!), eq(notification.messageKey, messageKey)),
    );
  return rows.map(({ params }) => {
    const { week, more, content, href } = params as Record<string, string>;
    return { week, more, content, href };
  });
}

describe("an entry made from a meeting", () => {
  it("takes the occurrence's day, time, title, room, chair and invitees, and links back", async () => {
    const monday = isoWeekMonday(isoWeekOf(plusDays(21)));
    const chair = await world.as("chutich.dc");
    const briefing = await createMeeting(world.db, chair, {
      title: "Giao ban lãnh đạo",
      agenda: "",
      day: monday,
      startTime: "07:30",
      endTime: "08:30",
      roomId: null,
      locationText: "Phòng họp tầng 2",
      recurrence: { kind: "weekly", end: { count: 3 } },
      participantIds: [world.users["phochutich.dc"]!, world.users["truongphong.kt"]!],
    });
    // The second Monday of the series, by the start the series gives it.
    const second = addDays(monday, 7);
    const source = {
      kind: "meeting" as const,
      id: briefing.id,
      occurrenceStart: new Date(`${second}T00:30:00Z`).toISOString(),
    };
    const prefill = await as("vanthu.dc").prefill({ source });
    expect(prefill.week).toEqual(isoWeekOf(second));
    expect(prefill.values).toMatchObject({
      day: second,
      startTime: "07:30",
      endTime: "08:30",
      content: "Giao ban lãnh đạo",
      chairUserId: world.users["chutich.dc"],
      location: "Phòng họp tầng 2",
    });
    expect(prefill.values.participantUserIds.sort()).toEqual(
      [world.users["phochutich.dc"]!, world.users["truongphong.kt"]!].sort(),
    );

    const sheet = await sheetOf(second);
    const added = await as("vanthu.dc").addEntry({
      sheetId: sheet.id,
      sheetVersion: sheet.version,
      ...prefill.values,
      source,
    });
    const week = await as("vanthu.dc").week({ unitId: null, ...isoWeekOf(second) });
    expect(week.sheet?.entries.find((e) => e.id === added.id)).toMatchObject({
      source: {
        kind: "meeting",
        href: `/meetings/${briefing.id}`,
        occurrenceStart: source.occurrenceStart,
      },
      drift: null,
    });

    // A second click, or a second clerk, finds it already there.
    const twice = await refusal(
      as("vanthu.dc").addEntry({
        sheetId: sheet.id,
        sheetVersion: added.sheetVersion,
        ...prefill.values,
        source,
      }),
    );
    expect(twice.code).toBe("CONFLICT");
    expect(twice.cause).toMatchObject({
      messageKey: "schedule.errors.sourceAlreadyScheduled",
      params: { day: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/), time: "07:30" },
    });
    expect(await entriesFrom("sourceMeetingId", briefing.id)).toBe(1);

    // The meeting moves that Monday to the Tuesday afternoon: the drafter is shown where it went.
    const [current] = await world.db
      .select({ version: meeting.version })
      .from(meeting)
      .where(eq(meeting.id, briefing.id));
    await applyMeetingAction(world.db, chair, {
      id: briefing.id,
      version: current!.version,
      input: {
        action: "moveOccurrence",
        occurrenceStart: source.occurrenceStart,
        day: addDays(second, 1),
        startTime: "14:00",
        endTime: "15:00",
        roomId: null,
        locationText: null,
        title: null,
      },
    });
    const moved = await as("vanthu.dc").week({ unitId: null, ...isoWeekOf(second) });
    expect(moved.sheet?.entries.find((e) => e.id === added.id)?.drift).toEqual({
      cancelled: false,
      day: addDays(second, 1),
      startTime: "14:00",
      endTime: "15:00",
      location: "Phòng họp tầng 2",
    });
    // The office's clerks are told, with a link to the week.
    const href = scheduleHref(isoWeekOf(second));
    expect(await bells("vanthu.dc", "scheduleSourceMoved")).toEqual([
      { week: String(isoWeekOf(second).week), content: "Giao ban lãnh đạo", href },
    ]);
    // Another occurrence, on no sheet, called off: nobody is told.
    await applyMeetingAction(world.db, chair, {
      id: briefing.id,
      version: current!.version + 1,
      input: {
        action: "cancelOccurrence",
        occurrenceStart: new Date(`${addDays(second, 7)}T00:30:00Z`).toISOString(),
      },
    });
    expect(await bells("vanthu.dc", "scheduleSourceCancelled")).toEqual([]);
    // The first Monday goes on its own week's sheet too.
    const first = { ...source, occurrenceStart: new Date(`${monday}T00:30:00Z`).toISOString() };
    const firstSheet = await sheetOf(monday);
    await as("vanthu.dc").addEntry({
      sheetId: firstSheet.id,
      sheetVersion: firstSheet.version,
      ...(await as("vanthu.dc").prefill({ source: first })).values,
      source: first,
    });
    // Called off, it says so on each sheet, and in one bell for both weeks, linking the first.
    await applyMeetingAction(world.db, chair, {
      id: briefing.id,
      version: current!.version + 2,
      input: { action: "cancel", reason: null },
    });
    const called = await as("vanthu.dc").week({ unitId: null, ...isoWeekOf(second) });
    expect(called.sheet?.entries.find((e) => e.id === added.id)?.drift).toEqual({
      cancelled: true,
    });
    expect(await bells("vanthu.dc", "scheduleSourceCancelled")).toEqual([]);
    expect(await bells("vanthu.dc", "scheduleSourceCancelledWeeks")).toEqual([
      {
        week: String(isoWeekOf(monday).week),
        more: "1",
        content: "Giao ban lãnh đạo",
        href: scheduleHref(isoWeekOf(monday)),
      },
    ]);
    // The specialist, who drafts no sheet, hears nothing of it.
    expect(await bells("chuyenvien.kt", "scheduleSourceCancelledWeeks")).toEqual([]);

    // An occurrence the series does not give is refused on its field.
    const unknown = await refusal(
      as("vanthu.dc").prefill({
        source: { ...source, occurrenceStart: new Date(`${second}T01:00:00Z`).toISOString() },
      }),
    );
    expect(fieldKeys(unknown)).toEqual({ source: ["schedule.errors.sourceOccurrenceUnknown"] });
  });
});

describe("an entry made from an invitation", () => {
  it("takes the subject, the leader it was presented to and its handlers, and cites the document", async () => {
    const doc = await world.newDocument({
      documentType: "giay_moi",
      codeNumber: "125",
      codeNotation: "GM-UBND",
      documentDate: plusDays(-1),
      issuerName: "UBND Quận Hoàng Mai",
      subject: "Dự Hội nghị triển khai công tác chuyển đổi số năm 2027",
      deadline: plusDays(9),
      presentedToId: world.users["chutich.dc"]!,
    });
    const source = { kind: "document" as const, id: doc.id };
    const prefill = await as("vanthu.dc").prefill({ source });
    expect(prefill.values).toMatchObject({
      day: plusDays(9),
      content: "Dự Hội nghị triển khai công tác chuyển đổi số năm 2027",
      chairUserId: world.users["chutich.dc"],
    });
    expect(prefill.values.notes).toContain("Theo Giấy mời số 125/GM-UBND");
    expect(prefill.values.notes).toContain("của UBND Quận Hoàng Mai");

    const sheet = await sheetOf(prefill.values.day);
    await as("vanthu.dc").addEntry({
      sheetId: sheet.id,
      sheetVersion: sheet.version,
      ...prefill.values,
      startTime: "14:00",
      source,
    });
    const [entry] = await world.db
      .select()
      .from(scheduleEntry)
      .where(and(eq(scheduleEntry.sheetId, sheet.id), eq(scheduleEntry.sourceDocumentId, doc.id)));
    expect(entry).toMatchObject({ session: "afternoon", startTime: "14:00:00" });
  });

  it("of another organisation, or without the right to draft, is refused and adds nothing", async () => {
    const doc = await world.newDocument({ subject: "Giấy mời dự họp" });
    const source = { kind: "document" as const, id: doc.id };
    // Another ward's clerk drafts their own schedule, but the document is not theirs.
    const other = await refusal(as("vanthu.hl").prefill({ source }));
    expect(other.code).toBe("NOT_FOUND");
    const theirs = await as("vanthu.hl").createSheet({ unitId: null, ...isoWeekOf(plusDays(30)) });
    const added = await refusal(
      as("vanthu.hl").addEntry({
        sheetId: theirs.id,
        sheetVersion: theirs.version,
        day: isoWeekMonday(isoWeekOf(plusDays(30))),
        startTime: "08:00",
        content: "Dự họp",
        source,
      }),
    );
    expect(added.code).toBe("NOT_FOUND");
    // A specialist does not draft the schedule.
    expect((await refusal(as("chuyenvien.kt").prefill({ source }))).code).toBe("FORBIDDEN");
    expect(await entriesFrom("sourceDocumentId", doc.id)).toBe(0);
  });
});
