/** A column as the choice of columns sees it. */
export type ChoosableColumn = {
  key: string;
  /** Shown whatever is chosen: what tells one row from another, and its state. */
  fixed?: boolean;
  /** Left out until asked for (e.g. a column printed on paper that stays empty on screen). */
  defaultHidden?: boolean;
};

/** What the user changed, column by column (true: shown); the rest follow their default. */
export type ColumnChoice = Record<string, boolean>;

/** The columns left out: fixed ones never, others as the user chose or by default. */
export function hiddenColumns(
  columns: readonly ChoosableColumn[],
  choice: ColumnChoice,
): ReadonlySet<string> {
  return new Set(
    columns.filter((c) => !c.fixed && !(choice[c.key] ?? !c.defaultHidden)).map((c) => c.key),
  );
}

/** A stored choice as written by an earlier version or by hand: anything but flags is dropped. */
export function readColumnChoice(stored: string | null | undefined): ColumnChoice {
  if (!stored) return {};
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, boolean] => typeof entry[1] === "boolean",
      ),
    );
  } catch {
    return {};
  }
}
