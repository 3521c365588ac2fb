import { describe, expect, it } from "vitest";
import {
  isoWeekMonday,
  isoWeekOf,
  isRealIsoWeek,
  sessionOfTime,
  shiftWeek,
  weekDays,
} from "./schedule";

describe("ISO weeks of the schedule", () => {
  it("numbers weeks as the calendar on the office wall does", () => {
    expect(isoWeekOf("2026-12-07")).toEqual({ year: 2026, week: 50 });
    // 1 January 2027 is a Friday: it belongs to the last week of 2026, which has 53.
    expect(isoWeekOf("2027-01-01")).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf("2021-01-03")).toEqual({ year: 2020, week: 53 });
    expect(isoWeekMonday({ year: 2026, week: 1 })).toBe("2025-12-29");
    expect(isoWeekMonday({ year: 2026, week: 50 })).toBe("2026-12-07");
  });

  it("knows which years have a week 53", () => {
    expect(isRealIsoWeek({ year: 2026, week: 53 })).toBe(true);
    expect(isRealIsoWeek({ year: 2030, week: 53 })).toBe(false);
    expect(isRealIsoWeek({ year: 2026, week: 0 })).toBe(false);
  });

  it("moves across the turn of the year and lists Monday to Sunday", () => {
    expect(shiftWeek({ year: 2026, week: 53 }, 1)).toEqual({ year: 2027, week: 1 });
    expect(shiftWeek({ year: 2027, week: 1 }, -1)).toEqual({ year: 2026, week: 53 });
    expect(weekDays({ year: 2026, week: 50 })).toEqual([
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
      "2026-12-12",
      "2026-12-13",
    ]);
  });

  it("puts an entry in the morning before noon, in the afternoon from noon", () => {
    expect(sessionOfTime("07:30")).toBe("morning");
    expect(sessionOfTime("11:59")).toBe("morning");
    expect(sessionOfTime("12:00")).toBe("afternoon");
    expect(sessionOfTime("14:00:00")).toBe("afternoon");
  });
});

describe("the week's layout", () => {
  it("shows Monday to Friday, the weekend only when used, entries by session in their order", async () => {
    const { layOutWeek } = await import("./schedule-layout");
    const entries = [
      { id: "a", day: "2026-12-07", session: "morning" as const, startTime: "07:30" },
      { id: "b", day: "2026-12-07", session: "afternoon" as const, startTime: "14:00" },
      { id: "c", day: "2026-12-07", session: "morning" as const, startTime: "09:00" },
      { id: "d", day: "2026-12-13", session: "morning" as const, startTime: "08:00" },
    ];
    const days = layOutWeek("2026-12-07", entries);
    expect(days.map((d) => d.day)).toEqual([
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
      "2026-12-13",
    ]);
    expect(days[0]!.sessions.map((s) => s.entries.map((e) => e.id))).toEqual([["a", "c"], ["b"]]);
    expect(days[5]!.weekday).toBe(6);
  });
});
