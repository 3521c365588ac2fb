import { describe, expect, it } from "vitest";
import { compareVietnamese, foldVietnamese } from "./collate";

describe("foldVietnamese", () => {
  it("drops case, diacritics and the stroke of đ, and collapses spaces", () => {
    expect(foldVietnamese("  Quyết   ĐỊNH ")).toBe("quyet dinh");
    expect(foldVietnamese("Hỏa tốc")).toBe("hoa toc");
    expect(foldVietnamese("Phường Định Công")).toBe("phuong dinh cong");
  });

  it("folds text written with combining marks as it folds precomposed text", () => {
    expect(foldVietnamese("Vie\u0302\u0323t")).toBe(foldVietnamese("Việt"));
  });
});

describe("compareVietnamese", () => {
  it("puts Đ after D and a marked vowel after the plain one", () => {
    expect(["Đức", "Dung", "Ánh", "Anh"].sort(compareVietnamese)).toEqual([
      "Anh",
      "Ánh",
      "Dung",
      "Đức",
    ]);
  });
});
