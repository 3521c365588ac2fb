// The plain text of a draft's tiptap body: for search, for comparing two versions line by line,
// and for the history. Block nodes become lines; table cells are separated by tabs.

type Node = { type?: string; text?: string; content?: Node[] };

const BLOCKS = new Set(["paragraph", "heading", "listItem", "tableRow", "blockquote"]);

function walk(node: Node, lines: string[], current: string[]): void {
  if (node.type === "text" && typeof node.text === "string") {
    current.push(node.text);
    return;
  }
  if (node.type === "hardBreak") {
    current.push("\n");
    return;
  }
  if (node.type === "tableCell" || node.type === "tableHeader") {
    const cellLines: string[] = [];
    const cellText: string[] = [];
    for (const child of node.content ?? []) walk(child, cellLines, cellText);
    if (current.length > 0) current.push("\t");
    current.push([...cellLines, cellText.join("")].join(" ").trim());
    return;
  }
  if (BLOCKS.has(node.type ?? "") && node.type !== "listItem") {
    const own: string[] = [];
    for (const child of node.content ?? []) walk(child, lines, own);
    const text = own.join("");
    if (node.type === "tableRow" || text.trim()) lines.push(...text.split("\n"));
    return;
  }
  for (const child of node.content ?? []) walk(child, lines, current);
}

/** The body's text, one line per paragraph, heading, list item or table row. */
export function bodyText(doc: unknown): string {
  const lines: string[] = [];
  walk((doc ?? {}) as Node, lines, []);
  return lines.join("\n");
}

export type LineChange = { kind: "same" | "added" | "removed"; text: string };

/**
 * What changed between two versions' text, line by line (longest common subsequence), as a
 * reviewer reads it: lines kept, lines taken out, lines put in.
 */
export function compareLines(before: string, after: string): LineChange[] {
  const a = before ? before.split("\n") : [];
  const b = after ? after.split("\n") : [];
  // Drafts are a few hundred lines at most; the table is at most 2,000 × 2,000.
  const n = Math.min(a.length, 2000);
  const m = Math.min(b.length, 2000);
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ kind: "removed", text: a[i++]! });
    } else {
      out.push({ kind: "added", text: b[j++]! });
    }
  }
  while (i < n) out.push({ kind: "removed", text: a[i++]! });
  while (j < m) out.push({ kind: "added", text: b[j++]! });
  return out;
}
