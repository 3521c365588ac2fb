import { describe, expect, it } from "vitest";
import { foldUnchanged, type LineChange } from "./compare-fold";

const same = (text: string): LineChange => ({ kind: "same", text });
const added = (text: string): LineChange => ({ kind: "added", text });
const removed = (text: string): LineChange => ({ kind: "removed", text });

describe("folding the unchanged lines of a comparison", () => {
  it("keeps two lines of context either side of a change and folds the rest", () => {
    const lines = [
      ...["a", "b", "c", "d", "e"].map(same),
      removed("f"),
      added("F"),
      ...["g", "h", "i", "j", "k"].map(same),
    ];
    const pieces = foldUnchanged(lines);
    expect(pieces.map((p) => [p.kind, p.lines.map((l) => l.text).join("")])).toEqual([
      ["folded", "abc"],
      ["lines", "defFgh"],
      ["folded", "ijk"],
    ]);
  });

  it("does not fold a single line between two changes", () => {
    const lines = [added("1"), ...["a", "b", "c", "d", "e"].map(same), added("2")];
    const pieces = foldUnchanged(lines);
    expect(pieces.map((p) => p.kind)).toEqual(["lines"]);
    expect(pieces[0]!.lines).toHaveLength(7);
  });

  it("folds a text without changes into one piece and keeps every line", () => {
    const lines = ["a", "b", "c", "d"].map(same);
    expect(foldUnchanged(lines)).toEqual([{ kind: "folded", lines }]);
    expect(foldUnchanged([])).toEqual([]);
  });
});
