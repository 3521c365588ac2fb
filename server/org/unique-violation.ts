/**
 * The name of the unique constraint a failed statement violated, or null. A pre-check cannot
 * see a concurrent transaction's uncommitted insert, so the index is the last word; drizzle
 * wraps the driver's error, hence the walk down the `cause` chain.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505") return typeof constraint === "string" ? constraint : "";
  }
  return null;
}
