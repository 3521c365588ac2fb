import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodFieldErrors } from "@/server/zod-errors";
import {
  countCharacters,
  cursorField,
  dayField,
  INT32_MAX,
  int32Field,
  optionalText,
  requiredText,
  textField,
  versionField,
} from "./fields";

/** The message keys a value is refused with, or "ok". */
function verdict(schema: z.ZodType, value: unknown): string[] | "ok" {
  const result = schema.safeParse(value);
  if (result.success) return "ok";
  return Object.values(zodFieldErrors(result.error)).flatMap((errs) => errs.map((e) => e.key));
}

describe("text", () => {
  it("refuses NUL and every other control character, in every kind of text field", () => {
    const controls = [0, 1, 7, 8, 11, 12, 14, 27, 31, 127, 128, 133, 159].map((c) =>
      String.fromCharCode(c),
    );
    const fields = [
      requiredText(50),
      optionalText(50),
      textField({ max: 50, trim: false }),
      requiredText(50, { multiline: true }),
    ];
    for (const schema of fields) {
      for (const c of controls) {
        expect(verdict(schema, `Phường${c}Định Công`), JSON.stringify(c)).toEqual([
          "validation.controlCharacters",
        ]);
      }
    }
  });

  it("keeps newlines and tabs only where a textarea allows them, with CR LF as LF", () => {
    expect(verdict(requiredText(50), "dòng một\ndòng hai")).toEqual([
      "validation.controlCharacters",
    ]);
    expect(requiredText(50, { multiline: true }).parse(" dòng một\r\ndòng\thai ")).toBe(
      "dòng một\ndòng\thai",
    );
  });

  it("refuses half of a surrogate pair and keeps whole ones", () => {
    expect(verdict(requiredText(50), "a\ud800b")).toEqual(["validation.brokenText"]);
    expect(verdict(requiredText(50), "a\udc00")).toEqual(["validation.brokenText"]);
    expect(requiredText(50).parse("Họp 📅")).toBe("Họp 📅");
  });

  it("normalises to NFC, so one word typed two ways is one word", () => {
    const decomposed = "Quye\u0302\u0301t đi\u0323nh";
    expect(requiredText(50).parse(decomposed)).toBe("Quyết định");
  });

  it("counts characters as a person does, not UTF-16 units", () => {
    expect(verdict(requiredText(3), "📅📅📅")).toBe("ok");
    expect(verdict(requiredText(3), "📅📅📅📅")).toEqual(["validation.tooLong"]);
    const refused = requiredText(3).safeParse("abcd");
    expect(refused.success || zodFieldErrors(refused.error)._form?.[0]).toEqual({
      key: "validation.tooLong",
      params: { max: 3 },
    });
  });

  it("gives a form's counter the count the limit is checked against", () => {
    expect(countCharacters("📅📅📅")).toBe(3);
    expect(countCharacters("Quyết định")).toBe(10);
    expect(countCharacters("")).toBe(0);
    for (const text of ["📅".repeat(2000), "Quyết định ".repeat(182).slice(0, 2000)]) {
      expect(verdict(requiredText(countCharacters(text)), text)).toBe("ok");
      expect(verdict(requiredText(countCharacters(text) - 1), text)).toEqual([
        "validation.tooLong",
      ]);
    }
  });

  it("treats white space alone as empty: required refuses it, optional keeps null", () => {
    expect(verdict(requiredText(10), "   ")).toEqual(["validation.required"]);
    expect(optionalText(10).parse("  ")).toBeNull();
    expect(optionalText(10).parse(undefined)).toBeNull();
  });

  it("refuses a string far past its limit without working on it", () => {
    expect(verdict(requiredText(10), " ".repeat(5_000_000) + "a")).toEqual(["validation.tooLong"]);
  });
});

describe("days", () => {
  it("accepts real days between 1900 and 2100", () => {
    for (const d of ["1900-01-01", "2024-02-29", "2026-12-31", "2100-12-31"]) {
      expect(verdict(dayField, d), d).toBe("ok");
    }
  });

  it("says why a day is refused: its form, a day not in the calendar, or its year", () => {
    expect(verdict(dayField, "06/12/2026")).toEqual(["validation.dateFormat"]);
    expect(verdict(dayField, "2026-1-5")).toEqual(["validation.dateFormat"]);
    expect(verdict(dayField, "2026-02-31")).toEqual(["validation.dateNotReal"]);
    expect(verdict(dayField, "2025-02-29")).toEqual(["validation.dateNotReal"]);
    expect(verdict(dayField, "2026-13-01")).toEqual(["validation.dateNotReal"]);
    expect(verdict(dayField, "0000-01-01")).toEqual(["validation.dateYearRange"]);
    expect(verdict(dayField, "1899-12-31")).toEqual(["validation.dateYearRange"]);
    expect(verdict(dayField, "9999-12-31")).toEqual(["validation.dateYearRange"]);
  });
});

describe("integers", () => {
  it("stay within PostgreSQL's integer", () => {
    expect(verdict(versionField, INT32_MAX)).toBe("ok");
    expect(verdict(versionField, INT32_MAX + 1)).toEqual(["validation.tooBig"]);
    expect(verdict(versionField, 0)).toEqual(["validation.tooSmall"]);
    expect(verdict(int32Field(), -(2 ** 31) - 1)).toEqual(["validation.tooSmall"]);
    expect(verdict(int32Field(), 1.5)).not.toBe("ok");
    expect(verdict(int32Field(), "1")).toEqual(["validation.invalidType"]);
  });
});

describe("cursors", () => {
  it("are base64url text of bounded length", () => {
    expect(verdict(cursorField, "WyJhIiwxXQ")).toBe("ok");
    expect(verdict(cursorField, "a\u0000")).toEqual(["inbox.invalidCursor"]);
    expect(verdict(cursorField, "a".repeat(401))).toEqual(["validation.tooLong"]);
  });
});
