import { describe, expect, it } from "vitest";
import {
  activeStepOf,
  candidatesFor,
  defaultRoute,
  myTurn,
  returnTargets,
  routeProblems,
  type Directory,
  type Person,
} from "./route-state";

const person = (id: string, roles: Person["roles"], unitId: string | null = null): Person => ({
  id,
  fullName: id,
  jobTitle: "",
  unitId,
  roles,
});

const chairman = person("chairman", ["leader"]);
const deputy = person("deputy", ["leader"]);
const clerk = person("clerk", ["clerk"], "vp");
const head = person("head", ["unit_head"], "kt");
const specialist = person("specialist", ["specialist"], "kt");
const admin = person("admin", ["admin"], "vp");
const directory: Directory = {
  leadership: [chairman, deputy],
  unassigned: [],
  units: [
    { id: "vp", staff: [admin, clerk] },
    { id: "kt", staff: [head, specialist] },
  ],
};

const fresh = {
  status: "draft",
  route: [],
  drafter: { id: "specialist" },
  draft: { signerId: "deputy", draftingUnitId: null },
};

describe("the route a draft starts from", () => {
  it("is the usual road: the drafter's unit head, a clerk, the draft's signer", () => {
    expect(defaultRoute(fresh, directory)).toEqual([
      { kind: "review", rule: "all", userIds: ["head"] },
      { kind: "format_check", rule: "all", userIds: ["clerk"] },
      { kind: "sign", rule: "all", userIds: ["deputy"] },
    ]);
  });

  it("leaves out the review mark when the drafter heads the unit, and signs by the first leader without a signer", () => {
    const byHead = {
      ...fresh,
      drafter: { id: "head" },
      draft: { signerId: null, draftingUnitId: "kt" },
    };
    expect(defaultRoute(byHead, directory)).toEqual([
      { kind: "format_check", rule: "all", userIds: ["clerk"] },
      { kind: "sign", rule: "all", userIds: ["chairman"] },
    ]);
  });

  it("is the previous route for a draft sent back to its drafter", () => {
    const returned = {
      ...fresh,
      status: "returned_to_drafter",
      route: [
        {
          position: 1,
          kind: "review" as const,
          rule: "any" as const,
          status: "returned",
          members: [
            { userId: "head", decision: "returned" },
            { userId: "deputy", decision: "pending" },
          ],
        },
        {
          position: 2,
          kind: "sign" as const,
          rule: "all" as const,
          status: "waiting",
          members: [{ userId: "chairman", decision: "pending" }],
        },
      ],
    };
    expect(defaultRoute(returned, directory)).toEqual([
      { kind: "review", rule: "any", userIds: ["head", "deputy"] },
      { kind: "sign", rule: "all", userIds: ["chairman"] },
    ]);
  });
});

describe("who may stand at a step", () => {
  it("offers leaders to sign, clerks to check the format, and never the drafter", () => {
    expect(candidatesFor("sign", directory, "specialist").map((p) => p.id)).toEqual([
      "chairman",
      "deputy",
    ]);
    expect(candidatesFor("format_check", directory, "specialist").map((p) => p.id)).toEqual([
      "clerk",
    ]);
    expect(candidatesFor("review", directory, "specialist").map((p) => p.id)).toEqual([
      "chairman",
      "deputy",
      "clerk",
      "head",
    ]);
  });
});

describe("a route before it is sent", () => {
  it("needs someone at each step and the signature last", () => {
    expect(routeProblems([{ kind: "sign", rule: "all", userIds: ["chairman"] }])).toEqual({});
    expect(
      routeProblems([
        { kind: "sign", rule: "all", userIds: ["chairman"] },
        { kind: "review", rule: "all", userIds: [] },
      ]),
    ).toEqual({
      "steps.0.kind": "signLast",
      "steps.1.userIds": "pickSomeone",
      steps: "needsSigner",
    });
  });
});

describe("the step a draft waits at", () => {
  const onRoute = {
    status: "on_route",
    route: [
      {
        position: 1,
        kind: "review" as const,
        rule: "all" as const,
        status: "approved",
        members: [{ userId: "head", decision: "approved" }],
      },
      {
        position: 2,
        kind: "format_check" as const,
        rule: "all" as const,
        status: "approved",
        members: [{ userId: "clerk", decision: "approved" }],
      },
      {
        position: 3,
        kind: "sign" as const,
        rule: "all" as const,
        status: "active",
        members: [{ userId: "chairman", decision: "pending" }],
      },
    ],
  };

  it("is the signer's turn at the active step, nobody else's", () => {
    expect(activeStepOf(onRoute)?.position).toBe(3);
    expect(myTurn(onRoute, "chairman")?.kind).toBe("sign");
    expect(myTurn(onRoute, "head")).toBeNull();
    expect(myTurn({ ...onRoute, status: "signed" }, "chairman")).toBeNull();
  });

  it("can be sent back to any step before it", () => {
    expect(returnTargets(onRoute).map((s) => s.position)).toEqual([1, 2]);
  });
});
