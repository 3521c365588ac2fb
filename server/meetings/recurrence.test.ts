import { describe, expect, it } from "vitest";
import {
  formatVietnamDateTime,
  recurrenceChoiceOf,
  recurrenceRule,
  vietnamInstant,
} from "@/lib/meetings";
import { expandOccurrences, recurrenceProblem } from "./recurrence";

const briefing = {
  startsAt: vietnamInstant("2026-12-28", "07:30"),
  endsAt: vietnamInstant("2026-12-28", "08:30"),
  recurrence: "FREQ=WEEKLY;BYDAY=MO;COUNT=6",
};

describe("meeting recurrence", () => {
  it("keeps a weekly Monday 07:30 briefing at 07:30 local across a change of month and year", () => {
    const starts = expandOccurrences(briefing, []).map((o) => formatVietnamDateTime(o.start));
    expect(starts).toEqual([
      "28/12/2026 07:30",
      "04/01/2027 07:30",
      "11/01/2027 07:30",
      "18/01/2027 07:30",
      "25/01/2027 07:30",
      "01/02/2027 07:30",
    ]);
  });

  it("applies a cancelled and a moved occurrence", () => {
    const occurrences = expandOccurrences(briefing, [
      {
        originalStart: vietnamInstant("2027-01-04", "07:30"),
        cancelled: true,
        newStart: null,
        newEnd: null,
        title: null,
        roomId: null,
        locationText: null,
      },
      {
        originalStart: vietnamInstant("2027-01-11", "07:30"),
        cancelled: false,
        newStart: vietnamInstant("2027-01-12", "14:00"),
        newEnd: vietnamInstant("2027-01-12", "15:30"),
        title: "Giao ban (dời sang thứ Ba)",
        roomId: null,
        locationText: null,
      },
    ]);
    expect(occurrences[1]).toMatchObject({ cancelled: true });
    expect(formatVietnamDateTime(occurrences[2]!.start)).toBe("12/01/2027 14:00");
    expect(formatVietnamDateTime(occurrences[2]!.end)).toBe("12/01/2027 15:30");
    expect(formatVietnamDateTime(occurrences[2]!.originalStart)).toBe("11/01/2027 07:30");
    expect(occurrences[2]!.changed).toBe(true);
  });

  it("refuses a rule without an end, past the cap, or outside the subset", () => {
    const problem = (recurrence: string) => recurrenceProblem({ ...briefing, recurrence });
    expect(problem("FREQ=WEEKLY;BYDAY=MO")).toBe("meetings.errors.recurrenceEndless");
    expect(problem("FREQ=DAILY;COUNT=367")).toBe("meetings.errors.recurrenceTooMany");
    expect(problem("FREQ=DAILY;UNTIL=20300101T000000Z")).toBe("meetings.errors.recurrenceTooMany");
    expect(problem("FREQ=DAILY;UNTIL=20200101T000000Z")).toBe(
      "meetings.errors.recurrenceUntilBeforeStart",
    );
    expect(problem("FREQ=SECONDLY;COUNT=3")).toBe("meetings.errors.recurrenceInvalid");
    expect(problem("FREQ=DAILY;BYHOUR=1;COUNT=3")).toBe("meetings.errors.recurrenceInvalid");
    expect(problem("FREQ=DAILY;COUNT=366")).toBeNull();
  });

  it("writes the form's choices as rules and reads them back", () => {
    const weekly = recurrenceRule({
      kind: "weekly",
      days: ["WE", "MO"],
      end: { until: "2027-03-31" },
    });
    expect(weekly).toBe("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270331T165959Z");
    expect(recurrenceChoiceOf(weekly)).toEqual({
      kind: "weekly",
      days: ["MO", "WE"],
      end: { until: "2027-03-31" },
    });
    const last = expandOccurrences({ ...briefing, recurrence: weekly }, []).at(-1)!;
    expect(formatVietnamDateTime(last.start)).toBe("31/03/2027 07:30");
    expect(recurrenceRule({ kind: "monthly", end: { count: 3 } })).toBe("FREQ=MONTHLY;COUNT=3");
  });
});
