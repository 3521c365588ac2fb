import { describe, expect, it } from "vitest";
import { arrivalStampLayout, arrivalStampOf, vietnamTime } from "./arrival-stamp";

const registered = {
  organisationName: "Ủy ban nhân dân phường Định Công",
  registryName: "Sổ văn bản đến",
  registryNumber: 12,
  arrivalDate: "2026-12-05",
  // 01:30 in Hà Nội is still the day before in UTC.
  registeredAt: "2026-12-04T18:30:00Z",
  assignments: [],
  history: [],
};

const part = (
  role: "lead" | "co" | "info",
  name: string,
  extra: { parentId?: string; status?: string; unit?: boolean } = {},
) => ({
  role,
  parentId: extra.parentId ?? null,
  status: extra.status ?? "pending",
  unitName: extra.unit === false ? null : name,
  userName: extra.unit === false ? name : null,
});

describe("arrivalStampOf", () => {
  it("has nothing to stamp before the document has an arrival number", () => {
    expect(arrivalStampOf({ ...registered, registryNumber: null })).toBeNull();
    expect(arrivalStampOf({ ...registered, arrivalDate: null })).toBeNull();
  });

  it("records number, day, registry and the time in Vietnam", () => {
    expect(arrivalStampOf(registered)).toEqual({
      organisationName: "Ủy ban nhân dân phường Định Công",
      registryName: "Sổ văn bản đến",
      number: 12,
      arrivalDate: "2026-12-05",
      time: "01:30",
      transferredTo: null,
    });
    expect(vietnamTime(new Date("2026-12-05T02:05:00Z"))).toBe("09:05");
  });

  it("says where the document went: the leader presented to, then the current lead", () => {
    const presented = [{ action: "presented", data: { leader: "Nguyễn Đức Thắng" } }];
    expect(arrivalStampOf({ ...registered, history: presented })?.transferredTo).toBe(
      "Nguyễn Đức Thắng",
    );
    const assignments = [
      part("lead", "Phòng Văn hóa - Xã hội", { status: "withdrawn" }),
      part("co", "Đỗ Thị Hạnh", { unit: false }),
      part("lead", "Phòng Kinh tế, Hạ tầng và Đô thị"),
      part("lead", "Lê Minh Tuấn", { parentId: "unit-part", unit: false }),
    ];
    expect(arrivalStampOf({ ...registered, history: presented, assignments })?.transferredTo).toBe(
      "Phòng Kinh tế, Hạ tầng và Đô thị",
    );
  });
});

describe("arrivalStampLayout", () => {
  const layout = arrivalStampLayout(arrivalStampOf(registered)!);
  const text = layout.texts.map((t) => t.text);

  it("reads like the rubber stamp of Decree 30", () => {
    expect(text).toEqual([
      "ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG",
      "ĐẾN",
      "Số: 12",
      "Ngày: 05/12/2026",
      "Giờ: 01:30",
      "Sổ: Sổ văn bản đến",
      "Chuyển: ……………………",
      "Lưu hồ sơ số: ……………………",
    ]);
  });

  it("keeps every line inside the box", () => {
    for (const line of layout.texts) {
      expect(line.x).toBeGreaterThanOrEqual(0);
      expect(line.x + line.maxWidth).toBeLessThanOrEqual(layout.width);
      expect(line.y + line.size).toBeLessThanOrEqual(layout.height);
    }
  });

  it("prints a long organisation name smaller rather than over the edge", () => {
    const long = arrivalStampLayout({
      ...arrivalStampOf(registered)!,
      organisationName: "Sở Nông nghiệp và Phát triển nông thôn thành phố Hà Nội",
    });
    expect(long.texts[0]!.size).toBeLessThan(layout.texts[0]!.size);
    expect(long.texts[0]!.size).toBeGreaterThanOrEqual(5.5);
  });
});
