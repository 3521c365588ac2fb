// What the fuzz found, grouped by target (procedure or route) and cause, with the smallest input
// that showed each, so that one run shows the whole picture and each line can be reproduced.
import fc from "fast-check";

export type Finding = {
  /** A procedure path ("search.documents") or a route ("GET /api/files/[fileId]"). */
  target: string;
  /** Why the call failed, stable across inputs: the server's error with values blanked out. */
  cause: string;
  user: string;
  status: number;
  /** What the server logged (500s), or the leaked token, or the changed tables. */
  detail: string;
};

type Entry = Finding & { input: string; users: Set<string>; calls: number };

export const findingKey = (f: Pick<Finding, "target" | "cause">) => `${f.target} · ${f.cause}`;

/** A value as a developer would paste it back into a test, with long parts cut down. */
export function describeInput(value: unknown): string {
  const cut = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") {
      return v.length > 120
        ? `${v.slice(0, 40)}…[${v.length} chars of ${fc.stringify(v.slice(0, 1))}…]`
        : v;
    }
    if (Array.isArray(v)) {
      if (depth > 6) return `[…nested ${depth} deep]`;
      const head = v.slice(0, 8).map((x) => cut(x, depth + 1));
      return v.length > 8 ? [...head, `…[${v.length} items]`] : head;
    }
    if (typeof v === "object" && v !== null && !(v instanceof Date)) {
      if (depth > 6) return `{…nested ${depth} deep}`;
      const entries = Object.entries(v);
      const head = entries.slice(0, 12).map(([k, x]) => [k, cut(x, depth + 1)]);
      if (entries.length > 12) head.push(["…", `${entries.length} keys`]);
      return Object.fromEntries(head);
    }
    return v;
  };
  return fc.stringify(cut(value, 0));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** An error message with its values blanked out, so that one bug is one cause. */
export const normaliseMessage = (message: string) =>
  message
    .replace(UUID, "<uuid>")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\b\d+\b/g, "N")
    .replace(/\s+/g, " ")
    .slice(0, 200);

type ErrorLike = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };

/**
 * The cause of a 500 from what the server logged: the innermost error of the first error logged
 * (PostgreSQL's, under drizzle's "Failed query"), as `PostgreSQL <SQLSTATE>: message` or
 * `<Error name>: message`.
 */
export function causeOfServerError(logged: readonly unknown[][], thrown: unknown): string {
  const errors = [thrown, ...logged.flat()].filter(
    (x): x is ErrorLike =>
      x instanceof Error || (typeof x === "object" && x !== null && "message" in x),
  );
  const first = errors[0];
  if (!first) return "500 without a logged error";
  let inner: ErrorLike = first;
  while (inner.cause instanceof Error) inner = inner.cause;
  const message = normaliseMessage(String(inner.message));
  if (typeof inner.code === "string" && /^[0-9A-Z]{5}$/.test(inner.code)) {
    return `PostgreSQL ${inner.code}: ${message}`;
  }
  return `${String(inner.name ?? "Error")}: ${message}`;
}

/**
 * What the server logged, for the report: its own words ("tRPC search.documents failed"), the
 * innermost error, and the parameters of the query that failed (drizzle keeps them).
 */
export function logExcerpt(logged: readonly unknown[][], thrown: unknown): string {
  const words = logged.flat().filter((a): a is string => typeof a === "string");
  let inner = [thrown, ...logged.flat()].find((a): a is Error => a instanceof Error);
  if (!inner) return words.join(" ").slice(0, 300);
  let params: unknown = undefined;
  for (;;) {
    if ("params" in inner && Array.isArray(inner.params)) params = inner.params;
    if (!(inner.cause instanceof Error)) break;
    inner = inner.cause;
  }
  const shown = Array.isArray(params)
    ? ` (query parameters ${describeInput(params).slice(0, 200)})`
    : "";
  return `${words.join(" ")} ← ${inner.name}: ${inner.message.slice(0, 200)}${shown}`;
}

export class Findings {
  private readonly entries = new Map<string, Entry>();

  /** Keeps, per target and cause, the smallest input seen: after shrinking, fast-check's. */
  record(f: Finding, input: unknown): void {
    const key = findingKey(f);
    const described = describeInput(input);
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { ...f, input: described, users: new Set([f.user]), calls: 1 });
      return;
    }
    entry.users.add(f.user);
    entry.calls++;
    if (described.length < entry.input.length) {
      Object.assign(entry, { user: f.user, status: f.status, detail: f.detail, input: described });
    }
  }

  get size(): number {
    return this.entries.size;
  }

  keysOf(targets: (target: string) => boolean): string[] {
    return [...this.entries.values()].filter((e) => targets(e.target)).map((e) => findingKey(e));
  }

  /** Every finding of the matching targets, one paragraph each, in a stable order. */
  report(targets: (target: string) => boolean, reproduce: string): string {
    const lines: string[] = [];
    const chosen = [...this.entries.values()]
      .filter((e) => targets(e.target))
      .sort((a, b) => findingKey(a).localeCompare(findingKey(b)));
    for (const e of chosen) {
      lines.push(
        `✗ ${findingKey(e)}`,
        `    users: ${[...e.users].sort().join(", ")} (${e.calls} failing calls)`,
        `    smallest: as ${e.user}, HTTP ${e.status}: ${e.input}`,
        `    detail: ${e.detail}`,
        `    reproduce: ${reproduce.replace("<target>", e.target)}`,
      );
    }
    return `${chosen.length} distinct failures:\n${lines.join("\n")}`;
  }
}
