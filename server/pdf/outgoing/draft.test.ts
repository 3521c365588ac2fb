import { describe, expect, it } from "vitest";
import {
  authorityLines,
  copyLines,
  issueDateText,
  numberNotationText,
  recipientLines,
} from "./draft";

describe("the wording around the drafter's text", () => {
  it("writes the number with a leading zero under 10, before the notation", () => {
    expect(numberNotationText(5, "UBND-VP")).toBe("05/UBND-VP");
    expect(numberNotationText(15, "QĐ-UBND")).toBe("15/QĐ-UBND");
    expect(numberNotationText(120, "UBND-VP")).toBe("120/UBND-VP");
  });

  it("writes the date with a zero before days under 10 and the months 1 and 2 only", () => {
    expect(issueDateText({ year: 2026, month: 1, day: 5 })).toBe("ngày 05 tháng 01 năm 2026");
    expect(issueDateText({ year: 2026, month: 2, day: 28 })).toBe("ngày 28 tháng 02 năm 2026");
    expect(issueDateText({ year: 2026, month: 3, day: 9 })).toBe("ngày 09 tháng 3 năm 2026");
    expect(issueDateText({ year: 2026, month: 12, day: 31 })).toBe("ngày 31 tháng 12 năm 2026");
  });

  it("puts the authority prefix before the collective or head, in capitals", () => {
    const base = { signerName: "Nguyễn Đức Thắng" };
    expect(
      authorityLines({
        ...base,
        authority: "TM",
        onBehalfOf: "Ủy ban nhân dân",
        title: "Chủ tịch",
      }),
    ).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(
      authorityLines({ ...base, authority: "KT", onBehalfOf: "CHỦ TỊCH", title: "PHÓ CHỦ TỊCH" }),
    ).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(
      authorityLines({ ...base, authority: "none", onBehalfOf: "ỦY BAN", title: "CHỦ TỊCH" }),
    ).toEqual(["CHỦ TỊCH"]);
  });

  it("ends the copy list with the archive line and punctuates each line once", () => {
    expect(copyLines(["Như trên", "- UBND quận (để b/c);", " "], "VP")).toEqual([
      "- Như trên;",
      "- UBND quận (để b/c);",
      "- Lưu: VT, VP.",
    ]);
    expect(copyLines([], "")).toEqual(["- Lưu: VT."]);
  });

  it("lists several addressees with dashes, a single one as it is", () => {
    expect(recipientLines(["Công an phường"])).toEqual(["Công an phường"]);
    expect(recipientLines(["Các tổ dân phố;", "Công an phường"])).toEqual([
      "- Các tổ dân phố;",
      "- Công an phường.",
    ]);
    expect(recipientLines([" "])).toEqual([]);
  });
});
