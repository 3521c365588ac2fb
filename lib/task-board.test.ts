import { describe, expect, it } from "vitest";
import { actionForMove } from "./task-board";

describe("dropping a task card on another column", () => {
  it("asks for the workflow action that leads there, or none", () => {
    expect(actionForMove("new", "in_progress")).toBe("start");
    expect(actionForMove("in_progress", "done")).toBe("complete");
    expect(actionForMove("new", "cancelled")).toBe("cancel");
    expect(actionForMove("done", "in_progress")).toBe("reopen");
    expect(actionForMove("cancelled", "in_progress")).toBe("reopen");
    expect(actionForMove("in_progress", "new")).toBeNull();
    expect(actionForMove("cancelled", "done")).toBeNull();
    expect(actionForMove("done", "done")).toBeNull();
  });
});
