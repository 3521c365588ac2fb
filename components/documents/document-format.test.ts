import { describe, expect, it } from "vitest";
import { deadlineTone, formatDate, formatDateTime, formatFileSize } from "./document-format";

describe("document dates", () => {
  it("writes dates dd/MM/yyyy and moments in Vietnam time", () => {
    expect(formatDate("2026-11-21")).toBe("21/11/2026");
    expect(formatDate(null)).toBe("");
    // 01:05 UTC is 08:05 in Hà Nội, whatever the browser's zone.
    expect(formatDateTime(new Date("2026-11-21T01:05:00Z"))).toBe("21/11/2026 08:05");
    expect(formatDateTime(new Date("2026-11-20T17:30:00Z"), false)).toBe("21/11 00:30");
  });
});

describe("deadlineTone", () => {
  const today = "2026-11-21";
  it("is red once past and orange within three days, for open work only", () => {
    expect(deadlineTone("2026-11-20", true, today)).toBe("overdue");
    expect(deadlineTone("2026-11-21", true, today)).toBe("dueSoon");
    expect(deadlineTone("2026-11-24", true, today)).toBe("dueSoon");
    expect(deadlineTone("2026-11-25", true, today)).toBe("normal");
    expect(deadlineTone("2026-11-20", false, today)).toBe("normal");
    expect(deadlineTone(null, true, today)).toBe("normal");
  });
});

describe("formatFileSize", () => {
  it("uses the language's decimal separator", () => {
    expect(formatFileSize(925, "vi")).toBe("925 B");
    expect(formatFileSize(1750, "vi")).toBe("1,7 KB");
    expect(formatFileSize(1750, "en")).toBe("1.7 KB");
    expect(formatFileSize(5 * 1024 * 1024, "en")).toBe("5 MB");
  });
});
