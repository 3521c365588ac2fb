import type { ComboboxItem } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { foldedFilter } from "./folded-filter";

describe("foldedFilter", () => {
  const options: ComboboxItem[] = [
    { value: "quyet_dinh", label: "Quyết định (QĐ)" },
    { value: "cong_van", label: "Công văn" },
    { value: "cong_dien", label: "Công điện (CĐ)" },
  ];
  const search = (text: string) =>
    foldedFilter({ options, search: text, limit: Infinity }).map((o) => (o as ComboboxItem).value);

  it("finds a type typed without diacritics, or by its abbreviation", () => {
    expect(search("cong van")).toEqual(["cong_van"]);
    expect(search("qd")).toEqual(["quyet_dinh"]);
    expect(search("Công")).toEqual(["cong_van", "cong_dien"]);
    expect(search("")).toHaveLength(3);
  });
});
