import { describe, expect, it } from "vitest";
import type { RouteTemplateStep } from "@/lib/outgoing";
import type { Role } from "@/lib/permissions";
import { stepsFromTemplate } from "./route-template-fill";
import type { Directory, Person } from "./route-state";

const person = (id: string, unitId: string | null, roles: Role[]): Person => ({
  id,
  fullName: id,
  jobTitle: "",
  unitId,
  roles,
});

const directory: Directory = {
  leadership: [person("chairman", null, ["leader"]), person("deputy", null, ["leader"])],
  unassigned: [],
  units: [
    {
      id: "kt",
      staff: [person("head.kt", "kt", ["unit_head"]), person("drafter", "kt", ["specialist"])],
    },
    { id: "vp", staff: [person("clerk.1", "vp", ["clerk"]), person("clerk.2", "vp", ["clerk"])] },
    { id: "vhxh", staff: [person("head.vhxh", "vhxh", ["unit_head"])] },
  ],
};

const usual: RouteTemplateStep[] = [
  { kind: "review", rule: "all", userIds: [], role: "unit_head_of_drafter" },
  { kind: "format_check", rule: "any", userIds: [], role: "clerks" },
  { kind: "sign", rule: "all", userIds: [], role: "leader" },
];

const draftBy = (
  drafterId: string,
  draft: { signerId?: string; draftingUnitId?: string } = {},
) => ({
  drafter: { id: drafterId },
  draft: { signerId: draft.signerId ?? null, draftingUnitId: draft.draftingUnitId ?? null },
});

describe("a template's steps filled for a draft", () => {
  it("asks the drafter's unit head, every clerk, and the draft's signer", () => {
    expect(stepsFromTemplate(usual, draftBy("drafter", { signerId: "deputy" }), directory)).toEqual(
      [
        { kind: "review", rule: "all", userIds: ["head.kt"] },
        { kind: "format_check", rule: "any", userIds: ["clerk.1", "clerk.2"] },
        { kind: "sign", rule: "all", userIds: ["deputy"] },
      ],
    );
  });

  it("takes the unit the draft is written for over the drafter's own", () => {
    const steps = stepsFromTemplate(
      usual,
      draftBy("drafter", { draftingUnitId: "vhxh" }),
      directory,
    );
    expect(steps[0]).toEqual({ kind: "review", rule: "all", userIds: ["head.vhxh"] });
  });

  it("leaves out the unit head's review when the drafter heads the unit, as the usual road does", () => {
    const steps = stepsFromTemplate(usual, draftBy("head.kt"), directory);
    expect(steps.map((s) => s.kind)).toEqual(["format_check", "sign"]);
  });

  it("leaves a leader to pick when the draft names no signer, or the step is a review", () => {
    const template: RouteTemplateStep[] = [
      { kind: "review", rule: "all", userIds: [], role: "leader" },
      { kind: "sign", rule: "all", userIds: [], role: "leader" },
    ];
    expect(
      stepsFromTemplate(template, draftBy("drafter", { signerId: "chairman" }), directory),
    ).toEqual([
      { kind: "review", rule: "all", userIds: [] },
      { kind: "sign", rule: "all", userIds: ["chairman"] },
    ]);
    expect(stepsFromTemplate(template, draftBy("drafter"), directory)[1]!.userIds).toEqual([]);
  });

  it("keeps the people named who may still stand at the step, once each, beside its role", () => {
    const template: RouteTemplateStep[] = [
      // The drafter, someone who left, and a clerk also reached by the role.
      {
        kind: "format_check",
        rule: "all",
        userIds: ["drafter", "gone", "clerk.2"],
        role: "clerks",
      },
      // A unit head cannot sign; the chairman can.
      { kind: "sign", rule: "all", userIds: ["head.kt", "chairman"], role: null },
    ];
    expect(stepsFromTemplate(template, draftBy("drafter"), directory)).toEqual([
      { kind: "format_check", rule: "all", userIds: ["clerk.2", "clerk.1"] },
      { kind: "sign", rule: "all", userIds: ["chairman"] },
    ]);
  });

  it("keeps a step naming nobody, for the drafter to fill, unless it only asked for the unit head", () => {
    const template: RouteTemplateStep[] = [
      { kind: "review", rule: "all", userIds: [], role: null },
      { kind: "sign", rule: "all", userIds: [], role: null },
    ];
    expect(stepsFromTemplate(template, draftBy("drafter"), directory)).toEqual([
      { kind: "review", rule: "all", userIds: [] },
      { kind: "sign", rule: "all", userIds: [] },
    ]);
  });
});
