import { describe, expect, it } from "vitest";
import {
  defaultTab,
  inboxHref,
  inboxTabs,
  parseFilter,
  parseTab,
  tabCount,
  type InboxCounters,
} from "./inbox-tabs";

const nothing: InboxCounters = {
  clerk: null,
  leader: null,
  toReview: null,
  toHandle: 0,
  dueSoon: 0,
  overdue: 0,
  returned: 0,
  infoUnread: 0,
  outgoing: { to_sign: 0, draft_review: 0, to_issue: 0, draft_returned: 0, drafting: 0 },
};
const clerk: InboxCounters = {
  ...nothing,
  clerk: { toRegister: 0, toPresent: 2, returned: 0, atLeader: 1 },
};
const leader: InboxCounters = { ...nothing, leader: { toDirect: 3 }, toHandle: 1 };

describe("the inbox tabs a person sees", () => {
  it("gives everyone their own boxes, and the clerk's and leader's boxes only to them", () => {
    expect(inboxTabs(nothing)).toEqual(["to_handle", "handled", "info"]);
    expect(inboxTabs(clerk)).toEqual([
      "to_register",
      "to_present",
      "returned",
      "at_leader",
      "in_progress",
      "returned_to_sender",
      "completed",
      "recalled",
      "to_handle",
      "handled",
      "info",
    ]);
    expect(inboxTabs(leader)).toEqual(["to_direct", "to_handle", "handled", "info"]);
  });

  it("opens on the first box with something in it, else on the person's main box", () => {
    expect(defaultTab(leader)).toBe("to_direct");
    expect(defaultTab(clerk)).toBe("to_present");
    expect(
      defaultTab({ ...clerk, clerk: { toRegister: 0, toPresent: 0, returned: 0, atLeader: 1 } }),
    ).toBe("at_leader");
    expect(
      defaultTab({ ...clerk, clerk: { toRegister: 0, toPresent: 0, returned: 0, atLeader: 0 } }),
    ).toBe("to_register");
    expect(defaultTab({ ...nothing, infoUnread: 4 })).toBe("info");
    expect(defaultTab(nothing)).toBe("to_handle");
  });

  it("counts unread documents for information and nothing for the handled box", () => {
    expect(tabCount("info", { ...nothing, infoUnread: 4 })).toBe(4);
    expect(tabCount("handled", leader)).toBeNull();
    expect(tabCount("to_direct", leader)).toBe(3);
  });

  it("ignores a tab the person does not have and a filter outside the box to handle", () => {
    expect(parseTab("to_register", leader)).toBeNull();
    expect(parseTab("to_direct", leader)).toBe("to_direct");
    expect(parseTab("bogus", leader)).toBeNull();
    expect(parseFilter("overdue", "to_handle")).toBe("overdue");
    expect(parseFilter("overdue", "info")).toBeNull();
    expect(parseFilter("late", "to_handle")).toBeNull();
  });

  it("links to a tab with its filter", () => {
    expect(inboxHref("to_handle", "overdue")).toBe("/incoming?box=to_handle&filter=overdue");
    expect(inboxHref("to_register")).toBe("/incoming?box=to_register");
  });
});
