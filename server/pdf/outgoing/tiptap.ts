// A draft's body, stored as tiptap JSON, as pdfmake content set the way Vietnamese official
// documents are: justified paragraphs with a first-line indent, list items that start with a
// dash or a number at that indent and wrap back to the margin, plain ruled tables.
import type { Content, ContentText, TableCell } from "pdfmake/interfaces";
import type { TiptapNode } from "./draft";
import { textWidth } from "./fonts";
import {
  BODY_LINE_HEIGHT,
  CONTENT_WIDTH,
  FIRST_LINE_INDENT,
  PARAGRAPH_GAP,
  SIZE,
} from "./geometry";

type Alignment = "left" | "center" | "right" | "justify";

type Inline = {
  text: string;
  bold?: boolean;
  italics?: boolean;
  decoration?: "underline" | "lineThrough";
};

/**
 * Where a block sits: the body, or a table cell (smaller type, no indent, left aligned; centred
 * in a header cell).
 */
type Setting = { inCell: boolean; width: number; align?: Alignment };

const BODY: Setting = { inCell: false, width: CONTENT_WIDTH };

const nfc = (text: string) => text.normalize("NFC");

function alignmentOf(node: TiptapNode, setting: Setting): Alignment {
  const align = node.attrs?.textAlign;
  if (align === "left" || align === "center" || align === "right" || align === "justify") {
    return align;
  }
  return setting.align ?? (setting.inCell ? "left" : "justify");
}

function inlines(nodes: TiptapNode[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes ?? []) {
    if (node.type === "hardBreak") {
      out.push({ text: "\n" });
    } else if (node.type === "text" && node.text) {
      const marks = new Set((node.marks ?? []).map((m) => m.type));
      const inline: Inline = { text: nfc(node.text) };
      if (marks.has("bold")) inline.bold = true;
      if (marks.has("italic")) inline.italics = true;
      if (marks.has("underline")) inline.decoration = "underline";
      else if (marks.has("strike")) inline.decoration = "lineThrough";
      out.push(inline);
    } else if (node.content) {
      // An inline node we do not know (a mention, a link wrapper): its text, never nothing.
      out.push(...inlines(node.content));
    }
  }
  return out;
}

type ParagraphOptions = {
  prefix?: string;
  indent?: number;
  bold?: boolean;
  italics?: boolean;
  headlineLevel?: number;
};

function paragraph(node: TiptapNode, setting: Setting, options: ParagraphOptions = {}): Content {
  const alignment = alignmentOf(node, setting);
  const runs = inlines(node.content);
  if (options.prefix) runs.unshift({ text: options.prefix });
  // Centred and right-aligned lines take no indent; an empty paragraph keeps its blank line.
  const indented = !setting.inCell && (alignment === "justify" || alignment === "left");
  const text: ContentText = {
    text: runs.length > 0 ? runs : " ",
    alignment,
    margin: [0, 0, 0, setting.inCell ? 2 : PARAGRAPH_GAP],
  };
  if (indented) text.leadingIndent = options.indent ?? FIRST_LINE_INDENT;
  if (options.bold) text.bold = true;
  if (options.italics) text.italics = true;
  if (options.headlineLevel) text.headlineLevel = options.headlineLevel;
  return text;
}

/** Markers by depth: "-" then "+" for bullets (office usage), "1." then "a)" for numbers. */
function marker(ordered: boolean, depth: number, index: number): string {
  if (!ordered) return depth % 2 === 0 ? "- " : "+ ";
  if (depth % 2 === 0) return `${index}. `;
  return `${String.fromCharCode(97 + ((index - 1) % 26))}) `;
}

function list(node: TiptapNode, setting: Setting, depth: number): Content[] {
  const ordered = node.type === "orderedList";
  const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
  const out: Content[] = [];
  const indent = FIRST_LINE_INDENT * (depth + 1);
  (node.content ?? []).forEach((item, i) => {
    let marked = false;
    for (const child of item.content ?? []) {
      if (child.type === "bulletList" || child.type === "orderedList") {
        out.push(...list(child, setting, depth + 1));
      } else if (!marked && child.type === "paragraph") {
        out.push(paragraph(child, setting, { prefix: marker(ordered, depth, start + i), indent }));
        marked = true;
      } else {
        out.push(...blocks([child], setting, depth));
      }
    }
    if (!marked && (item.content ?? []).length === 0) {
      out.push(
        paragraph({ type: "paragraph" }, setting, {
          prefix: marker(ordered, depth, start + i),
          indent,
        }),
      );
    }
  });
  return out;
}

const num = (value: unknown, fallback: number) =>
  typeof value === "number" && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;

function table(node: TiptapNode, setting: Setting): Content {
  const rows = (node.content ?? []).filter((r) => r.type === "tableRow");
  // Lay the cells on a grid, so spans leave the placeholders pdfmake expects.
  const grid: (TableCell | undefined)[][] = rows.map(() => []);
  const widthsPx: (number | null)[] = [];
  const natural: number[] = [];
  let columns = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.content ?? []) {
      while (grid[r]![c] !== undefined) c++;
      const colSpan = num(cell.attrs?.colspan, 1);
      const rowSpan = Math.min(num(cell.attrs?.rowspan, 1), rows.length - r);
      const colwidth = Array.isArray(cell.attrs?.colwidth) ? cell.attrs.colwidth : [];
      for (let dc = 0; dc < colSpan; dc++) {
        const px = colwidth[dc];
        if (typeof px === "number" && widthsPx[c + dc] == null) widthsPx[c + dc] = px;
        for (let dr = 0; dr < rowSpan; dr++) grid[r + dr]![c + dc] = {};
      }
      const header = cell.type === "tableHeader";
      if (colSpan === 1) {
        const lines = nfc(plainText(cell)).split("\n");
        const face = header ? "Bold" : "Regular";
        const widest = Math.max(...lines.map((l) => textWidth(l.trim(), face, SIZE.table)));
        natural[c] = Math.max(natural[c] ?? 0, widest);
      }
      const content: TableCell = {
        stack: blocks(
          cell.content ?? [],
          { inCell: true, width: setting.width, ...(header ? { align: "center" as const } : {}) },
          0,
        ),
        ...(header ? { bold: true } : {}),
        ...(colSpan > 1 ? { colSpan } : {}),
        ...(rowSpan > 1 ? { rowSpan } : {}),
      };
      grid[r]![c] = content;
      c += colSpan;
      columns = Math.max(columns, c);
    }
  });
  if (columns === 0) return { text: "" };
  const body = grid.map((row) => Array.from({ length: columns }, (_, c) => row[c] ?? { text: "" }));
  const known = Array.from({ length: columns }, (_, c) => widthsPx[c] ?? null);
  // Widths the editor stored, in proportion; otherwise short columns (a number, a date) as
  // wide as their text and the rest sharing what is left.
  const room = setting.width - columns * 8 - (columns + 1) * 0.5;
  const short = known.map((_, c) => (natural[c] ?? 0) < 0.15 * room);
  const widths = known.every((w): w is number => w !== null)
    ? known.map((w) => (w / known.reduce((a, b) => a + b, 0)) * room)
    : known.map((_, c) => (short[c] && !short.every(Boolean) ? ("auto" as const) : ("*" as const)));
  const firstRow = rows[0]?.content ?? [];
  const headerRow =
    firstRow.length > 0 &&
    firstRow.every((cell) => cell.type === "tableHeader" && num(cell.attrs?.rowspan, 1) === 1);
  return {
    table: { widths, body, headerRows: headerRow ? 1 : 0 },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize: SIZE.table,
    lineHeight: 1,
    margin: [0, 2, 0, PARAGRAPH_GAP + 2],
  };
}

/** The text of any node, for the kinds of block this renderer does not know. */
function plainText(node: TiptapNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(plainText).join(node.type === "paragraph" ? "" : "\n");
}

function blocks(nodes: TiptapNode[], setting: Setting, depth: number): Content[] {
  const out: Content[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "paragraph":
        out.push(paragraph(node, setting));
        break;
      case "heading": {
        const level = num(node.attrs?.level, 1);
        out.push(
          paragraph(node, setting, { bold: true, italics: level >= 3, headlineLevel: level }),
        );
        break;
      }
      case "bulletList":
      case "orderedList":
        out.push(...list(node, setting, depth));
        break;
      case "table":
        out.push(table(node, setting));
        break;
      case "blockquote":
        out.push({
          stack: blocks(node.content ?? [], { ...setting, width: setting.width - 20 * 2 }, depth),
          margin: [20, 0, 20, 0],
        });
        break;
      case "horizontalRule":
        out.push({
          canvas: [{ type: "line", x1: 0, y1: 0, x2: setting.width, y2: 0, lineWidth: 0.5 }],
          margin: [0, 4, 0, PARAGRAPH_GAP + 4],
        });
        break;
      default: {
        const text = nfc(plainText(node)).trim();
        if (text)
          out.push(paragraph({ type: "paragraph", content: [{ type: "text", text }] }, setting));
      }
    }
  }
  return out;
}

/** The body's blocks, in the body's type size and line spacing. */
export function bodyContent(doc: TiptapNode): Content[] {
  const content = doc.type === "doc" ? (doc.content ?? []) : [doc];
  return blocks(content, BODY, 0);
}

export const bodyStyle = { fontSize: SIZE.body, lineHeight: BODY_LINE_HEIGHT } as const;
