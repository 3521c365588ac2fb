import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "./document-types";
import { targetOf, targetOptions, withoutChosen } from "./target-options";

const person = (id: string, fullName: string, roles: string[], unitId: string | null = null) => ({
  id,
  fullName,
  jobTitle: "",
  email: null,
  unitId,
  roles,
});

const directory = {
  leadership: [person("l1", "Nguyễn Đức Thắng", ["leader"])],
  unassigned: [],
  units: [
    {
      id: "u1",
      name: "Phòng Văn hóa - Xã hội",
      shortName: "VHXH",
      staff: [
        person("h1", "Vũ Thị Lan", ["unit_head"], "u1"),
        person("s1", "Đỗ Thị Hạnh", ["specialist"], "u1"),
      ],
    },
    {
      id: "u2",
      name: "Văn phòng",
      shortName: "VP",
      staff: [person("c1", "Phạm Thị Thu", ["clerk"], "u2")],
    },
  ],
} as unknown as StaffDirectory;

const labels = { units: "Đơn vị", people: "Cán bộ", noHead: "chưa có trưởng đơn vị" };

describe("targetOptions", () => {
  it("groups units and people, and disables a unit nobody heads", () => {
    const [units, people] = targetOptions(directory, labels);
    expect(units!.items).toEqual([
      { value: "unit:u1", label: "Phòng Văn hóa - Xã hội", disabled: false },
      { value: "unit:u2", label: "Văn phòng (chưa có trưởng đơn vị)", disabled: true },
    ]);
    expect(people!.items.map((i) => i.value)).toEqual(["user:l1", "user:h1", "user:s1", "user:c1"]);
    // Without a job title, a person is told apart by their unit.
    expect(people!.items[2]!.label).toBe("Đỗ Thị Hạnh — Phòng Văn hóa - Xã hội");
  });

  it("leaves out the leader directing and people who only administer the system", () => {
    const withAdmin = {
      ...directory,
      unassigned: [person("a1", "Nguyễn Văn Quản", ["admin"])],
    } as unknown as StaffDirectory;
    const [, people] = targetOptions(withAdmin, labels, { exclude: ["l1"] });
    expect(people!.items.map((i) => i.value)).toEqual(["user:h1", "user:s1", "user:c1"]);
  });

  it("leaves out what is chosen elsewhere but keeps the field's own value", () => {
    const groups = targetOptions(directory, labels);
    const left = withoutChosen(groups, ["unit:u1", "user:s1", null], "user:s1");
    expect(left.flatMap((g) => g.items.map((i) => i.value))).toEqual([
      "unit:u2",
      "user:l1",
      "user:h1",
      "user:s1",
      "user:c1",
    ]);
  });
});

describe("people to hand a document to", () => {
  it("come by rank across units: chair, deputy chair, unit heads, specialists, others", () => {
    const withTitle = (p: ReturnType<typeof person>, jobTitle: string) => ({ ...p, jobTitle });
    const wide = {
      leadership: [
        withTitle(person("l2", "Hoàng Thị Mai", ["leader"]), "Phó Chủ tịch UBND phường"),
        withTitle(person("l1", "Nguyễn Đức Thắng", ["leader"]), "Chủ tịch UBND phường"),
      ],
      unassigned: [person("x1", "Bùi Văn An", ["clerk"])],
      units: [
        {
          id: "u1",
          name: "Phòng Văn hóa - Xã hội",
          shortName: "VHXH",
          staff: [
            person("s1", "Đỗ Thị Hạnh", ["specialist"], "u1"),
            person("h1", "Vũ Thị Lan", ["unit_head"], "u1"),
          ],
        },
        {
          id: "u2",
          name: "Phòng Kinh tế",
          shortName: "KT",
          staff: [
            person("s2", "Lê Minh Tuấn", ["specialist"], "u2"),
            person("h2", "Trần Quốc Bảo", ["unit_head"], "u2"),
          ],
        },
      ],
    } as unknown as StaffDirectory;
    const [, people] = targetOptions(wide, labels);
    expect(people!.items.map((i) => i.value)).toEqual([
      "user:l1",
      "user:l2",
      "user:h2",
      "user:h1",
      "user:s1",
      "user:s2",
      "user:x1",
    ]);
    expect(people!.items[1]!.label).toBe("Hoàng Thị Mai — Phó Chủ tịch UBND phường");
    expect(people!.items[4]!.label).toBe("Đỗ Thị Hạnh — Phòng Văn hóa - Xã hội");
  });
});

describe("targetOf", () => {
  it("turns a choice into the unit or person the server expects", () => {
    expect(targetOf("unit:u1", "2026-11-30")).toEqual({ unitId: "u1", deadline: "2026-11-30" });
    expect(targetOf("user:s1", null)).toEqual({ userId: "s1", deadline: null });
    expect(targetOf("user:s1")).toEqual({ userId: "s1" });
  });
});
