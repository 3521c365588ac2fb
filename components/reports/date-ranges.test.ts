import { describe, expect, it } from "vitest";
import {
  lastMonth,
  monthRuns,
  rangeFromParams,
  thisMonth,
  thisQuarter,
  thisYear,
} from "./date-ranges";

describe("calendar periods for the books and reports", () => {
  it("covers the whole month, leap February included", () => {
    expect(thisMonth("2028-02-10")).toEqual(["2028-02-01", "2028-02-29"]);
    expect(thisMonth("2026-11-21")).toEqual(["2026-11-01", "2026-11-30"]);
  });

  it("goes back across the new year for last month", () => {
    expect(lastMonth("2026-01-05")).toEqual(["2025-12-01", "2025-12-31"]);
  });

  it("finds the quarter a day falls in", () => {
    expect(thisQuarter("2026-11-21")).toEqual(["2026-10-01", "2026-12-31"]);
    expect(thisQuarter("2026-03-31")).toEqual(["2026-01-01", "2026-03-31"]);
    expect(thisYear("2026-06-01")).toEqual(["2026-01-01", "2026-12-31"]);
  });

  it("keeps a range from the URL only when both ends are real days in order", () => {
    const fallback: [string, string] = ["2026-11-01", "2026-11-30"];
    expect(rangeFromParams("2026-10-01", "2026-10-31", fallback)).toEqual([
      "2026-10-01",
      "2026-10-31",
    ]);
    expect(rangeFromParams("2026-10-31", "2026-10-01", fallback)).toEqual(fallback);
    expect(rangeFromParams("2026-13-01", "2026-10-01", fallback)).toEqual(fallback);
    expect(rangeFromParams("2026-02-01", "2026-02-30", fallback)).toEqual(fallback);
    expect(rangeFromParams(null, "2026-10-01", fallback)).toEqual(fallback);
  });
});

describe("runs of months", () => {
  const months = ["2026-10", "2026-11", "2026-12", "2027-01", "2027-02"];

  it("joins neighbours, across the new year, and keeps a month alone as a run of one", () => {
    expect(monthRuns(months, [true, false, true, true, false])).toEqual([
      ["2026-10", "2026-10"],
      ["2026-12", "2027-01"],
    ]);
  });

  it("ends a run at the last month, and finds none when nothing is flagged", () => {
    expect(monthRuns(months, [false, false, false, true, true])).toEqual([["2027-01", "2027-02"]]);
    expect(monthRuns(months, [true, true, true, true, true])).toEqual([["2026-10", "2027-02"]]);
    expect(monthRuns(months, [false, false, false, false, false])).toEqual([]);
  });
});
