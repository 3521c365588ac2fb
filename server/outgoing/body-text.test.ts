import { describe, expect, it } from "vitest";
import { bodyText, compareLines } from "./body-text";

const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("a draft's text", () => {
  it("reads paragraphs, list items and table rows as lines", () => {
    const doc = {
      type: "doc",
      content: [
        p("Thực hiện Kế hoạch số 125/KH-UBND,"),
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [p("Rà soát hộ dân;")] },
            { type: "listItem", content: [p("Báo cáo trước ngày 15/12.")] },
          ],
        },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                { type: "tableHeader", content: [p("STT")] },
                { type: "tableHeader", content: [p("Nội dung")] },
              ],
            },
          ],
        },
      ],
    };
    expect(bodyText(doc)).toBe(
      "Thực hiện Kế hoạch số 125/KH-UBND,\nRà soát hộ dân;\nBáo cáo trước ngày 15/12.\nSTT\tNội dung",
    );
  });

  it("compares two versions line by line", () => {
    expect(compareLines("a\nb\nc", "a\nB\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
    expect(compareLines("", "x")).toEqual([{ kind: "added", text: "x" }]);
  });
});
