import { describe, expect, it } from "vitest";
import {
  defaultOutgoingTab,
  outgoingBoxesOf,
  outgoingTabs,
  parseOutgoingTab,
  type OutgoingCounts,
} from "./outgoing-tabs";

const empty: OutgoingCounts = {
  to_sign: 0,
  draft_review: 0,
  to_issue: 0,
  draft_returned: 0,
  drafting: 0,
};

describe("the boxes of outgoing documents a person has", () => {
  it("gives signing to leaders, issuing to clerks and drafting to those who draft", () => {
    expect(outgoingBoxesOf(["leader"])).toEqual([
      "to_sign",
      "draft_review",
      "draft_returned",
      "drafting",
    ]);
    expect(outgoingBoxesOf(["clerk"])).toEqual([
      "draft_review",
      "to_issue",
      "draft_returned",
      "drafting",
    ]);
    expect(outgoingBoxesOf(["specialist"])).toEqual(["draft_review", "draft_returned", "drafting"]);
    expect(outgoingBoxesOf(["admin"])).toEqual([]);
  });

  it("shows a box outside the person's roles when something waits in it, in the day's order", () => {
    const specialist = outgoingBoxesOf(["specialist"]);
    expect(outgoingTabs(specialist, { ...empty, to_sign: 1 })).toEqual([
      "to_sign",
      "draft_review",
      "draft_returned",
      "drafting",
    ]);
  });

  it("opens on the first box with something in it, else the first box", () => {
    const leader = outgoingBoxesOf(["leader"]);
    expect(defaultOutgoingTab(leader, { ...empty, to_sign: 2, drafting: 1 })).toBe("to_sign");
    expect(defaultOutgoingTab(leader, { ...empty, draft_returned: 1 })).toBe("draft_returned");
    expect(defaultOutgoingTab(leader, empty)).toBe("to_sign");
    expect(defaultOutgoingTab([], empty)).toBe("drafting");
  });

  it("takes the tab of the URL only when the person has it", () => {
    const specialist = outgoingBoxesOf(["specialist"]);
    expect(parseOutgoingTab("drafting", specialist, empty)).toBe("drafting");
    expect(parseOutgoingTab("to_issue", specialist, empty)).toBeNull();
    expect(parseOutgoingTab("to_handle", specialist, empty)).toBeNull();
    expect(parseOutgoingTab(null, specialist, empty)).toBeNull();
  });
});
