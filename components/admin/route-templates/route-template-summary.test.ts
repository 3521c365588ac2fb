import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { RouteTemplateStep } from "@/lib/outgoing";
import { messagesFor, type Locale } from "@/server/i18n/locale";
import { summariseSteps } from "./route-template-summary";

const translator = (locale: Locale) => {
  const t = createTranslator({ locale, messages: messagesFor(locale) });
  return (key: string, values?: Record<string, string>) => t(key as never, values as never);
};

const steps: RouteTemplateStep[] = [
  { kind: "review", rule: "all", userIds: [], role: "unit_head_of_drafter" },
  { kind: "format_check", rule: "any", userIds: [], role: "clerks" },
  { kind: "sign", rule: "all", userIds: ["u1"], role: null },
];
const people = [{ id: "u1", fullName: "Nguyễn Đức Thắng", active: true }];

describe("a template's steps in one line", () => {
  it("names each step's kind and who decides there, by role or by name", () => {
    expect(summariseSteps(steps, people, translator("vi"))).toBe(
      "Ký nháy (Trưởng phòng) → Kiểm tra thể thức (Văn thư) → Ký ban hành (Nguyễn Đức Thắng)",
    );
    expect(summariseSteps(steps, people, translator("en"))).toMatch(
      /^\S.* \(Unit head\) → .*\(Clerks\)/,
    );
  });

  it("says when the drafter chooses, and marks a person who is no longer active", () => {
    const open: RouteTemplateStep[] = [
      { kind: "review", rule: "all", userIds: ["u1"], role: "leader" },
      { kind: "sign", rule: "all", userIds: [], role: null },
    ];
    expect(summariseSteps(open, [{ ...people[0]!, active: false }], translator("vi"))).toBe(
      "Ký nháy (Lãnh đạo, Nguyễn Đức Thắng – đã ngừng hoạt động) → Ký ban hành (người soạn chọn)",
    );
  });
});
