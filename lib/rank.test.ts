import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roles, type Role } from "@/lib/permissions";
import {
  compareByRank,
  givenName,
  isDeputy,
  rankTier,
  sortByRank,
  type Rankable,
} from "@/lib/rank";

const person = (fullName: string, role: Role[], jobTitle = ""): Rankable => ({
  fullName,
  jobTitle,
  roles: role,
});
const names = (people: Rankable[]) => sortByRank(people).map((p) => p.fullName);

describe("rank of a person", () => {
  it("puts leaders first, then unit heads, then specialists, then everyone else", () => {
    expect(rankTier(["leader"])).toBe(0);
    expect(rankTier(["unit_head"])).toBe(1);
    expect(rankTier(["specialist"])).toBe(2);
    expect(rankTier(["clerk"])).toBe(3);
    expect(rankTier(["admin"])).toBe(3);
    expect(rankTier([])).toBe(3);
    // Someone holding several roles ranks by the highest of them.
    expect(rankTier(["clerk", "leader"])).toBe(0);
    expect(rankTier(["admin", "specialist"])).toBe(2);
  });

  it("reads a deputy's post from the “Phó” that opens the job title", () => {
    expect(isDeputy("Phó Chủ tịch UBND phường")).toBe(true);
    expect(isDeputy("phó trưởng phòng")).toBe(true);
    expect(isDeputy("  PHÓ Giám đốc")).toBe(true);
    // Typed with a combining accent: the same word.
    expect(isDeputy("Pho\u0301 Chủ tịch")).toBe(true);
    expect(isDeputy("Chủ tịch UBND phường")).toBe(false);
    expect(isDeputy("Phòng Kinh tế")).toBe(false);
    expect(isDeputy("Phóng viên")).toBe(false);
    expect(isDeputy("Trưởng phòng, Phó Bí thư chi bộ")).toBe(false);
    expect(isDeputy("")).toBe(false);
    expect(isDeputy(null)).toBe(false);
  });

  it("takes the given name from the last word of the full name", () => {
    expect(givenName("Nguyễn Thị Ánh Tuyết")).toBe("Tuyết");
    expect(givenName("  Lê   Minh Tuấn ")).toBe("Tuấn");
    expect(givenName("Mai")).toBe("Mai");
  });
});

describe("people in order", () => {
  it("lists the chair before the deputy chair, whatever their names", () => {
    expect(
      names([
        person("Hoàng Thị Mai", ["leader"], "Phó Chủ tịch UBND phường"),
        person("Nguyễn Đức Thắng", ["leader"], "Chủ tịch UBND phường"),
      ]),
    ).toEqual(["Nguyễn Đức Thắng", "Hoàng Thị Mai"]);
  });

  it("lists a unit by head, deputy head, specialists, then the others by name", () => {
    expect(
      names([
        person("Phạm Thị Thu", ["clerk"], "Văn thư"),
        person("Lê Minh Tuấn", ["specialist"], "Chuyên viên"),
        person("Đỗ Văn An", ["unit_head"], "Phó Trưởng phòng"),
        person("Trần Quốc Bảo", ["unit_head"], "Trưởng phòng"),
        person("Nguyễn Văn Quản", ["admin"], "Quản trị cơ quan"),
        person("Vũ Thị Lan", ["leader"], "Chủ tịch"),
      ]),
    ).toEqual([
      "Vũ Thị Lan",
      "Trần Quốc Bảo",
      "Đỗ Văn An",
      "Lê Minh Tuấn",
      "Nguyễn Văn Quản",
      "Phạm Thị Thu",
    ]);
  });

  it("orders the same rank by given name in the Vietnamese alphabet, then by full name", () => {
    expect(
      names([
        person("Trần Văn Đức", ["specialist"]),
        person("Lê Thị Ánh", ["specialist"]),
        person("Vũ Minh Dung", ["specialist"]),
        person("Nguyễn Thị Anh", ["specialist"]),
        person("Bùi Văn Anh", ["specialist"]),
        person("Đặng Thu Ân", ["specialist"]),
        person("Phạm Ă", ["specialist"]),
      ]),
    ).toEqual([
      "Bùi Văn Anh",
      "Nguyễn Thị Anh",
      "Lê Thị Ánh",
      "Phạm Ă",
      "Đặng Thu Ân",
      "Vũ Minh Dung",
      "Trần Văn Đức",
    ]);
  });

  it("is a total order that sorting does not depend on the input order for", () => {
    const arbitraryPerson = fc.record({
      fullName: fc.array(fc.constantFrom("Nguyễn", "Thị", "Anh", "Ánh", "Đức", "Dung", "Lê"), {
        minLength: 1,
        maxLength: 4,
      }),
      jobTitle: fc.constantFrom("", "Chủ tịch", "Phó Chủ tịch", "Trưởng phòng", "Phó Trưởng phòng"),
      roles: fc.subarray([...roles]),
    });
    fc.assert(
      fc.property(fc.array(arbitraryPerson, { maxLength: 12 }), (raw) => {
        const people = raw.map((p) => ({ ...p, fullName: p.fullName.join(" ") }));
        // What the order looks at; people equal in all of it may come in either order.
        const key = (list: Rankable[]) =>
          list.map((p) => [rankTier(p.roles), isDeputy(p.jobTitle), p.fullName]);
        const sorted = sortByRank(people);
        expect(key(sortByRank([...people].reverse()))).toEqual(key(sorted));
        for (let i = 1; i < sorted.length; i++) {
          expect(compareByRank(sorted[i - 1]!, sorted[i]!)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it("leaves the list it is given as it was", () => {
    const people = [person("B", ["specialist"]), person("A", ["leader"])];
    sortByRank(people);
    expect(people.map((p) => p.fullName)).toEqual(["B", "A"]);
  });
});
