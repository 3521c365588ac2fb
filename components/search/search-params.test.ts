import { describe, expect, it } from "vitest";
import { criteriaFromParams, emptyCriteria, hasCriteria, searchHref } from "./search-params";

const read = (query: string) => criteriaFromParams(new URLSearchParams(query));

describe("search criteria in the URL", () => {
  it("round-trips words and filters, Vietnamese included", () => {
    const criteria = {
      ...emptyCriteria,
      q: "quyết định 15/QĐ-UBND",
      from: "2026-11-01",
      to: "2026-11-30",
      type: "quyet_dinh" as const,
      urgency: "flash" as const,
    };
    const href = searchHref(criteria);
    expect(read(href.slice(href.indexOf("?") + 1))).toEqual(criteria);
  });

  it("drops what a hand-edited URL gets wrong instead of failing the page", () => {
    expect(read("type=bogus&status=lost&urgency=x&from=2026-02-30")).toEqual(emptyCriteria);
    expect(read("from=2026-12-01&to=2026-11-01")).toMatchObject({ from: null, to: null });
    expect(read("q=%20%20")).toEqual(emptyCriteria);
  });

  it("asks nothing until a word or a filter is given", () => {
    expect(hasCriteria(emptyCriteria)).toBe(false);
    expect(searchHref(emptyCriteria)).toBe("/search");
    expect(hasCriteria(read("status=completed"))).toBe(true);
  });
});
