import { fieldError } from "../errors";

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

/**
 * Runs a save whose name must be unique among its kind: a concurrent save of the same name slips
 * past the pre-check, and the unique index `constraint` then refuses it on the `name` field.
 */
export async function uniqueNameGuard<T>(
  constraint: string,
  messageKey: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw violatedUniqueConstraint(error) === constraint ? fieldError({ name: messageKey }) : error;
  }
}
