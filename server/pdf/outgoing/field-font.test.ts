import { describe, expect, it } from "vitest";
import { encodeWith, FIELD_CHARSET, parseToUnicode } from "./field-font";

describe("reading glyph codes back from a ToUnicode map", () => {
  it("reads bfchar entries and both forms of bfrange", () => {
    const cmap = [
      "2 beginbfchar",
      "<0001> <0031>",
      "<0002> <0110>",
      "endbfchar",
      "1 beginbfrange",
      "<0010> <0012> <0061>",
      "endbfrange",
      "1 beginbfrange",
      "<0020> <0021> [<002F> <1EA0>]",
      "endbfrange",
    ].join("\n");
    const map = parseToUnicode(cmap);
    expect(encodeWith(map, "1Đabc/Ạ")).toBe(
      "0001" + "0002" + "0010" + "0011" + "0012" + "0020" + "0021",
    );
  });

  it("composes decomposed input before looking it up", () => {
    const map = parseToUnicode("1 beginbfchar\n<0005> <00E0>\nendbfchar");
    expect(encodeWith(map, "a\u0300")).toBe("0005");
  });

  it("names the characters the font lacks", () => {
    const map = parseToUnicode("1 beginbfchar\n<0005> <0031>\nendbfchar");
    expect(() => encodeWith(map, "1€")).toThrow(/€/);
  });

  it("covers digits, notation signs, ASCII letters and every Vietnamese letter", () => {
    const needed = "0123456789/-.: AZaz…ngày tháng năm ĐđƯưƠơĂăÂâÊêÔôẾỆỮỹ QĐ-UBND QyĐ CTr";
    expect([...needed].filter((ch) => !FIELD_CHARSET.includes(ch))).toEqual([]);
    const vietnamese = [...FIELD_CHARSET].filter((ch) => ch.charCodeAt(0) > 0x7f);
    // 67 accented or extra letters in each case, and the ellipsis and en dash.
    expect(vietnamese).toHaveLength(2 * 67 + 2);
  });
});
