import { describe, expect, it } from "vitest";
import {
  defaultOutgoingTab,
  outgoingBoxesOf,
  outgoingHref,
  outgoingTabs,
  parseOutgoingTab,
  parseSentFilter,
  type OutgoingCounts,
} from "./outgoing-tabs";

const empty: OutgoingCounts = {
  to_sign: 0,
  draft_review: 0,
  to_issue: 0,
  draft_returned: 0,
  drafting: 0,
  sent: 0,
};

describe("the boxes of outgoing documents a person has", () => {
  it("gives signing to leaders, issuing to clerks and drafting to those who draft", () => {
    expect(outgoingBoxesOf(["leader"])).toEqual([
      "to_sign",
      "draft_review",
      "draft_returned",
      "drafting",
      "sent",
    ]);
    expect(outgoingBoxesOf(["clerk"])).toEqual([
      "draft_review",
      "to_issue",
      "draft_returned",
      "drafting",
      "sent",
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

  it("opens the sent documents only when asked, however many are late", () => {
    const clerk = outgoingBoxesOf(["clerk"]);
    expect(defaultOutgoingTab(clerk, { ...empty, sent: 4 })).toBe("draft_review");
    expect(parseOutgoingTab("sent", clerk, empty)).toBe("sent");
    expect(parseOutgoingTab("sent", outgoingBoxesOf(["specialist"]), { ...empty, sent: 2 })).toBe(
      null,
    );
    expect(parseSentFilter("late")).toBe("late");
    expect(parseSentFilter("everything")).toBe("all");
    expect(parseSentFilter(null)).toBe("all");
    expect(outgoingHref("sent", "late")).toBe("/outgoing?box=sent&filter=late");
    expect(outgoingHref("to_issue")).toBe("/outgoing?box=to_issue");
  });

  it("takes the tab of the URL only when the person has it", () => {
    const specialist = outgoingBoxesOf(["specialist"]);
    expect(parseOutgoingTab("drafting", specialist, empty)).toBe("drafting");
    expect(parseOutgoingTab("to_issue", specialist, empty)).toBeNull();
    expect(parseOutgoingTab("to_handle", specialist, empty)).toBeNull();
    expect(parseOutgoingTab(null, specialist, empty)).toBeNull();
  });
});
