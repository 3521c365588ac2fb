import { describe, expect, it } from "vitest";
import { visibleDays, vietnamWallClock } from "./calendar-range";

describe("the days a calendar view asks for", () => {
  it("a week runs from Monday to Sunday, across a change of month", () => {
    expect(visibleDays("week", "2026-12-02")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(visibleDays("week", "2026-12-06")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
  });

  it("a month runs from the Monday before its first day to the Sunday after its last", () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    expect(visibleDays("month", "2026-12-15")).toEqual({ from: "2026-11-30", to: "2027-01-03" });
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    expect(visibleDays("month", "2027-02-10")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
  });

  it("a day is itself", () => {
    expect(visibleDays("day", "2026-12-31")).toEqual({ from: "2026-12-31", to: "2026-12-31" });
  });
});

describe("times in Vietnam", () => {
  it("shows an instant at its local time, whatever the browser's zone", () => {
    expect(vietnamWallClock("2026-12-06T23:30:00.000Z")).toBe("2026-12-07 06:30:00");
    expect(vietnamWallClock("2026-12-07T00:30:00+07:00")).toBe("2026-12-07 00:30:00");
  });
});
