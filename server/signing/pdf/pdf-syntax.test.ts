import { describe, expect, it } from "vitest";
import { hexDigits, pdfDate, pdfNumber, textString } from "./pdf-syntax";

describe("PDF syntax for the signature dictionary", () => {
  it("writes dates in Vietnam time, the day turning at 17:00 UTC", () => {
    expect(pdfDate(new Date("2026-03-05T02:15:30Z"))).toBe("(D:20260305091530+07'00')");
    expect(pdfDate(new Date("2026-12-31T17:00:00Z"))).toBe("(D:20270101000000+07'00')");
  });

  it("keeps printable ASCII literal, escaping what a literal string must", () => {
    expect(textString("Ha Noi (UBND) \\ 1")).toBe("(Ha Noi \\(UBND\\) \\\\ 1)");
  });

  it("writes Vietnamese (and any other non-ASCII) as UTF-16BE with a byte-order mark", () => {
    expect(textString("Định")).toBe("<FEFF01101ECB006E0068>");
    expect(textString("Đ")).toBe("<FEFF0110>");
    expect(textString("a\nb")).toBe("<FEFF0061000A0062>");
    expect(textString("𝄞")).toBe("<FEFFD834DD1E>");
  });

  it("writes numbers without exponents and with at most three decimals", () => {
    expect(pdfNumber(595.2756)).toBe("595.276");
    expect(pdfNumber(1e-7)).toBe("0");
    expect(pdfNumber(-0.0001)).toBe("0");
    expect(() => pdfNumber(Number.NaN)).toThrow();
  });

  it("accepts encoded text with or without angle brackets and refuses non-hex", () => {
    expect(hexDigits("<00a1 0B>", "x")).toBe("00A10B");
    expect(hexDigits("00A1", "x")).toBe("00A1");
    expect(() => hexDigits("<0G>", "x")).toThrow();
    expect(() => hexDigits("ABC", "x")).toThrow();
  });
});
