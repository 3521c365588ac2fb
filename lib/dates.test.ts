import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  lastLateArrival,
  lateArrivalBefore,
  parseTypedDay,
  parseTypedTime,
  vietnamDayStart,
  vietnamToday,
} from "@/lib/dates";

describe("today in Vietnam", () => {
  it("turns at midnight in Hà Nội, not at midnight UTC", () => {
    expect(vietnamToday(new Date("2026-11-20T16:59:59.999Z"))).toBe("2026-11-20");
    expect(vietnamToday(new Date("2026-11-20T17:00:00.000Z"))).toBe("2026-11-21");
    expect(vietnamToday(new Date("2026-12-31T17:00:00.000Z"))).toBe("2027-01-01");
  });

  it("agrees with the time zone database hour by hour over two years", () => {
    const zone = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Ho_Chi_Minh",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    const start = Date.parse("2026-01-01T00:00:00Z");
    for (let h = 0; h < 2 * 366 * 24; h++) {
      const at = new Date(start + h * 3600_000 + 1800_000);
      expect(vietnamToday(at)).toBe(zone.format(at));
    }
  });
});

describe("the moment a day begins in Vietnam", () => {
  it("is midnight in Hà Nội, seven hours before midnight UTC, and the day it begins is that day", () => {
    expect(vietnamDayStart("2026-03-01").toISOString()).toBe("2026-02-28T17:00:00.000Z");
    for (const day of ["2026-01-01", "2026-02-28", "2028-02-29", "2026-12-31"]) {
      const start = vietnamDayStart(day);
      expect(vietnamToday(start)).toBe(day);
      expect(vietnamToday(new Date(start.getTime() - 1))).toBe(addDays(day, -1));
    }
  });
});

describe("a day as people type it", () => {
  const today = "2026-12-06";
  it("reads the forms clerks type, words included", () => {
    const cases: [string, string][] = [
      ["6/12/2026", "2026-12-06"],
      ["06/12/2026", "2026-12-06"],
      ["4/12/26", "2026-12-04"],
      ["4-12-2026", "2026-12-04"],
      ["4.12.2026", "2026-12-04"],
      ["4122026", "2026-12-04"],
      ["04122026", "2026-12-04"],
      ["041226", "2026-12-04"],
      ["4/12", "2026-12-04"],
      ["2026-12-04", "2026-12-04"],
      ["hôm nay", today],
      ["Hôm qua", "2026-12-05"],
      ["hom qua", "2026-12-05"],
      ["ngày mai", "2026-12-07"],
      ["yesterday", "2026-12-05"],
      [" 29/02/2028 ", "2028-02-29"],
    ];
    for (const [text, day] of cases) expect(parseTypedDay(text, today), text).toEqual({ day });
  });

  it("says why what was typed is not a day", () => {
    expect(parseTypedDay("31/02/2026", today)).toEqual({ error: "validation.dateNotReal" });
    expect(parseTypedDay("29/02/2026", today)).toEqual({ error: "validation.dateNotReal" });
    expect(parseTypedDay("12/13/2026", today)).toEqual({ error: "validation.dateNotReal" });
    expect(parseTypedDay("1/1/1800", today)).toEqual({ error: "validation.dateYearRange" });
    expect(parseTypedDay("1/1/0000", today)).toEqual({ error: "validation.dateYearRange" });
    expect(parseTypedDay("12/2026/1", today)).toEqual({ error: "validation.dateFormat" });
    expect(parseTypedDay("thứ hai", today)).toEqual({ error: "validation.dateFormat" });
    expect(parseTypedDay("   ", today)).toBeNull();
  });
});

describe("addWorkingDays", () => {
  it("skips Saturdays and Sundays", () => {
    // Friday 4 December 2026 + 1 working day is Monday 7 December.
    expect(addWorkingDays("2026-12-04", 1)).toBe("2026-12-07");
    expect(addWorkingDays("2026-12-05", 1)).toBe("2026-12-07");
    expect(addWorkingDays("2026-12-07", 1)).toBe("2026-12-08");
    expect(addWorkingDays("2026-12-07", 5)).toBe("2026-12-14");
    expect(addWorkingDays("2026-12-07", 0)).toBe("2026-12-07");
  });
});

describe("lateArrivalBefore", () => {
  it("is midnight in Vietnam after the last late arrival day", () => {
    // Friday 4 December 2026, 16:59 in Vietnam: arrivals on Wednesday or before are late.
    expect(lateArrivalBefore(new Date("2026-12-04T09:59:00Z")).toISOString()).toBe(
      "2026-12-02T17:00:00.000Z",
    );
    // Monday 7 December, 06:30 in Vietnam (still Sunday in UTC): Thursday's arrivals are late.
    expect(lateArrivalBefore(new Date("2026-12-06T23:30:00Z")).toISOString()).toBe(
      "2026-12-03T17:00:00.000Z",
    );
  });
});

describe("lastLateArrival", () => {
  it("is the last day whose arrivals have waited a whole working day", () => {
    // Monday 7 December: what arrived on Friday has until the end of Monday; Thursday's is late.
    expect(lastLateArrival("2026-12-07")).toBe("2026-12-03");
    // Tuesday 8 December: Friday's, Saturday's and Sunday's arrivals are late, Monday's is not.
    expect(lastLateArrival("2026-12-08")).toBe("2026-12-06");
    // Saturday 12 December: Thursday's arrivals are late, Friday's wait until Monday.
    expect(lastLateArrival("2026-12-12")).toBe("2026-12-10");
  });

  it("agrees with addWorkingDays for every arrival day of a month", () => {
    for (let t = 1; t <= 31; t++) {
      const today = `2026-12-${String(t).padStart(2, "0")}`;
      const cutoff = lastLateArrival(today);
      for (let a = -10; a <= 0; a++) {
        const arrived = addDays(today, a);
        expect(arrived <= cutoff, `${arrived} seen on ${today}`).toBe(
          today > addWorkingDays(arrived, 1),
        );
      }
    }
  });
});

describe("a time as people type it", () => {
  it.each([
    ["14:30", "14:30"],
    ["7:05", "07:05"],
    ["7.30", "07:30"],
    ["14h30", "14:30"],
    ["14H", "14:00"],
    ["7g30", "07:30"],
    ["14 giờ 30", "14:30"],
    ["14 giờ 30 phút", "14:30"],
    ["7h30p", "07:30"],
    ["1430", "14:30"],
    ["730", "07:30"],
    ["7", "07:00"],
    ["0", "00:00"],
    ["23:59", "23:59"],
    ["2:30 pm", "14:30"],
    ["2PM", "14:00"],
    ["12 am", "00:00"],
    ["12pm", "12:00"],
    ["9 a.m.", "09:00"],
    ["2 giờ chiều", "14:00"],
    ["8 giờ tối", "20:00"],
    ["9 giờ sáng", "09:00"],
    ["  07:30  ", "07:30"],
  ])("reads %j as %s", (typed, time) => {
    expect(parseTypedTime(typed)).toEqual({ time });
  });

  it("says nothing of an empty field", () => {
    expect(parseTypedTime("")).toBeNull();
    expect(parseTypedTime("   ")).toBeNull();
  });

  it.each(["24:00", "7:60", "99", "13 pm", "0 am", "2960"])(
    "refuses %j as no real time",
    (typed) => {
      expect(parseTypedTime(typed)).toEqual({ error: "validation.timeNotReal" });
    },
  );

  it.each(["7:5", "abc", "7:30:00", "14-30", "12345", "1:2:3", "h30"])(
    "refuses %j as not a time",
    (typed) => {
      expect(parseTypedTime(typed)).toEqual({ error: "validation.timeFormat" });
    },
  );
});
