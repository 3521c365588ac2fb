import { describe, expect, it } from "vitest";
import type { TiptapNode } from "./draft";
import { FIRST_LINE_INDENT } from "./geometry";
import { letterBody, paragraph } from "./test-drafts";
import { bodyContent } from "./tiptap";

type Block = Record<string, unknown>;
const blocks = (doc: TiptapNode) => bodyContent(doc) as unknown as Block[];
const doc = (...content: TiptapNode[]): TiptapNode => ({ type: "doc", content });

/** The visible text of a converted paragraph. */
const textOf = (block: Block) =>
  (Array.isArray(block.text) ? (block.text as { text: string }[]) : [{ text: block.text }])
    .map((r) => r.text)
    .join("");

describe("a tiptap body as pdfmake content", () => {
  it("justifies paragraphs with a first-line indent unless the drafter aligned them", () => {
    const [plain, centred, right, left] = blocks(
      doc(
        paragraph("a"),
        paragraph("b", "center"),
        paragraph("c", "right"),
        paragraph("d", "left"),
      ),
    );
    expect(plain).toMatchObject({ alignment: "justify", leadingIndent: FIRST_LINE_INDENT });
    expect(centred).toMatchObject({ alignment: "center" });
    expect(centred).not.toHaveProperty("leadingIndent");
    expect(right).toMatchObject({ alignment: "right" });
    expect(left).toMatchObject({ alignment: "left", leadingIndent: FIRST_LINE_INDENT });
  });

  it("keeps bold, italic and underline runs and turns a hard break into a new line", () => {
    const marked = blocks(letterBody).find((b) => textOf(b).startsWith("Nội dung"))!;
    expect(marked.text).toEqual([
      { text: "Nội dung " },
      { text: "in đậm", bold: true },
      { text: ", " },
      { text: "in nghiêng", italics: true },
      { text: " và " },
      { text: "gạch chân", decoration: "underline" },
      { text: " được giữ nguyên." },
      { text: "\n" },
      { text: "Dòng sau ngắt dòng cứng." },
    ]);
  });

  it("composes decomposed Vietnamese (NFD) into single characters", () => {
    const [block] = blocks(doc(paragraph("Quye\u0302\u0301t đi\u0323nh")));
    expect(textOf(block!)).toBe("Quyết định");
  });

  it("starts list items with a dash or their number at the indent, nested ones deeper", () => {
    const nested: TiptapNode = {
      type: "orderedList",
      attrs: { start: 3 },
      content: [
        {
          type: "listItem",
          content: [
            paragraph("ba"),
            {
              type: "bulletList",
              content: [{ type: "listItem", content: [paragraph("con")] }],
            },
          ],
        },
        { type: "listItem", content: [paragraph("bốn")] },
      ],
    };
    const out = blocks(doc(nested));
    expect(out.map(textOf)).toEqual(["3. ba", "+ con", "4. bốn"]);
    expect(out.map((b) => b.leadingIndent)).toEqual([
      FIRST_LINE_INDENT,
      2 * FIRST_LINE_INDENT,
      FIRST_LINE_INDENT,
    ]);
    expect(blocks(letterBody).map(textOf)).toContain(
      "- Rà soát, cập nhật danh mục thiết bị đầu cuối của cán bộ, công chức;",
    );
  });

  it("lays table cells on a grid, with placeholders under spans and bold centred headers", () => {
    const tableBlock = blocks(letterBody).find((b) => "table" in b)!;
    const table = tableBlock.table as { body: Block[][]; headerRows: number; widths: unknown[] };
    expect(table.headerRows).toBe(1);
    expect(table.body).toHaveLength(3);
    expect(table.body.every((row) => row.length === 3)).toBe(true);
    expect(table.body[0]![0]).toMatchObject({ bold: true, stack: [{ alignment: "center" }] });
    expect(table.body[1]![1]).toMatchObject({ stack: [{ alignment: "left" }] });
    expect(table.body[2]![1]).toMatchObject({ colSpan: 2 });
    expect(table.body[2]![2]).toEqual({});
    // "STT" and the dates are narrow: as wide as their text; the content column takes the rest.
    expect(table.widths).toEqual(["auto", "*", "auto"]);
  });

  it("places a cell spanning rows so the next row's cells move right of it", () => {
    const cell = (text: string, attrs: Record<string, unknown> = {}): TiptapNode => ({
      type: "tableCell",
      attrs,
      content: [paragraph(text)],
    });
    const [block] = blocks(
      doc({
        type: "table",
        content: [
          { type: "tableRow", content: [cell("A", { rowspan: 2 }), cell("B")] },
          { type: "tableRow", content: [cell("C")] },
        ],
      }),
    );
    const body = (block!.table as { body: Block[][] }).body;
    expect(body[0]![0]).toMatchObject({ rowSpan: 2 });
    expect(body[1]![0]).toEqual({});
    expect(JSON.stringify(body[1]![1])).toContain('"C"');
  });

  it("prints the text of blocks it does not know rather than dropping it", () => {
    const out = blocks(
      doc({ type: "codeBlock", content: [{ type: "text", text: "giữ lại nội dung" }] }),
    );
    expect(out.map(textOf)).toEqual(["giữ lại nội dung"]);
  });
});
