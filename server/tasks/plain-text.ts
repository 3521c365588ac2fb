type Node = { type?: unknown; text?: unknown; content?: unknown };

const BLOCKS = new Set(["paragraph", "heading", "listItem", "blockquote", "tableRow", "hardBreak"]);

/** The text of a tiptap document, blocks on their own lines: for search and lists. */
export function plainText(doc: unknown, max = 20_000): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (typeof node.text === "string") out.push(node.text);
    if (Array.isArray(node.content)) for (const child of node.content) walk(child as Node);
    if (typeof node.type === "string" && BLOCKS.has(node.type)) out.push("\n");
  };
  if (doc && typeof doc === "object") walk(doc as Node);
  return out
    .join("")
    .replace(/[ \t]*\n[\s]*/g, "\n")
    .trim()
    .slice(0, max);
}
