export type LineChange = { kind: "same" | "added" | "removed"; text: string };

/** A piece of a comparison: changed lines and their context, or a run of unchanged lines folded. */
export type ComparePiece =
  { kind: "lines"; lines: LineChange[] } | { kind: "folded"; lines: LineChange[] };

/**
 * Folds the long runs of unchanged lines of a comparison, keeping `context` lines either side
 * of each change, so a reviewer reads what changed without scrolling past the whole text. A run
 * is folded only when that hides more than one line.
 */
export function foldUnchanged(lines: LineChange[], context = 2): ComparePiece[] {
  const pieces: ComparePiece[] = [];
  const push = (kind: ComparePiece["kind"], line: LineChange) => {
    const last = pieces.at(-1);
    if (last && last.kind === kind) last.lines.push(line);
    else pieces.push({ kind, lines: [line] });
  };
  const changed = lines.map((l) => l.kind !== "same");
  const near = (i: number) => {
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++)
      if (changed[j]) return true;
    return false;
  };
  lines.forEach((line, i) => push(near(i) ? "lines" : "folded", line));
  // A fold of a single line saves nothing: show it.
  return pieces.reduce<ComparePiece[]>((out, piece) => {
    const shown =
      piece.kind === "folded" && piece.lines.length < 2
        ? { ...piece, kind: "lines" as const }
        : piece;
    const last = out.at(-1);
    if (last && last.kind === "lines" && shown.kind === "lines") last.lines.push(...shown.lines);
    else out.push({ ...shown, lines: [...shown.lines] });
    return out;
  }, []);
}
