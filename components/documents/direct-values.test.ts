import { describe, expect, it } from "vitest";
import type { AssignmentView } from "./document-types";
import { directStart, passedUnreplaced } from "./direct-values";

const TODAY = "2026-12-07";
const UNIT = "7a1c2d3e-4a5b-4c6d-8e7f-901234567890";
const USER = "8b1c2d3e-4a5b-4c6d-8e7f-901234567890";
const OTHER = "9c1c2d3e-4a5b-4c6d-8e7f-901234567890";

const part = (p: Partial<AssignmentView>) =>
  ({
    parentId: null,
    status: "in_progress",
    unitId: null,
    userId: null,
    deadline: null,
    ...p,
  }) as AssignmentView;
let keys = 0;
const newKey = () => `k${++keys}`;

describe("directStart", () => {
  it("suggests the issuer's deadline for a first direction while it is ahead", () => {
    const start = directStart({ issuerDeadline: "2026-12-20", deadline: null }, [], TODAY, newKey);
    expect(start.lead).toEqual({ target: null, deadline: "2026-12-20", passed: null });
    expect(start.co).toEqual([]);
  });

  it("suggests no deadline for a first direction when the document's has gone by", () => {
    const start = directStart({ issuerDeadline: null, deadline: "2026-12-01" }, [], TODAY, newKey);
    expect(start.lead).toEqual({ target: null, deadline: null, passed: null });
  });

  it("starts a redirection from the open parts, keeping deadlines still ahead", () => {
    const start = directStart(
      { deadline: "2026-12-20" },
      [
        part({ role: "lead", unitId: UNIT, deadline: TODAY }),
        part({ role: "co", userId: USER, deadline: "2026-12-15", status: "pending" }),
        part({ role: "info", userId: OTHER }),
        part({ role: "co", userId: OTHER, status: "completed" }),
        part({ role: "co", userId: OTHER, parentId: "a-parent" }),
      ],
      TODAY,
      newKey,
    );
    expect(start.lead).toEqual({ target: `unit:${UNIT}`, deadline: TODAY, passed: null });
    expect(start.co).toEqual([
      { key: expect.any(String), target: `user:${USER}`, deadline: "2026-12-15", passed: null },
    ]);
    expect(start.info).toEqual([`user:${OTHER}`]);
  });

  it("starts a part whose deadline has gone by without one, remembering the day that passed", () => {
    const start = directStart(
      { deadline: "2026-12-04" },
      [
        part({ role: "lead", unitId: UNIT, deadline: "2026-12-04" }),
        part({ role: "co", userId: USER, deadline: "2026-12-06" }),
      ],
      TODAY,
      newKey,
    );
    expect(start.lead).toEqual({ target: `unit:${UNIT}`, deadline: null, passed: "2026-12-04" });
    expect(start.co[0]).toMatchObject({ deadline: null, passed: "2026-12-06" });
    expect(passedUnreplaced(start, "lead")).toBe("2026-12-04");
    expect(passedUnreplaced(start, "co.0")).toBe("2026-12-06");

    // A new day answers it.
    const answered = {
      ...start,
      lead: { ...start.lead, deadline: "2026-12-10" },
      co: [{ ...start.co[0]!, deadline: "2026-12-11" }],
    };
    expect(passedUnreplaced(answered, "lead")).toBeNull();
    expect(passedUnreplaced(answered, "co.0")).toBeNull();
  });

  it("asks nothing of a part that had no deadline or a new row", () => {
    const start = directStart(
      { deadline: null },
      [part({ role: "lead", userId: USER })],
      TODAY,
      newKey,
    );
    expect(passedUnreplaced(start, "lead")).toBeNull();
    expect(passedUnreplaced(start, "co.3")).toBeNull();
  });
});
