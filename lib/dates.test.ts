import { describe, expect, it } from "vitest";
import { vietnamToday } from "@/lib/dates";

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
